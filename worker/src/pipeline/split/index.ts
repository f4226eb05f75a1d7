// Stage 2: split a page's cleaned lines into articles. Pure: lines in, article parts out.
//
// A page copied from an e-paper holds several articles whose pieces arrive in layout order:
// headline blocks (before or after their body), body text broken at column width, photo captions.
// The splitter works in steps, each in its own file:
//   1. classify each line (heading, byline, caption, furniture, body) from its shape and its
//      neighbours (classify.ts);
//   2. join body lines into paragraphs and cut the paragraphs into segments at hard boundaries
//      (a dateline such as 本报讯, or a headline/caption after a finished sentence) (here);
//   3. give each run of headlines to the segment before or after it, choosing the assignment
//      that best matches headline words to body words (assign.ts);
//   4. split a segment that received several headlines where its paragraphs change topic
//      (partition.ts), take back lone headlines that were text or section headings (sections.ts),
//      and give captions to the article they talk about (captions.ts).
import type { Line } from '../clean';
import { joinLines, ParagraphBuilder } from '../text';
import { endsWithCredit, matchDateline, undouble } from '../patterns';
import { ProbeIndex, ProbeWeights, terms, type Term } from '../similarity';
import { layoutOf, type Layout } from './layout';
import { classifyLines, finishedAt, hasClauseMark, isListPoint, type Kind } from './classify';
import { assignHeadings } from './assign';
import { partitionByHeadings } from './partition';
import { mergeSections, type Draft } from './sections';
import { attachCaptions } from './captions';
import { applyLineHints, type LineHint } from './hints';

export interface ArticleParts {
  title: string;
  subtitle?: string;
  kicker?: string;
  byline?: string;
  dateline?: string;
  paragraphs: string[];
  captions: string[];
}

export interface SplitOptions {
  /** The page's own title, for a page whose text has no headline. */
  fallbackTitle?: string;
  /** Per line, what the capture's layout says it is (a PDF's font sizes and positions): taken over the splitter's guess. */
  hints?: readonly LineHint[];
}


/** Labels of the boxes that close or accompany an article, over a headline of their own. */
const SIDEBAR_LABEL = /^(?:记者手记|記者手記|编辑手记|編輯手記|编者按|編者按|记者观察|記者觀察|相关链接|相關鏈接|新闻链接|新聞鏈接|背景链接|背景鏈接|延伸阅读|延伸閱讀|链接|鏈接)$/;

/** Role of a headline block inside its article's headline. */
type Role = 'title' | 'kicker' | 'subtitle' | 'column';

export interface HeadingBlock {
  text: string;
  role: Role;
  /** Line index of the block's first line: its place on the page. */
  at: number;
  bylines: string[];
  /** Printed twice as display art (纳 凉纳 凉): a photo-news headline, never a column name. */
  doubled: boolean;
  /** The display headline of photo news: a title of its own, never a column name or kicker. */
  display?: boolean;
}

/** A headline with the smaller blocks that go with it (kicker, subtitle, column name, byline). */
export interface HeadingUnit {
  main: HeadingBlock;
  extras: HeadingBlock[];
  /** The unit's words as probe ids of the page's ProbeIndex (set once the index is made). */
  terms: Int32Array;
  at: number;
}

export interface Segment {
  paragraphs: string[];
  at: number;
  /** The segment opens with a dateline (本报讯…), so it certainly starts an article. */
  opensArticle: boolean;
  /** Photo news: a caption-like text right under (or over) its own display headline. */
  photoNews: boolean;
  /** Photo news's display headline, already known from the layout. */
  displayHeadline?: HeadingBlock;
}

export interface Caption {
  text: string;
  at: number;
}

function roleOf(block: HeadingBlock): Role {
  const { text } = block;
  if (/[—―-]{2}$/.test(text)) return 'kicker';
  if (/^[—―-]{2}/.test(text)) return 'subtitle';
  if (text.length <= 4 && !block.doubled && !block.display) return 'column';
  return 'title';
}

interface PageParts {
  segments: Segment[];
  units: HeadingUnit[];
  captions: Caption[];
  /** Bylines that stand alone before a body (web copies: title, byline, body). */
  bodyBylines: Map<number, string>;
}

/** Steps 1 and 2: lines to headline units, caption texts and body segments, each with its place. */
function readPage(lines: Line[], layout: Layout, hints?: readonly LineHint[]): PageParts {
  const kinds = applyLineHints(classifyLines(lines, layout), hints);
  const segments: Segment[] = [];
  const blocks: HeadingBlock[] = [];
  const captions: Caption[] = [];
  const bodyBylines = new Map<number, string>();

  let segment: Segment | undefined;
  const paragraph = new ParagraphBuilder();
  const captionLines: string[][] = [];
  let interrupted = true; // a headline or caption stands between the last body line and the next
  let lastBodyLine: Line | undefined;
  let lastBodyIndex = -1;
  let headingOpen = false; // the previous non-blank line was a headline line of the same block
  let pendingByline: string | undefined;

  const endParagraph = () => {
    if (!paragraph.empty) {
      const text = paragraph.take();
      if (segment) segment.paragraphs.push(text);
    }
  };
  const startSegment = (at: number, opensArticle: boolean, photoNews = false) => {
    endParagraph();
    segment = { paragraphs: [], at, opensArticle, photoNews };
    segments.push(segment);
    if (pendingByline !== undefined) bodyBylines.set(segments.length - 1, pendingByline);
    pendingByline = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const kind = kinds[i]!;
    if (kind === 'chrome') continue;
    if (kind === 'blank') {
      if (!layout.wrapped) endParagraph();
      headingOpen = false;
      continue;
    }
    if (kind === 'heading') {
      const text = undouble(line.text);
      const doubled = text !== line.text;
      const previous = blocks[blocks.length - 1];
      // A kicker (…——) or subtitle (——…) line is its own block even without a blank line between.
      const marked = /^[—―]{2}/.test(text) || (previous !== undefined && /[—―]{2}$/.test(previous.text));
      // A headline wraps onto the next line; a line with commas under a plain one is a subtitle.
      // A sidebar's label over its headline (记者手记 / 做深入一线的调研) is a block of its own.
      const label = previous !== undefined && SIDEBAR_LABEL.test(previous.text);
      // (Display art printed twice neither wraps onto a plain headline nor takes one onto itself.)
      const wrapsOn = previous !== undefined && !label && previous.doubled === doubled && (!hasClauseMark(text) || hasClauseMark(previous.text));
      if (layout.wrapped && headingOpen && previous && !marked && wrapsOn) {
        previous.text = joinLines(previous.text, text);
        previous.doubled ||= doubled;
      } else {
        blocks.push({ text, role: 'title', at: i, bylines: [], doubled });
        // Photo news printed above its display headline: the credited text just before is the article.
        const lastCaption = captions[captions.length - 1];
        if (doubled && layout.wrapped && lastCaption && lastNonBlank(lines, kinds, i, 'caption') >= 0 && lastCaption.at > (segment?.at ?? -1)) {
          captions.pop();
          const photoText = new ParagraphBuilder();
          for (const captionLine of captionLines.pop()!) photoText.add(captionLine);
          startSegment(lastCaption.at, false, true);
          segment!.displayHeadline = blocks[blocks.length - 1];
          segment!.displayHeadline!.display = true;
          segment!.paragraphs.push(photoText.take());
          lastBodyLine = undefined;
          lastBodyIndex = -1;
        }
      }
      headingOpen = true;
      interrupted = true;
      continue;
    }
    headingOpen = false;
    if (kind === 'byline') {
      const previous = blocks[blocks.length - 1];
      // A byline right under a headline belongs to it; one that runs into body text belongs to that body.
      const next = lines[i + 1];
      const intoBody = next !== undefined && kinds[i + 1] === 'body';
      const underHeadline = kinds[i - 1] === 'heading' || kinds[i - 1] === 'byline' || !intoBody;
      if (previous && interrupted && underHeadline && previous.at < i && !segmentAfter(segment, previous)) previous.bylines.push(bylineText(line));
      else pendingByline = bylineText(line);
      interrupted = true;
      continue;
    }
    if (kind === 'caption') {
      const previousBlock = blocks[blocks.length - 1];
      // (A caption that says what the picture shows, 图为…, is a caption even there.)
      // Photo news has a display headline: printed twice as art, or a few characters over several lines of text.
      let captionEnd = i;
      while (captionEnd + 1 < lines.length && kinds[captionEnd + 1] === 'caption') captionEnd++;
      const display = previousBlock !== undefined && (previousBlock.doubled || (previousBlock.text.length <= 8 && captionEnd > i));
      const underHeadline =
        display && headlineRightAbove(lines, kinds, i) && previousBlock!.text.length >= 4 && !/^(?:图为|圖為)/.test(line.text);
      const captionStart = i;
      if (underHeadline && !segmentAfter(segment, previousBlock)) {
        // Photo news: the text under a display headline is the article itself.
        startSegment(i, false, true);
        segment!.displayHeadline = previousBlock;
        previousBlock!.display = true;
        const photoText = new ParagraphBuilder();
        // (A photo credit closes the text: a caption line after it is the picture's own.)
        for (; i < lines.length && kinds[i] === 'caption' && !(i > captionStart && endsWithCredit(lines[i - 1]!.raw)); i++) photoText.add(lines[i]!.text);
        segment!.paragraphs.push(photoText.take());
        i--;
        interrupted = true;
        lastBodyLine = undefined;
        lastBodyIndex = -1;
        continue;
      }
      // A caption ends at its photo credit: the next caption line starts another.
      if (captions.length > 0 && kinds[i - 1] === 'caption' && !endsWithCredit(lines[i - 1]!.raw)) captionLines[captionLines.length - 1]!.push(line.text);
      else {
        captions.push({ text: '', at: i });
        captionLines.push([line.text]);
      }
      interrupted = true;
      continue;
    }
    // Body text.
    const dateline = matchDateline(line.text);
    // A line of full sentences standing alone right under photo news is the photo's caption
    // (荷花盛开: its text, then 市民在园博园荷塘边拍照。).
    if (layout.wrapped && segment?.photoNews && interrupted && !dateline && standsAlone(lines, i) && line.text.length <= 60 && line.endsSentence) {
      captions.push({ text: '', at: i });
      captionLines.push([line.text]);
      continue;
    }
    // Judged from the last line(s) alone: the paragraph string can be long.
    const finishedBefore = !lastBodyLine || finishedAt(lines, lastBodyIndex);
    if (dateline && segment && summaryPointsOnly(segment, lastBodyLine)) {
      // Summary points (■ …) under a headline lead into the story: its dateline goes on from them.
      endParagraph();
      segment.opensArticle = true;
    } else if (!segment || (dateline && finishedBefore) || (interrupted && (finishedBefore || !layout.wrapped))) {
      startSegment(i, Boolean(dateline));
    } else if (!layout.wrapped || (finishedBefore && endsParagraph(lines, i, lastBodyIndex, layout))) {
      endParagraph();
    }
    paragraph.add(line.text);
    if (!layout.wrapped) endParagraph();
    lastBodyLine = line;
    lastBodyIndex = i;
    interrupted = false;
  }
  endParagraph();
  captions.forEach((caption, index) => {
    const text = new ParagraphBuilder();
    for (const captionLine of captionLines[index]!) text.add(captionLine);
    caption.text = text.take();
  });
  return { segments, units: groupUnits(blocks), captions, bodyBylines };
}

/** A byline keeps one space between names (本报记者 刘鑫焱 付明丽): there they separate people. */
function bylineText(line: Line): string {
  return line.raw.replace(/[\s\u3000]+/g, ' ');
}

function segmentAfter(segment: Segment | undefined, block: HeadingBlock): boolean {
  return segment !== undefined && segment.at > block.at;
}

/** The segment so far holds only summary points (■ …), the lines a web copy prints under a headline. */
function summaryPointsOnly(segment: Segment, lastBodyLine: Line | undefined): boolean {
  return segment.paragraphs.length > 0 && lastBodyLine !== undefined && isListPoint(lastBodyLine.text) && segment.paragraphs.every(isListPoint);
}

/** Line `i` is a block of its own: blank lines (or the page's edge) above and below it. */
function standsAlone(lines: Line[], i: number): boolean {
  return (i === 0 || !lines[i - 1]!.text) && (i === lines.length - 1 || !lines[i + 1]!.text);
}

/** A headline line just above line `i`: at most one blank line and the headline's byline between them. */
function headlineRightAbove(lines: Line[], kinds: Kind[], i: number): boolean {
  let blanks = 0;
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    if (kinds[j] === 'heading') return true;
    if (!lines[j]!.text && ++blanks > 1) return false;
    if (lines[j]!.text && kinds[j] !== 'byline') return false;
  }
  return false;
}

function lastNonBlank(lines: Line[], kinds: Kind[], i: number, kind: Kind): number {
  for (let j = i - 1; j >= 0; j--) {
    if (!lines[j]!.text) continue;
    return kinds[j] === kind ? j : -Infinity;
  }
  return -Infinity;
}

/** The width of a block's text lines next to line `from` (two lines, going `step` = 1 down or -1 up). */
function blockWidth(lines: Line[], from: number, step: 1 | -1): number {
  const next = lines[from + step];
  return Math.max(lines[from]!.width, next?.text ? next.width : 0);
}

/**
 * In column text a short line that ends a sentence ends its paragraph; so does a finished sentence
 * before a blank line after which the column is of another width (the text goes on in another block).
 */
function endsParagraph(lines: Line[], i: number, lastBodyIndex: number, layout: Layout): boolean {
  const lastBodyLine = lines[lastBodyIndex]!;
  if (lines[i]!.indented) return true;
  if (i > lastBodyIndex + 1 && Math.abs(blockWidth(lines, i, 1) - blockWidth(lines, lastBodyIndex, -1)) >= 3) return true;
  if (lastBodyLine.gaps >= 3) return false; // justified: a full line
  return lastBodyLine.width <= layout.columnWidthAt(i) - 1.5;
}

/** Headline blocks next to each other become units: a title with its kicker, subtitle, column name. */
function groupUnits(blocks: HeadingBlock[]): HeadingUnit[] {
  const units: HeadingUnit[] = [];
  let pendingKicker: HeadingBlock | undefined;
  for (const block of blocks) block.role = roleOf(block);
  blocks.forEach((block, index) => {
    const previous = units[units.length - 1];
    // A headline takes at most a few small blocks along (kicker, subtitle, column name).
    const adjacent = previous && block.at - lastLineOf(previous) <= 3 && previous.extras.length < MAX_EXTRAS;
    const next = blocks[index + 1];
    // A column name right above a headline introduces it, like a kicker.
    if (block.role === 'column' && next && next.role === 'title' && next.at - block.at <= 2) {
      if (pendingKicker) units.push({ main: pendingKicker, extras: [], terms: NO_TERMS, at: pendingKicker.at });
      pendingKicker = block;
      return;
    }
    if (block.role === 'kicker') {
      // Two kickers in a row: the first introduced no headline and stands as its own block.
      if (pendingKicker) units.push({ main: pendingKicker, extras: [], terms: NO_TERMS, at: pendingKicker.at });
      pendingKicker = block;
      return;
    }
    if ((block.role === 'subtitle' || block.role === 'column') && previous && adjacent && !pendingKicker) {
      previous.extras.push(block);
      return;
    }
    // A kicker introduces the headline right under it; one far above introduced nothing.
    if (pendingKicker && block.at - pendingKicker.at > 3) {
      units.push({ main: pendingKicker, extras: [], terms: NO_TERMS, at: pendingKicker.at });
      pendingKicker = undefined;
    }
    const unit: HeadingUnit = { main: block, extras: pendingKicker ? [pendingKicker] : [], terms: NO_TERMS, at: pendingKicker?.at ?? block.at };
    pendingKicker = undefined;
    units.push(unit);
  });
  if (pendingKicker) units.push({ main: pendingKicker, extras: [], terms: NO_TERMS, at: pendingKicker.at });
  return units;
}

const NO_TERMS = new Int32Array(0);

/** The words a headline unit is matched by. A column name (政协谈) is shared by many articles: it says nothing about which body is this one's. */
function unitTerms(unit: HeadingUnit): Set<Term> {
  const words = [unit.main, ...unit.extras].filter((block) => block.role !== 'column').map((block) => block.text);
  return terms(words.join('\n'));
}

const MAX_EXTRAS = 3;

function lastLineOf(unit: HeadingUnit): number {
  return Math.max(unit.main.at, ...unit.extras.map((extra) => extra.at));
}

/** Splits the page's lines into articles. */
export function splitArticles(lines: Line[], options: SplitOptions = {}): ArticleParts[] {
  const layout = layoutOf(lines);
  const page = readPage(lines, layout, options.hints);
  const { segments, units, captions } = page;

  if (segments.length === 0) {
    // Nothing but headline-like lines: one article that keeps them all as its text.
    const texts = units.flatMap((unit) => [unit.main.text, ...unit.extras.map((extra) => extra.text)]);
    if (texts.length === 0 && captions.length === 0) return [];
    const paragraphs = texts.length > 0 ? texts : captions.map((caption) => caption.text);
    return [{ title: options.fallbackTitle?.trim() || paragraphs[0]!, paragraphs, captions: texts.length > 0 ? captions.map((c) => c.text) : [] }];
  }

  // Only headline and caption words decide anything here, so only they are looked for in the body.
  const probeIndex = new ProbeIndex([...units.map(unitTerms), ...captions.map((caption) => terms(caption.text))]);
  units.forEach((unit, k) => (unit.terms = probeIndex.probeIds[k]!));
  const captionTerms = probeIndex.probeIds.slice(units.length);
  const segmentTerms = segments.map((segment) => probeIndex.ofAll(segment.paragraphs));
  const weights = new ProbeWeights(segmentTerms, probeIndex.size);
  const assigned = assignHeadings(segments, units, segmentTerms, weights, layout);

  const drafts: Draft[] = [];
  segments.forEach((segment, index) => {
    const mine = assigned[index]!;
    const byline = page.bodyBylines.get(index);
    if (mine.length === 0 && !segment.opensArticle && drafts.length > 0) {
      // A body piece with no headline of its own continues the article before it.
      drafts[drafts.length - 1]!.paragraphs.push(...segment.paragraphs);
      return;
    }
    partitionByHeadings(segment.paragraphs, mine, weights, probeIndex, segment.at).forEach((part, partIndex) => {
      // A byline above the segment belongs to its first article only.
      drafts.push({ units: part.units, paragraphs: part.paragraphs, at: segment.at, byline: partIndex === 0 ? byline : undefined, segment });
    });
  });

  mergeSections(drafts, segments, weights, probeIndex, layout);
  const articles = drafts.map((draft) => toArticle(draft.units, draft.paragraphs, draft.byline));
  if (articles.length === 1 && drafts[0]!.units.length === 0 && options.fallbackTitle?.trim()) {
    articles[0]!.title = options.fallbackTitle.trim();
  }
  attachCaptions(articles, drafts.map((draft) => draft.at), captions, captionTerms, probeIndex, weights);
  return articles;
}

/** Title, subtitle and kicker from a segment's headline units, in page order. */
function toArticle(units: HeadingUnit[], paragraphs: string[], bodyByline: string | undefined): ArticleParts {
  const article: ArticleParts = { title: '', paragraphs, captions: [] };
  const ordered = [...units].sort((a, b) => a.at - b.at);
  const blocks = ordered.flatMap((unit) => [unit.main, ...unit.extras]).sort((a, b) => a.at - b.at);
  const bylines = blocks.flatMap((block) => block.bylines);
  const kicker = blocks.filter((block) => block.role === 'kicker' || block.role === 'column');
  const subtitles = blocks.filter((block) => block.role === 'subtitle');
  const titles = blocks.filter((block) => block.role === 'title');
  if (titles.length >= 3) {
    kicker.unshift(titles.shift()!); // kicker, title, subtitle: the usual three-line headline
  } else if (titles.length === 2 && titles[0]!.text.length * 10 < titles[1]!.text.length * 6) {
    kicker.push(titles.shift()!); // a short line above a long one is the kicker
  }
  const main = titles.shift();
  subtitles.unshift(...titles);
  if (main) article.title = main.text;
  else if (subtitles.length) article.title = subtitles.shift()!.text;
  else if (kicker.length) article.title = kicker.pop()!.text;
  // Several blocks in one field join as text does: directly in Chinese, with a space in English.
  if (subtitles.length) article.subtitle = subtitles.map((block) => block.text).reduce(joinLines);
  if (kicker.length) article.kicker = kicker.map((block) => block.text).reduce(joinLines);

  const first = paragraphs[0] ?? '';
  const dateline = matchDateline(first);
  if (dateline) article.dateline = dateline.dateline;
  const byline = bylines.length > 0 ? bylines.join(' ') : (bodyByline ?? dateline?.byline);
  if (byline) article.byline = byline;
  if (!article.title) article.title = titleFromText(first);
  return article;
}

const SENTENCE_END = /[。！？!?]|\.(?=\s|$)/;

/** A headline-less article is titled by its first sentence (without the dateline), cut at a clause if long. */
export function titleFromText(text: string): string {
  const dateline = matchDateline(text);
  let body = dateline ? text.slice(text.indexOf(dateline.dateline) + dateline.dateline.length).replace(/^[（(][^）)]{0,40}[）)]/, '').trim() : text;
  if (!body) body = text;
  const end = SENTENCE_END.exec(body);
  // A question or exclamation keeps its mark (治愈患者捐献血浆会影响健康吗？); a full stop does not.
  let sentence = end ? body.slice(0, end.index + (/[！？!?]/.test(end[0]) ? 1 : 0)) : body;
  if (sentence.length > 60) {
    const clause = sentence.slice(0, 60).search(/[，,；;](?=[^，,；;]*$)/);
    // Cut at a clause, or at 60 code units without splitting a surrogate pair.
    const cut = clause > 8 ? clause : /[\ud800-\udbff]/.test(sentence[59]!) ? 59 : 60;
    sentence = sentence.slice(0, cut);
  }
  return sentence.trim();
}
