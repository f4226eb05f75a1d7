// After the split: second thoughts on a lone one-line headline. It may be a line of text cut off
// by a column break, or a section heading of the article above it, rather than an article's title.
// And a speaker's part of a collection of speeches is a section of the collection.
import type { Draft, HeadingBlock, HeadingUnit, Segment } from './model';
import type { Layout } from './layout';
import { displayWidth, joinLines } from '../text';
import { isNumberedHeading, isSidebarLabel, LEAD_IN, namesSpeakerByPost, presentsCollection } from '../patterns';
import { PageTerms, type ProbeIndex, type ProbeWeights, type TermBag } from '../similarity';


/**
 * When two neighbouring texts are one article with a section heading between them: cohesive at
 * `sure` or more; never below `least`; in between, when the text under the heading is at least
 * `margin` times as close to the article above as to any other nearby. Words (English) are shared
 * by unrelated stories far more than Han bigrams are, so they need more (the English figures were
 * set with a quality floor for English pages at unseen seeds). Set by hand, no recorded figures.
 */
const SECTION_COHESION = {
  han: { sure: 0.06, least: 0.035, margin: 1 },
  words: { sure: 0.12, least: 0.04, margin: 1.5 },
};
/**
 * A feature opens with a few paragraphs before its first section: at most this many, with no
 * dateline, an article over a run of sections is taken for one. On the tuned copies 2 to 8 gained
 * the same (one page, both readers: “一步一步往上走” and its sections).
 */
const MAX_FEATURE_OPENING_PARAGRAPHS = 3;
/** Drafts on each side whose cohesion a section must beat: set by hand, no recorded evidence. */
const SECTION_RIVALS = 6;
/** A headline must share at least this much with the body under it, or it is no headline: set by hand, no recorded evidence. */
const MIN_TITLE_COVERAGE = 0.25;
/**
 * A line cut off at a column's foot is within this much (em) of the column's width: its lost indent
 * (2) and a Latin run's narrower characters. The tuned copies' cut-off lines run 0 to 4.5 em short
 * of their column (PPI同比由上月下降0.9%转为上涨: 14.5 of 19); the headlines taken for them 9 em or
 * more (锻造更加坚强的英雄军队: 11 of 43).
 */
const CUT_OFF_LINE_SLACK = 5;

/**
 * Second thoughts on a lone one-line headline over a body without a dateline (a web copy whose
 * blank lines part articles has settled section headings already, by them):
 * - if the body under it does not use its words, it is a line of text cut off by a column
 *   break (在招商局检测车辆技术研 | 究院有限公司…): it goes back into the running text;
 * - if the body talks about the same things as the article above, more than about any other
 *   article near it, it is a section heading of that article (突出以人民为中心的价值取向).
 */
export function mergeSections(drafts: Draft[], segments: Segment[], weights: ProbeWeights, index: ProbeIndex, layout: Layout, furniture: readonly number[]): void {
  if (!layout.wrapped) {
    if (layout.blankLines !== 'articles') mergeWebSections(drafts, segments);
    return;
  }
  // Comparing whole bodies needs every word's weight over the page: worked out once, if ever.
  let pageTerms: PageTerms | undefined;
  const weighed = () => (pageTerms ??= new PageTerms(segments.map((segment) => segment.paragraphs.join('\n'))));
  // Term bags are built only for the drafts a decision needs.
  const known: (TermBag | undefined)[] = [];
  const termsOf = (index: number): TermBag => (known[index] ??= weighed().bag(drafts[index]!.paragraphs.join('\n')));
  // Only a draft under a bare headline can be a section; the others are surely articles, and are
  // the rivals a section must resemble less than its own article.
  const candidates = drafts.map((draft) => {
    const unit = draft.units[0];
    // A bare headline, or a kicker-like lead-in (加快传统产业“升”的步伐——) with no headline under it,
    // maybe under a label of its own (记者手记 over a sidebar that closes the article).
    // (Only a sidebar's label: a column's name, 国际论坛, introduces an article of its own. A
    // lead-in ending in ——, 西班牙桑坦德——, heads a feature's section as often as a story: there
    // the text must surely go on with the article above.)
    const bare = (candidate: HeadingUnit) =>
      candidate.extras.every((extra) => (extra.role === 'column' ? isSidebarLabel(extra.text) : extra.role === 'kicker' && LEAD_IN.test(extra.text)) && extra.bylines.length === 0) &&
      (candidate.main.role === 'title' || candidate.main.role === 'kicker') &&
      candidate.main.bylines.length === 0;
    // (A section's heading may come in two lines of two sizes: 指标咋完成 / 做行动派，扛起新责任.)
    // (Only the headlines over the text: one printed after it, a pull quote, says nothing of
    // whether the heading over it opens an article.)
    const over = draft.units.filter((candidate) => candidate.at < draft.at);
    const stacked = over.length === 2 && over[1]!.at - over[0]!.at === 1;
    const lone = (over.length === 1 || stacked) && over.every(bare);
    return lone && !draft.segment.opensArticle && !draft.segment.photoNews && !draft.byline && unit!.at < draft.at;
  });
  // A candidate that took sections in: the first section of a feature, maybe (judged again below).
  const grown = drafts.map(() => false);
  // Draft k's text goes on in the article above it.
  const absorb = (k: number, texts: string[]) => {
    drafts[k - 1]!.paragraphs.push(...texts);
    if (known[k - 1]) weighed().addTo(known[k - 1]!, termsOf(k));
    if (candidates[k - 1]) grown[k - 1] = true;
    for (const list of [drafts, known, candidates, grown]) list.splice(k, 1);
  };
  // Front to back, so that the article above a section already holds its earlier sections.
  for (let k = 1; k < drafts.length; k++) {
    const above = drafts[k - 1]!;
    const draft = drafts[k]!;
    const unit = draft.units[0];
    if (!candidates[k]) continue;
    const headings = headingBlocks(draft);
    const labels = headings.filter((block) => block !== unit!.main).map((block) => block.text);
    // (A section goes on in its article's column: text under a headline in another frame is
    // another article.)
    const otherFrame = layout.wrapped && layout.columnChanges(unit!.at, draft.at);
    // (A web copy cuts no line off a sentence: there a line is a whole paragraph or headline.)
    // (A headline of several lines is no line cut off.)
    // (A line cut off at a column's foot, over a frame of another width, fills its column.)
    // (A line at the top of a page, under its running head, is cut off from no text on the page before.)
    const opensPage = furniture.includes(unit!.at - 1);
    const mayBeCutOff = layout.wrapped && labels.length === 0 && !unit!.main.parts && !opensPage && (!otherFrame || fillsColumnAbove(unit!.main, layout));
    if (mayBeCutOff && weights.coverage(unit!.terms, index.ofAll(draft.paragraphs)) < MIN_TITLE_COVERAGE) {
      const [first = '', ...rest] = draft.paragraphs;
      absorb(k--, [joinLines(unit!.main.text, first), ...rest]);
    } else if (
      (layout.wrapped || layout.blankLines !== 'articles') &&
      above.units.length > 0 &&
      !otherFrame &&
      isSectionOf(termsOf, drafts.length, candidates, k, weighed(), unit!.extras.some((extra) => extra.role === 'kicker'))
    ) {
      absorb(k--, sectionText(draft));
    }
  }
  // A feature's short opening names what each section is about in a word or two: close to all its
  // sections together, not always to the first one alone. A first section that took later ones in
  // is judged again with them all.
  for (let k = 1; k < drafts.length; k++) {
    const draft = drafts[k]!;
    if (!grown[k] || drafts[k - 1]!.units.length === 0 || layout.columnChanges(draft.units[0]!.at, draft.at)) continue;
    // (Over a short opening with no dateline, a feature's, sections need no more than the least
    // cohesion: the opening names them in passing, and a story nearby may well share more words.)
    const opening = drafts[k - 1]!;
    const feature = opening.paragraphs.length <= MAX_FEATURE_OPENING_PARAGRAPHS && !opening.segment.opensArticle;
    if (isSectionOf(termsOf, drafts.length, candidates, k, weighed(), false, feature)) absorb(k--, sectionText(draft));
  }
}

/** A draft's headline blocks in page order: what goes back into the text when its headline turns out a section's. */
function headingBlocks(draft: Draft): HeadingBlock[] {
  return draft.units.flatMap((unit) => [unit.main, ...unit.extras]).sort((a, b) => a.at - b.at);
}

/** A section's text in page order: its headings over it, its paragraphs, the lines printed after them (a pull quote). */
function sectionText(draft: Draft): string[] {
  const headings = headingBlocks(draft);
  const texts = (blocks: HeadingBlock[]) => blocks.map((block) => block.text);
  return [...texts(headings.filter((block) => block.at < draft.at)), ...draft.paragraphs, ...texts(headings.filter((block) => block.at > draft.at))];
}

/** The block runs its column's full width, as the last line of a column does. */
function fillsColumnAbove(block: HeadingBlock, layout: Layout): boolean {
  return Math.abs(displayWidth(block.text) - layout.columnWidthAt(block.at - 1)) <= CUT_OFF_LINE_SLACK;
}

/**
 * `sureOnly`: a web copy's lone headline, which stands on a line of its own whatever it is, is a
 * section heading only when the texts are surely one (a column break in a PDF copy cuts a
 * section off its article more often than a web copy puts two unrelated articles side by side).
 * `leastOnly`: cohesive at the least is enough, whatever the drafts nearby share with the text.
 */
function isSectionOf(termsOf: (index: number) => TermBag, count: number, candidates: boolean[], k: number, pageTerms: PageTerms, sureOnly = false, leastOnly = false): boolean {
  const { sure, least, margin } = mostlyWords(termsOf(k)) ? SECTION_COHESION.words : SECTION_COHESION.han;
  const withAbove = pageTerms.cohesion(termsOf(k - 1), termsOf(k));
  if (withAbove >= sure) return true;
  if (withAbove < least || sureOnly) return false;
  if (leastOnly) return true;
  let rival = 0;
  for (let j = Math.max(0, k - SECTION_RIVALS); j < Math.min(count, k + SECTION_RIVALS); j++) {
    if (j !== k && j !== k - 1 && !candidates[j]) rival = Math.max(rival, pageTerms.cohesion(termsOf(j), termsOf(k)));
  }
  return withAbove >= margin * rival;
}

/** Most of the terms are words (Latin script) rather than Han bigrams. */
function mostlyWords(terms: TermBag): boolean {
  return terms.words * 2 > terms.ids.length;
}

/**
 * A web copy (one line per paragraph) where blank lines part no articles, as a paste of one
 * article gives it: a headline with no byline or dateline of its own heads a section of the
 * article above (a subheading, a list's or table's short lines), unless the text under it
 * plainly talks about something else.
 */
function mergeWebSections(drafts: Draft[], segments: Segment[]): void {
  const candidates = drafts.map(isWebSection);
  let pageTerms: PageTerms | undefined;
  const known: (TermBag | undefined)[] = [];
  const termsOf = (k: number): TermBag => (known[k] ??= pageTerms!.bag(drafts[k]!.paragraphs.join('\n')));
  for (let k = 1; k < drafts.length; k++) {
    if (!candidates[k]) continue;
    pageTerms ??= new PageTerms(segments.map((segment) => segment.paragraphs.join('\n')));
    const draft = drafts[k]!;
    if (topicChanges(draft, termsOf(k - 1), termsOf(k), pageTerms)) continue;
    const above = drafts[k - 1]!;
    const headings = headingBlocks(draft);
    above.paragraphs.push(...headings.map((block) => block.text), ...draft.paragraphs);
    if (known[k - 1]) pageTerms.addTo(known[k - 1]!, termsOf(k));
    drafts.splice(k, 1);
    known.splice(k, 1);
    candidates.splice(k, 1);
    k--;
  }
}

/**
 * Sections of one article share less with it than articles printed side by side share with
 * each other only rarely: on the tuned half of the pasted test pages (npm run eval:paste), 2 % of
 * the sections under a headline-like line of at least MIN_TOPIC_TERMS terms fell below 0.04,
 * and 60 % of the generated web copies' articles with no byline or dateline did.
 */
const TOPIC_CHANGE_COHESION = 0.04;
/** Fewer terms than this say too little to tell a change of topic (a short section, a list): set by hand, no recorded evidence. */
const MIN_TOPIC_TERMS = 50;
/** A headline of a new article says something: at least this many words, or Han characters. Set by hand, no recorded evidence. */
const MIN_HEADLINE_WORDS = 4;
const MIN_HEADLINE_HAN = 5;

/** The text under a web copy's headline is a new article: it talks about something else. */
function topicChanges(draft: Draft, above: TermBag, below: TermBag, pageTerms: PageTerms): boolean {
  const headline = draft.units[0]!.main.text;
  // (A line in capitals, US FALLS, is a subhead of a wire story.)
  if (isNumberedHeading(headline) || !saysSomething(headline) || isAllCaps(headline)) return false;
  return below.ids.length >= MIN_TOPIC_TERMS && pageTerms.cohesion(above, below) < TOPIC_CHANGE_COHESION;
}

function isAllCaps(text: string): boolean {
  return /\p{Lu}{2}/u.test(text) && !/\p{Ll}/u.test(text);
}

function saysSomething(headline: string): boolean {
  return (headline.match(/\p{Script=Han}/gu)?.length ?? 0) >= MIN_HEADLINE_HAN || (headline.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0) >= MIN_HEADLINE_WORDS;
}

/** A draft under headlines alone, printed above it: no byline, no dateline, no photo. */
function isWebSection(draft: Draft): boolean {
  if (draft.units.length === 0 || draft.segment.opensArticle || draft.segment.photoNews || draft.byline) return false;
  return draft.units.every((unit) => unit.at < draft.at && [unit.main, ...unit.extras].every((block) => block.bylines.length === 0));
}

/**
 * A collection of speeches or interviews (——论坛发言摘编; 本版摘编与会嘉宾精彩发言) prints each
 * speaker's part under a headline of its own that names the speaker by post (人民日报出版社社长丁丁):
 * those parts stay in the collection's article, as its sections.
 */
export function mergeSpeakerParts(drafts: Draft[]): void {
  let collection: Draft | undefined;
  for (let k = 0; k < drafts.length; k++) {
    const draft = drafts[k]!;
    const headings = headingBlocks(draft);
    const speakerPart = collection !== undefined && !draft.segment.opensArticle && headings.some((block) => namesSpeakerByPost(block.text));
    if (speakerPart) {
      collection!.paragraphs.push(...headings.map((block) => block.text), ...draft.paragraphs);
      drafts.splice(k, 1);
      k--;
      continue;
    }
    // (The collection says what it is in its headline or its opening paragraph.)
    collection = [...headings.map((block) => block.text), draft.paragraphs[0] ?? ''].some(presentsCollection) ? draft : undefined;
  }
}

