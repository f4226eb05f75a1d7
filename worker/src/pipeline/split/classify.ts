// Step 1 of the splitter: what each line of a page is, from its shape and its neighbours:
// a headline line, a byline, a photo caption, page furniture, or body text.
import type { Line } from '../clean';
import { FULL_LINE_SLACK, JUSTIFIED_GAPS, type Layout } from './layout';
import { charSet, endsSentence, endsWithOneOf, hasHan, isHan, startsWithOneOf } from '../text';
import { DASH_OPENED, endsWithCredit, isEditorsNote, isSignOff, hasCaptionGap, isBylineLine, isChromeLine, isContinuedFrom, isDateAlone, continuedFromNote, isDoubled, isLinkListHeader, isPageFurniture, isPersonName, LEAD_IN, matchDateline, WRAPPED_DASHES, MIN_PULL_QUOTE_CHARS, quotedWords } from '../patterns';
import { bracketsBalanced, closesUnopened, Junctions } from '../junctions';
import { MAX_COLUMN_NAME_CHARS } from './units';

import type { Kind, LineFacts } from './model';
import { bigramShare, hanBigrams } from '../terms';

const CLAUSE_MARK = /[，、；：。,;]/;
const BRACKETED = /（[^（）]*）|\([^()]*\)|《[^《》]*》|“[^“”]*”|「[^「」]*」/g;
const OPENING_BRACKET = /[（(《“「]/;
const TRAILING_CLAUSE_MARKS = charSet('，、；：,;:');
/** Characters that leave a phrase open: no headline ends on them, a line cut from a sentence may. */
const DANGLING_ENDS = charSet('的把被而但并並且');
/** Commas a narrow headline may break after: between clauses (，) and between the items of a list (、). */
const COMMAS = charSet('，,、');
const LIST_BULLETS = charSet('■●◆▲');

/** A list or summary point (■ …): never a headline; under a web headline, points lead into its story. */
export function isListPoint(text: string): boolean {
  return startsWithOneOf(text, LIST_BULLETS);
}
const QUESTION_OR_EXCLAMATION = charSet('？！?!');
const CLOSING_BRACKETS = charSet('）)');
const FULL_STOPS = charSet('。.');
/** A headline says something in words: a line of rule marks (__, ***) is none. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A note in brackets: the whole line, or its end. */
const WHOLLY_BRACKETED = /^[（(][^（）()]*[）)]$/;
const OPENS_WITH_BRACKET = /^[（(]/;
const TRAILING_NOTE = /[（(][^（）()]*[）)]$/;
/**
 * The opening of a caption saying what a picture shows (图为…), or naming the artwork printed
 * (水彩《洞庭渔光曲》，作者黄铁山，中国美术馆藏。).
 */
const PICTURE_WORDS = /^(?:图为|圖為|图：|圖：|上图|下图|左图|右图)/;
/** Most characters before an artwork's title (水彩, 中国画): set by hand, no recorded evidence. */
const MAX_BEFORE_ARTWORK = 8;
const ARTWORK_NAMED = new RegExp(`^\\p{Script=Han}{0,${MAX_BEFORE_ARTWORK}}《[^》]+》[，,]作者`, 'u');

function isPictureLead(text: string): boolean {
  if (PICTURE_WORDS.test(text)) return true;
  // (The title's mark found first: the pattern's search for it costs more, on every line of text.)
  // (In code units: a character beyond the Basic Multilingual Plane takes two.)
  const title = text.indexOf('《');
  return title >= 0 && title <= 2 * MAX_BEFORE_ARTWORK && ARTWORK_NAMED.test(text);
}

/** Longest line asked whether it is rule marks (__, ***) rather than words: such lines are short. Set by hand, no recorded evidence. */
const MAX_RULE_LINE_CHARS = 8;
/** Widest line (em) ending in a comma that may still be a wrapped headline's line (春笋香椿上桌， / 江南人的咬春时节): set by hand, no recorded evidence. */
const MAX_COMMA_HEADLINE_WIDTH = 12;
/** Longest paragraph of a web copy that ends in a credit and is a caption: set by hand, no recorded evidence. */
const MAX_WEB_CAPTION_CHARS = 200;
/** Longest caption saying what a picture shows (图为…), in characters and lines: set by hand, no recorded evidence. */
const MAX_PICTURE_CAPTION_CHARS = 120;
const MAX_PICTURE_CAPTION_LINES = 3;
/**
 * A line of full sentences at least WIDE_CAPTION_SPAN times as wide as its column, and at most
 * MAX_WIDE_CAPTION_CHARS long, spans pictures: a caption. Set by hand, no recorded evidence.
 */
const WIDE_CAPTION_SPAN = 1.8;
const MAX_WIDE_CAPTION_CHARS = 100;
/** Most summary points (■ …) standing between a web copy's headline and its byline or dateline: set by hand, no recorded evidence. */
const MAX_SUMMARY_POINTS = 6;
/** Most lines a closing note in brackets runs over (…需求。（原题为《雄安新区…》）, （记者 赵\n成）): set by hand, no recorded evidence. */
const MAX_NOTE_LINES = 4;
/** Widest question or exclamation (em) standing alone that is a web copy's headline: set by hand, no recorded evidence. */
const MAX_QUESTION_HEADLINE_WIDTH = 30;
/** An author's bare name under a headline is narrower than its widest line by more than this (em): set by hand, no recorded evidence. */
const NAME_NARROWER = 1;
/**
 * Most lines of a headline block in column text (kicker, title, subtitle), and of one with commas
 * (a title and a subtitle; one more under a column's short name or over a byline). Set by hand,
 * no recorded evidence.
 */
const MAX_HEADLINE_BLOCK_LINES = 3;
const MAX_COMMA_HEADLINE_LINES = 2;
/**
 * A headline line with commas differs from its column's width by more than this (em): more than a
 * paragraph's indent, two characters. A line narrower than its column by more is no paragraph's
 * first line that lost its indent. Set by hand, no recorded evidence.
 */
const APART_FROM_COLUMN = 2.5;
/** Narrower than its column by more than this (em), a line over running text is surely a headline: set by hand, no recorded evidence. */
const FAR_FROM_COLUMN = 4;
/** A headline line differs in width from the text line under it by more than this (em): set by hand, no recorded evidence. */
const HEADLINE_WIDTH_APART = 3;
/** A line within this much (em) of its column's width is flush with it (a paragraph's first line cut by a column break): set by hand, no recorded evidence. */
const FLUSH_SLACK = 1;
/** Most lines, and the widest (em), of a column name or headline right under a caption with no blank line between: set by hand, no recorded evidence. */
const MAX_LABEL_LINES_UNDER_CAPTION = 2;
const MAX_LABEL_WIDTH_UNDER_CAPTION = 16;

/** Looks like a headline line by its own shape, whatever its neighbours. */
function headingShape(line: Line, facts: LineFacts, layout: Layout, columnWidth: number, anchored = false): boolean {
  const { text, width } = line;
  if (!text || width > layout.maxHeadingWidth || width < 1) return false;
  // (Rule marks come in short lines; asking only those keeps the question off most lines.)
  if (text.length <= MAX_RULE_LINE_CHARS && !LETTER_OR_DIGIT.test(text)) return false;
  if (facts.doubled) return true;
  // A headline may break after a comma (春笋香椿上桌， / 江南人的咬春时节; 习近平主席特使、 / 全国政协副主席姜),
  // never after other clause marks.
  if (isListPoint(text) || (endsWithOneOf(text, TRAILING_CLAUSE_MARKS) && !(layout.wrapped && width <= MAX_COMMA_HEADLINE_WIDTH && endsWithOneOf(text, COMMAS)))) return false;
  if (isEditorsNote(text)) return false;
  // A date alone closing a letter (2026年4月7日), and the source note closing a text (（新华社北京4月7日电）),
  // have furniture's and a dateline's shape, never a headline's.
  if (isSourceNote(text)) return false;
  if (isChromeLine(text) || continuedFromNote(text) !== undefined) return false;
  // Column text breaks anywhere, a headline not after a word that needs more after it (…的, …在);
  // but one set in a narrow measure breaks anywhere too (把两岸关系的 / 未来牢牢掌握), and where no
  // blank line stands for a column break, a line stopping far short of its column mid-sentence is no line of text.
  // (Over a byline or dateline, `anchored`, stopping short by more than an indent is enough: 立即停火止战，回到对话谈判的.)
  const farShort = anchored ? width < columnWidth - APART_FROM_COLUMN : layout.blankLines === 'none' && width < columnWidth - FAR_FROM_COLUMN;
  if (layout.wrapped && endsWithOneOf(text, DANGLING_ENDS) && !farShort) return false;
  if (layout.wrapped) {
    if (line.indented || /[。…]/.test(text)) return false;
    // (Where no blank line sets it apart, a question may carry a note in brackets: 如何“大显身手”？（读者点题·共同关注）.)
    const question = layout.blankLines === 'none' ? text.replace(TRAILING_NOTE, '') : text;
    return !line.endsSentence || endsWithOneOf(question, QUESTION_OR_EXCLAMATION);
  }
  if (isSignOff(text)) return false;
  // A headline may end in a note in brackets (…如何“大显身手”？（读者点题·共同关注）); a
  // sentence may too, after its full stop (…voraus. (bsc)).
  if (endsWithOneOf(text, CLOSING_BRACKETS)) return !endsWithOneOf(text.replace(TRAILING_NOTE, '').trimEnd(), FULL_STOPS);
  return !line.endsSentence;
}

/** Commas and the like outside brackets: allowed in a headline, but also the mark of body text. */
export function hasClauseMark(text: string): boolean {
  // Taking out brackets only takes marks away: the replace is needed only when both are there.
  if (!CLAUSE_MARK.test(text)) return false;
  if (!OPENING_BRACKET.test(text)) return true;
  return CLAUSE_MARK.test(text.replace(BRACKETED, ''));
}

/** A page being classified, with the facts about its lines that several rules ask for. */
interface Page {
  lines: Line[];
  layout: Layout;
  kinds: Kind[];
  /** Per line: its dateline, credit and doubling, worked out once (also what the steps after this one read). */
  facts: LineFacts[];
  /** Per line, once asked: shaped like a headline line by itself (`headingShape`). */
  shaped: (boolean | undefined)[];
  /** Per line, once asked: shaped like a headline and not a byline, dateline or credit (`headingLine`). */
  headline: (boolean | undefined)[];
  junctions: Junctions;
  /** Last line of the headline block the latest headline rule read (pages with no blank lines). */
  blockEnd: number;
}

/** Each line's kind, dateline, credit and doubling: the facts the later steps read instead of asking again. */
export function classifyLines(lines: Line[], layout: Layout): LineFacts[] {
  const kinds: Kind[] = lines.map((line) => (line.text ? 'body' : 'blank'));
  const facts = lines.map(factsOf);
  markWrappedDatelines(lines, facts);
  const page: Page = { lines, layout, kinds, facts, shaped: [], headline: [], junctions: new Junctions(lines), blockEnd: -1 };
  markCaptionBlocks(page);
  // (Furniture first: a caption found by its credit never reaches back over the running head.)
  markChrome(page);
  // Without blank lines a caption is not a block of its own: it is found by its credit.
  if (layout.wrapped && layout.blankLines === 'none') markCreditedRuns(page);
  if (layout.wrapped) markVerticalHeadlines(page);
  if (layout.wrapped) markHeadlineFragments(page);
  let previous = -1; // index of the previous non-blank line
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== 'body') {
      if (kinds[i] !== 'blank') previous = i;
      continue;
    }
    const line = lines[i]!;
    // In column text a line that continues an unfinished sentence is body, whatever its shape:
    // also a byline-like wrapped end of a sentence (（记者 赵成 / 记者 付明丽 见习记者 …）).
    const continues = layout.wrapped && previous >= 0 && kinds[previous] === 'body' && !closesText(lines, page.facts, previous);
    // In a web copy a short paragraph that ends in a credit, or says what a picture shows (图为…), is a caption.
    if (
      !layout.wrapped &&
      line.text.length <= MAX_WEB_CAPTION_CHARS &&
      (page.facts[i]!.credit || (isPictureLead(line.text) && line.text.length <= MAX_PICTURE_CAPTION_CHARS && line.endsSentence))
    )
      kinds[i] = 'caption';
    else if (!continues) {
      if (isBylineLine(line.raw)) kinds[i] = 'byline';
      else if (!page.facts[i]!.dateline && isHeading(page, i, previous)) kinds[i] = 'heading';
    }
    previous = i;
  }
  if (layout.wrapped) {
    markContinuationHeadlines(page);
    if (layout.blankLines === 'none') markHeadlinesUnderText(page);
    markPullQuotes(page);
  }
  if (layout.wrapped && layout.blankLines === 'none') {
    markAnchoredHeadlines(page);
    markUncreditedCaptions(page);
  }
  if (!layout.wrapped) demoteSectionHeadings(page);
  facts.forEach((fact, i) => (fact.kind = kinds[i]!));
  return facts;
}

/**
 * A dateline a narrow column broke over two lines (新华社内比都4月10日 / 电 （记者张东强、黎广) opens
 * its article on its first line, as one on a line of its own does.
 */
function markWrappedDatelines(lines: Line[], facts: LineFacts[]): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    if (facts[i]!.kind === 'blank' || facts[i]!.dateline || facts[i + 1]!.dateline || !next.text) continue;
    const joined = matchDateline(line.text + next.text);
    if (joined && joined.dateline.length > line.text.length) facts[i]!.dateline = joined;
  }
}

function factsOf(line: Line): LineFacts {
  if (!line.text) return { kind: 'blank', credit: false, doubled: false };
  return { kind: 'body', dateline: matchDateline(line.text), credit: endsWithCredit(line.raw), doubled: isDoubled(line.text) };
}

/**
 * A headline printed under its article's text repeats that text's words: one of its lines has at
 * least this share of its Han bigrams in the text since the headline before (so does a headline
 * over its text, for the cut of a run of headline lines between two texts in read-page.ts). On the tuned families'
 * copies (pdftotext -raw and PDFium), 0.6 gained most: 0.8 and 0.7 missed headlines in compressed
 * wording (河北安平县试水“众筹科研”, 7 of 9), and 0.5 took a narrow column's line for one
 * (a page's F1 0.960 → 0.631).
 */
export const MIN_HEADLINE_WORDS_IN_TEXT = 0.6;
/** The fewest Han bigrams such a headline has (fewer are too easily found in any text). */
const MIN_HEADLINE_BIGRAMS_ABOVE = 3;

/**
 * With no blank lines: a block of up to three short lines right after a finished paragraph, each
 * far narrower than that text, none ending a sentence nor running on into the next line, one of
 * which repeats the words of the text above, is that text's headline printed under it
 * (与书同坐片刻，便会拥有一束光。 / 与书同坐片刻), with its kicker or subtitle.
 */
function markHeadlinesUnderText(page: Page): void {
  const { lines, kinds } = page;
  // The words of the text since the headline before, gathered as far as a candidate asked for them.
  let above = new Set<number>();
  let gathered = 0;
  for (let i = 2; i + 1 < lines.length; i++) {
    if (kinds[i] === 'heading') {
      gathered = i + 1;
      above = new Set<number>();
    }
    if (kinds[i] !== 'body' || kinds[i - 1] !== 'body' || !finishedAt(lines, i - 1)) continue;
    const textWidth = Math.max(lines[i - 1]!.width, kinds[i - 2] === 'body' ? lines[i - 2]!.width : 0);
    let end = i - 1;
    while (end + 1 < lines.length && end + 1 - i < MAX_HEADLINE_BLOCK_LINES && shortUnderText(page, end + 1, textWidth)) end++;
    if (end < i || headsBylineBelow(page, i)) continue;
    const next = lines[end + 1];
    if (next && kinds[end + 1] === 'body' && page.junctions.runsOn(lines[end]!.text, next.text)) continue;
    for (; gathered < i; gathered++) if (kinds[gathered] === 'body') for (const bigram of hanBigrams(lines[gathered]!.text)) above.add(bigram);
    const repeatsText = lines.slice(i, end + 1).some((line) => hanBigrams(line.text).length >= MIN_HEADLINE_BIGRAMS_ABOVE && bigramShare(line.text, above) >= MIN_HEADLINE_WORDS_IN_TEXT);
    if (!repeatsText) continue;
    for (let j = i; j <= end; j++) kinds[j] = 'heading';
    // The lines under the block were read as going on from its last line: read them again, now
    // that a headline stands over them (the next story's headline, 草原添生机 over its text).
    page.blockEnd = end;
    if (end + 1 < lines.length && kinds[end + 1] === 'body' && isHeading(page, end + 1, end)) {
      for (let j = end + 1; j <= Math.max(end + 1, page.blockEnd); j++) kinds[j] = 'heading';
      end = Math.max(end + 1, page.blockEnd);
    }
    i = end;
  }
}

/** Line `j` could be a headline's line under text `textWidth` wide: far shorter than it, unfinished, without clauses. */
function shortUnderText(page: Page, j: number, textWidth: number): boolean {
  const line = page.lines[j]!;
  // (A ——name line under a quote is the quote's attribution.)
  return page.kinds[j] === 'body' && !line.endsSentence && line.width <= textWidth - FAR_FROM_COLUMN && !hasClauseMark(line.text) && !DASH_OPENED.test(line.text) && headingLine(page, j);
}

/** Lines from `i` on run, unfinished, into a byline or dateline: a headline over it (found by `markAnchoredHeadlines`). */
function headsBylineBelow(page: Page, i: number): boolean {
  const { lines, kinds } = page;
  for (let k = i; k < lines.length && k - i <= MAX_ANCHORED_LINES && kinds[k] === 'body'; k++) {
    if (isBylineLine(lines[k]!.raw) || page.facts[k]!.dateline) return k > i;
    if (lines[k]!.endsSentence) return false;
  }
  return false;
}

/**
 * Most lines and characters of a headline found by the byline or dateline under it: a kicker
 * and a title wrapped over four lines of a narrow column (伍映方代表—— / 为规范非遗市场不断 / 探索（改革
 * 再深化 奋 / 进新征程·代表委员履 / 职故事）, on rmrb-2025-03-01-04). Set by hand to take that headline in,
 * no recorded evidence.
 */
const MAX_ANCHORED_LINES = 6;
const MAX_ANCHORED_CHARS = 80;
/**
 * A headline line this short is the tail of a line wrapped in a narrow column (“推动人工智 / … /
 * 量”, 中国人工智能产业蓬勃 / 发展), or glyphs of a headline cut into its columns (`markHeadlineFragments`):
 * it does not count toward `MAX_ANCHORED_LINES`. On the tuned
 * copies it found one more headline (both readers) and lost none. Nor does it count toward a
 * block's lines over a body (`headlineOverBody`: 国进行正式访 / 问), where it found one more title
 * in each reader's tuned copies and lost none.
 */
const MAX_HEADLINE_TAIL_CHARS = 2;

/**
 * With no blank lines, a byline or a dateline opens an article's text and its headline stands
 * right above it: the lines back to the last finished sentence (or furniture, a caption, a
 * headline), when they are few, each shaped like a headline line, and close their brackets; the
 * article's photo and its credited caption may stand between. A headline set in a narrow column
 * wraps like the text under it and shows itself only so.
 */
function markAnchoredHeadlines(page: Page): void {
  const { lines, kinds } = page;
  for (let anchor = 1; anchor < lines.length; anchor++) {
    // (A photo's caption under a headline anchors it only at the page's top, under its running head:
    // elsewhere a caption may stand in the middle of a column's text.)
    const caption = kinds[anchor] === 'caption';
    // (A byline read as one already anchors too.)
    if (kinds[anchor] !== 'body' && kinds[anchor] !== 'byline' && !caption) continue;
    const line = lines[anchor]!;
    const byline = !caption && (isBylineLine(line.raw) || authorUnder(page, anchor));
    if (!byline && !caption && !page.facts[anchor]!.dateline) continue;
    // (The article's photo may stand between its headline and its text: a caption closed by its
    // credit, 记者柯俊彬摄, right over the dateline.)
    let top = anchor;
    if (!caption && kinds[anchor - 1] === 'caption' && page.facts[anchor - 1]!.credit) while (top > 0 && kinds[top - 1] === 'caption') top--;
    // (The lines right over it may be read as headline already, a fragment of it whose quote a
    // narrow column broke, 术突 / 破“瓶 / 颈”: the headline goes on above them.)
    if (!caption) while (top > 0 && kinds[top - 1] === 'heading') top--;
    if (top === 0 || kinds[top - 1] !== 'body') continue;
    const start = headlineRunAbove(page, top, caption);
    if (start < 0) continue;
    for (let j = start; j < top; j++) kinds[j] = 'heading';
    if (byline) kinds[anchor] = 'byline';
  }
  // The last line of a headline block may be its author's bare name.
  for (let i = 1; i + 1 < lines.length; i++) {
    if (kinds[i] === 'heading' && kinds[i - 1] === 'heading' && authorUnder(page, i)) kinds[i] = 'byline';
  }
}

/**
 * The first line of the headline lines right above line `top`: back to the last finished sentence
 * (or furniture, a caption, a headline), when they are few, each shaped like a headline line, and
 * close their brackets; -1 if there are none. `underRunningHead`: the run must start right under
 * furniture (a photo's caption anchors a headline only at the page's top).
 */
function headlineRunAbove(page: Page, top: number, underRunningHead = false): number {
  const { lines, kinds } = page;
  // (A date alone, 2026年4月7日, closes a letter above: furniture's shape, no headline's.)
  // (An attribution under finished text, ——编者, closes that text.)
  const attribution = (j: number) => DASH_OPENED.test(lines[j]!.text) && j > 0 && kinds[j - 1] === 'body' && finishedAt(lines, j - 1);
  const stops = (j: number) => kinds[j] !== 'body' || closesText(lines, page.facts, j) || isChromeLine(lines[j]!.text) || attribution(j);
  let start = top;
  let chars = 0;
  let counted = 0;
  // (A kicker's closing dashes wrapped onto a line of their own, 以刚性考核压实责任 / ——, go on with it.)
  const wrappedDashes = (j: number) => WRAPPED_DASHES.test(lines[j]!.text) && j > 0 && shapedAt(page, j - 1);
  // (Over a byline or dateline, a line ending on a word that needs more after it, 立即停火止战，回到对话谈判的,
  // is a narrow headline's when it stops short of its column: a line of text stops short only at its
  // paragraph's end, and this one is unfinished.)
  const cutShort = (j: number) => endsWithOneOf(lines[j]!.text, DANGLING_ENDS) && headingShape(lines[j]!, page.facts[j]!, page.layout, page.layout.columnWidthAt(j), true);
  while (start > 0 && counted < MAX_ANCHORED_LINES && !stops(start - 1) && (shapedAt(page, start - 1) || wrappedDashes(start - 1) || cutShort(start - 1))) {
    start--;
    chars += lines[start]!.text.length;
    if (lines[start]!.text.length > MAX_HEADLINE_TAIL_CHARS) counted++;
  }
  // The run must end at a finished sentence or a line of another kind, not run out; and a note
  // wholly in brackets (（新华社北京4月7日电）) closes the text above rather than opening a headline.
  const bounded = start === 0 || (underRunningHead ? kinds[start - 1] === 'chrome' : stops(start - 1));
  if (start === top || !bounded || chars > MAX_ANCHORED_CHARS || WHOLLY_BRACKETED.test(lines[start]!.text)) return -1;
  return bracketsBalanced(lines.slice(start, top).map((line) => line.text)) ? start : -1;
}


/**
 * A pull quote: words of the text set again in large type inside it, in quotes (“中共中央于1939年
 * 12月正式作出《大量吸收知识分子》的决 / 定，此后”). Taken for a headline it would cut its article
 * in two; a headline quoting a speaker (“一步一步往上走”) is a phrase, while a pull quote is cut
 * from a sentence, commas and all. Found among the headline lines, it is read as text: a feature
 * may also head a section with a quote from it (“智慧农业的价值，还要落在‘效率账’上”), and that
 * heading is part of its text.
 */
function markPullQuotes(page: Page): void {
  const { lines, kinds } = page;
  let pageText: string | undefined;
  for (let start = 0; start < lines.length; start++) {
    if (kinds[start] !== 'heading') continue;
    let end = start;
    while (end + 1 < lines.length && kinds[end + 1] === 'heading') end++;
    // (Wholly in quotes, maybe with a full stop after the closing mark.)
    const block = lines.slice(start, end + 1).map((line) => line.text).join('').replace(/[。！？]$/, '');
    const words = quotedWords(block)?.replace(/[。！？]$/, '');
    if (words && words.length >= MIN_PULL_QUOTE_CHARS && hasClauseMark(words)) {
      // (The text around the block, lines joined as a copy breaks them: the words must be there once more.)
      pageText ??= lines.map((line) => line.text).join('');
      const first = pageText.indexOf(words);
      if (first >= 0 && pageText.indexOf(words, first + 1) >= 0) for (let j = start; j <= end; j++) kinds[j] = 'body';
    }
    start = end;
  }
}

/**
 * A continued article's headline stands over its jump line (守护绿水青山，共绘生态 / 富民新图景 / （上接第1版）),
 * or over its text's first line when that opens with the jump note (（接第一版）从“靠山吃山”到…).
 */
function markContinuationHeadlines(page: Page): void {
  const { lines, kinds } = page;
  for (let jump = 1; jump < lines.length; jump++) {
    const text = lines[jump]!.text;
    if (!(kinds[jump] === 'chrome' && isContinuedFrom(text)) && !(kinds[jump] === 'body' && continuedFromNote(text) !== undefined)) continue;
    const start = headlineRunAbove(page, jump);
    if (start >= 0) for (let j = start; j < jump; j++) kinds[j] = 'heading';
  }
}

/**
 * Line `i` is an author's bare name under a headline (千古清音文枕琴 / 杨旻蔚) over its text: a
 * person's name, narrower than the headline, that does not run on from it (让古建筑参与乡 / 村振兴).
 */
function authorUnder(page: Page, i: number): boolean {
  const { lines, kinds } = page;
  const line = lines[i]!;
  const above = lines[i - 1]!;
  if (kinds[i + 1] !== 'body' && kinds[i + 1] !== 'caption') return false;
  // (A line after a number goes on with it: 日均出入境人员达226 / 万人次.)
  if (!isPersonName(line.raw) || /\d$/.test(above.text)) return false;
  // (The headline's widest line: the name may stand under a short wrapped end, 村振兴 / 张雨暄.)
  let widest = above.width;
  for (let j = i - 2; j >= 0 && j >= i - MAX_ANCHORED_LINES && kinds[j] === 'heading'; j--) widest = Math.max(widest, lines[j]!.width);
  return line.width < widest - NAME_NARROWER && !page.junctions.runsOn(above.text, line.text);
}

/** Most headline lines of an article's headline in a web copy: set by hand, no recorded evidence. */
const MAX_HEADLINE_LINES = 6;
/** A title and its subtitle, or a kicker over them, with no byline: maybe an article's, maybe a section's. Set by hand, no recorded evidence. */
const MAX_UNDECIDED_LINES = 3;

/**
 * In a web copy (one line per paragraph) a headline line inside an article is a section heading,
 * part of the body. A headline starts an article when it follows a blank line (in a text where
 * blank lines separate articles rather than paragraphs), carries a byline or dateline, is marked
 * as kicker or subtitle, or is a headline of several lines in a text without such blank lines.
 */
function demoteSectionHeadings(page: Page): void {
  const { lines, kinds, layout, facts } = page;
  const blanksSeparateArticles = layout.blankLines === 'articles';
  let seenText = false;
  for (let i = 0; i < lines.length; ) {
    if (kinds[i] !== 'heading' && kinds[i] !== 'byline') {
      if (kinds[i] !== 'blank' && kinds[i] !== 'chrome') seenText = true;
      i++;
      continue;
    }
    let end = i;
    let headings = 0;
    while (end < lines.length && (kinds[end] === 'heading' || kinds[end] === 'byline')) {
      if (kinds[end] === 'heading') headings++;
      end++;
    }
    const afterBlank = i === 0 || !lines[i - 1]!.text;
    const run = lines.slice(i, end);
    const next = lines[end];
    const marked = headings >= 2 && run.some((line) => DASH_OPENED.test(line.text) || LEAD_IN.test(line.text));
    // A byline or dateline right under the headline, across a blank line too, makes it an article's.
    let following = end;
    // (Summary points under a headline, ■ …, stand between them.)
    while (following < lines.length && (kinds[following] === 'blank' || (following - end < MAX_SUMMARY_POINTS && isListPoint(lines[following]!.text)))) following++;
    const credited =
      run.some((_, k) => kinds[i + k] === 'byline') || kinds[following] === 'byline' || facts[following]?.dateline !== undefined;
    // Indents tell too: where body paragraphs are indented, a headline is not (and a section heading is).
    const before = i > 0 ? lines[i - 1] : undefined;
    const outdented = !run[0]!.indented && ((next !== undefined && next.indented) || (before !== undefined && before.indented));
    // An editor's credit or other furniture (（责任编辑：张弛）) closes the article before: what follows starts one.
    let above = i - 1;
    while (above >= 0 && kinds[above] === 'blank') above--;
    const afterFurniture = above >= 0 && kinds[above] === 'chrome';
    // Where blank lines part articles, a headline opens one after a blank line and runs straight
    // into its text; one set apart by blank lines on both sides is a section's, as a paste of a
    // page whose headings have margins gives it.
    const opensBlock = blanksSeparateArticles && afterBlank && next !== undefined && next.text !== '';
    const starts = !seenText || credited || marked || outdented || afterFurniture || (!run[0]!.indented && opensBlock);
    // Where blank lines part no articles (there are none, or one after every paragraph), a lone
    // one-line headline may start an article or head a section of the one above: it stays a
    // headline, and the split decides by what the text under it talks about (sections.ts). A
    // lead-in ending in —— goes on into its text; a line opening with —— is a quote's attribution.
    const undecided = layout.blankLines !== 'articles' && (headings === 1 ? end === i + 1 && !DASH_OPENED.test(run[0]!.text) && !LEAD_IN.test(run[0]!.text) : headings <= MAX_UNDECIDED_LINES);
    // A web copy prints a headline over its text: with no text under it, it heads nothing.
    let below = following;
    while (below < lines.length && kinds[below] !== 'body') below++;
    // A headline is a few lines (kicker, title, subtitle, byline); a long run of short lines is text.
    if ((!starts && !undecided) || headings > MAX_HEADLINE_LINES || below === lines.length) for (let k = i; k < end; k++) if (kinds[k] === 'heading') kinds[k] = 'body';
    seenText = true;
    i = end;
  }
}

/** A source note wholly in brackets closing a text (（新华社北京4月7日电）): a dateline's shape. */
export function isSourceNote(text: string): boolean {
  return WHOLLY_BRACKETED.test(text) && matchDateline(text.slice(1, -1)) !== undefined;
}

/**
 * The body line closes its text: it finishes a sentence, or ends in a photo credit (作业。
 * 陶维明摄（影像中国）), which closes photo news and its caption whatever stands before it.
 */
export function closesText(lines: Line[], facts: LineFacts[], index: number): boolean {
  return finishedAt(lines, index) || facts[index]!.credit;
}

/** The body line ends a sentence, also when a closing credit （记者 赵\n成） wraps onto it. */
export function finishedAt(lines: Line[], index: number): boolean {
  const { text, endsSentence: finished } = lines[index]!;
  if (finished) return true;
  if (!endsWithOneOf(text, CLOSING_BRACKETS)) return false;
  // A closing note in brackets after a finished sentence, over up to four lines:
  // …需求。（原题为《雄安新区…》） or （记者 赵\n成）. Find its opening bracket and look before it.
  let depth = 0;
  for (let j = index; j >= 0 && j > index - MAX_NOTE_LINES && lines[j]!.text; j--) {
    const line = lines[j]!.text;
    for (let k = line.length - 1; k >= 0; k--) {
      const ch = line[k]!;
      if (ch === '）' || ch === ')') depth++;
      else if (ch === '（' || ch === '(') depth--;
      if (depth === 0) {
        // (An editor's note, （作者为中国社会科学院学部委员）, closes its article whatever stands before it.)
        if (isEditorsNote(line.slice(k))) return true;
        const before = k > 0 ? line.slice(0, k) : j > 0 ? lines[j - 1]!.text : '';
        return !before || endsSentence(before);
      }
    }
  }
  return false;
}

/** Line `i` opens a note wholly in brackets, on it alone or wrapped over the lines under it. */
function opensBracketedNote(lines: Line[], i: number): boolean {
  if (!OPENS_WITH_BRACKET.test(lines[i]!.text)) return false;
  let note = '';
  for (let j = i; j < lines.length && j < i + MAX_NOTE_LINES && lines[j]!.text; j++) {
    note += lines[j]!.text;
    if (WHOLLY_BRACKETED.test(note)) return true;
    if (/[）)]/.test(lines[j]!.text)) return false;
  }
  return false;
}

/** The next non-blank line after `index`. */
function nextText(lines: Line[], index: number): Line | undefined {
  for (let j = index + 1; j < lines.length; j++) if (lines[j]!.text) return lines[j];
  return undefined;
}

/** A paragraph's first line: indented, a dateline, or two characters short of the column. */
function opensParagraph(line: Line, columnWidth: number): boolean {
  return line.indented || matchDateline(line.text) !== undefined || (line.width <= columnWidth - FULL_LINE_SLACK && !line.endsSentence);
}

/** `headingShape` of line `i`, worked out once: the rules for the lines around it ask again. */
function shapedAt(page: Page, i: number): boolean {
  return (page.shaped[i] ??= headingShape(page.lines[i]!, page.facts[i]!, page.layout, page.layout.columnWidthAt(i)));
}

/** Shape of a headline, and not one of the short lines that have their own kind. */
function headingLine(page: Page, i: number): boolean {
  const facts = page.facts[i]!;
  return (page.headline[i] ??= shapedAt(page, i) && !isBylineLine(page.lines[i]!.raw) && !facts.dateline && !facts.credit);
}

function isHeading(page: Page, i: number, previous: number): boolean {
  const { lines, layout } = page;
  if (!layout.wrapped && isQuestionHeading(lines, i)) return true;
  // A kicker's closing dashes wrapped onto a line of their own go on with it (辽宁激励各级领导干部 / ——).
  if (previous === i - 1 && page.kinds[previous] === 'heading' && WRAPPED_DASHES.test(lines[i]!.text)) return true;
  if (!shapedAt(page, i)) return false;
  if (!layout.wrapped) return true;
  return isColumnHeading(page, i, previous);
}

/** Furniture lines, and the link lists under a 相关新闻 / Read more header. */
function markChrome(page: Page): void {
  const { lines, kinds, layout } = page;
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== 'body') continue;
    const text = lines[i]!.text;
    if (isPageFurniture(text) || isPageFurniture(lines[i]!.raw)) {
      kinds[i] = 'chrome';
      continue;
    }
    // Other furniture stands on its own line: not after a line that stops mid-sentence.
    if (layout.wrapped && i > 0 && lines[i - 1]!.text && kinds[i - 1] !== 'chrome' && !finishedAt(lines, i - 1)) continue;
    if (isChromeLine(text) || (lines[i]!.raw !== text && isChromeLine(lines[i]!.raw))) {
      kinds[i] = 'chrome';
    } else if (isLinkListHeader(text)) {
      kinds[i] = 'chrome';
      for (let j = i + 1; j < lines.length && (!lines[j]!.text || shapedAt(page, j)); j++) {
        if (lines[j]!.text) kinds[j] = 'chrome';
      }
    }
  }
}

/** A question or exclamation standing alone at the top of a web copy (治愈患者捐献血浆会影响健康吗？) is a headline. */
function isQuestionHeading(lines: Line[], i: number): boolean {
  const line = lines[i]!;
  return line.width <= MAX_QUESTION_HEADLINE_WIDTH && endsWithOneOf(line.text, QUESTION_OR_EXCLAMATION) && (i === 0 || !lines[i - 1]!.text) && !/[。；]/.test(line.text);
}

function isColumnHeading(page: Page, i: number, previous: number): boolean {
  const { lines, kinds, layout } = page;
  const line = lines[i]!;
  // (The caller has ruled out a line that continues an unfinished sentence.)
  // A note wholly in brackets after text closes it (（《规定》全文见第十二版）), also one a narrow
  // column wrapped (（新华社北京6月12日电 新华 / 社记者）): it opens no headline.
  if (previous >= 0 && kinds[previous] === 'body' && opensBracketedNote(lines, i)) return false;
  // A name over a date alone after text signs a letter or a speech (习近平 / 2026年4月7日): it
  // closes that text and heads nothing.
  if (previous >= 0 && kinds[previous] === 'body' && i + 1 < lines.length && isDateAlone(lines[i + 1]!.text)) return false;
  // Next line of a headline block. Where no blank line closes a block, it ends where the rules
  // for its first line found its end; and the line under display art printed twice must show it
  // is a headline by itself (it may be the art's photo news).
  const noBlanks = layout.blankLines === 'none';
  if (previous === i - 1 && kinds[previous] === 'heading') {
    const afterArt = noBlanks && page.facts[previous]!.doubled && !page.facts[i]!.doubled;
    if (!afterArt && (!noBlanks || i <= page.blockEnd)) return true;
  }
  // A kicker (…——) introduces a headline; one followed by text is a lead-in of that text.
  if (LEAD_IN.test(line.text)) {
    let j = i + 1;
    while (j < lines.length && !lines[j]!.text) j++;
    const following = lines[j];
    const after = lines[j + 1];
    // The headline under a kicker stands on its own: a blank line, byline, dateline or more headline after it.
    const standsAlone = !after || !after.text || headingLine(page, j + 1) || isBylineLine(after.raw) || page.facts[j + 1]!.dateline !== undefined;
    if (!following || !headingLine(page, j) || hasClauseMark(following.text.replace(BRACKETED, '')) || !standsAlone) return false;
  }
  // A subtitle line (——…) follows its headline; after body text, or a quote set apart like a
  // caption, it is the quote's attribution.
  if (DASH_OPENED.test(line.text) && previous >= 0 && (kinds[previous] === 'body' || kinds[previous] === 'caption')) return false;
  if (noBlanks) {
    const labelled = labelledHeadline(page, i);
    const end = labelled >= 0 ? labelled : headlineOverBody(page, i);
    if (end >= 0) {
      page.blockEnd = end;
      return true;
    }
  }
  // A headline block stands apart: a blank line (or a caption, byline) above it...
  // (A copy with no blank lines at all cannot show that; there the rest of the evidence decides.)
  // (An editor's note closing an article above does not count: nothing of its article follows it.)
  if (previous === i - 1 && kinds[previous] === 'body' && layout.blankLines !== 'none' && !isEditorsNote(lines[previous]!.text)) return false;
  // ...and it is at most three lines, ending where the body cannot go on from it: a blank line,
  // a byline, a dateline or a caption. Short lines running straight into more text are a narrow
  // column's body, unless their width stands apart from it.
  // (Display art printed twice is a headline of its own, and a caption already found is no headline.)
  const { doubled } = page.facts[i]!;
  if (noBlanks && headlineOverParagraphStart(page, i)) {
    page.blockEnd = i;
    return true;
  }
  let end = i;
  while (end + 1 < lines.length && end - i < MAX_HEADLINE_BLOCK_LINES && kinds[end + 1] === 'body' && headingLine(page, end + 1) && page.facts[end + 1]!.doubled === doubled) end++;
  page.blockEnd = end;
  const after = lines[end + 1];
  const afterFacts = page.facts[end + 1];
  const block = lines.slice(i, end + 1).map((candidate) => candidate.text);
  // A headline is whole: a quote or bracket left open means a line cut out of a sentence.
  if (!bracketsBalanced(block)) return false;
  const clauses = block.some(hasClauseMark);
  if (clauses) {
    // Body text has commas too. A headline with commas must end at a blank line, byline or
    // dateline, be at most two lines, and either open with a plain line (title, then a subtitle
    // with commas) or stand apart from the column's width (a paragraph cut by a column break
    // is as wide as its column).
    const credited = after !== undefined && (isBylineLine(after.raw) || afterFacts!.dateline !== undefined);
    const ending = credited || ((!after || !after.text) && !cutByColumnBreak(page, i, end));
    // (Over a headline of two lines may stand a column's short name, 随笔, where no blank line parts them.)
    // (Lines that stop short right before a byline or dateline are no text: there a headline may
    // be a title, a subtitle and the next article's title, with no blank line between them.)
    const labelled = noBlanks && ((line.text.length <= MAX_COLUMN_NAME_CHARS && !hasClauseMark(line.text)) || credited);
    if (!ending || end - i >= MAX_COMMA_HEADLINE_LINES + (labelled ? 1 : 0)) return false;
    // A line cut from a paragraph often runs on into the text after the break (招商引 | 资一张图).
    const following = nextText(lines, end);
    if (!credited && following && page.junctions.runsOn(lines[end]!.text, following.text)) return false;
    const apart = !hasClauseMark(line.text) || Math.abs(line.width - layout.columnWidthAt(i)) > APART_FROM_COLUMN;
    return apart || credited || (following !== undefined && opensParagraph(following, layout.columnWidthAt(end + 2)));
  }
  if (!after || !after.text) return end - i < MAX_HEADLINE_BLOCK_LINES && !cutByColumnBreak(page, i, end);
  if (afterFacts!.doubled && !doubled) return end - i < MAX_HEADLINE_BLOCK_LINES;
  if (isBylineLine(after.raw) || afterFacts!.dateline) return end - i < MAX_HEADLINE_BLOCK_LINES;
  if (afterFacts!.credit || doubled) return true;
  // Over a photo's caption, a line whose width stands apart from the column is no line of its text.
  if (kinds[end + 1] === 'caption' && end === i && apartFromColumn(page, i)) return true;
  if (end > i || (line.gaps >= JUSTIFIED_GAPS && kinds[previous] !== 'heading')) return false;
  // An unfinished line over a paragraph's first line is no line of text: a text's line runs on
  // into the next, which then is no paragraph's first.
  if (!line.endsSentence && opensParagraph(after, layout.columnWidthAt(end + 1))) return true;
  // Nor over a sentence it does not run on into, when it stops far short of its column: a text's
  // line stops short only at its paragraph's end (锻造更加坚强的英雄军队 over 毫不动摇坚持党对军队的绝对领导。).
  // (Han text, which breaks anywhere: a line of code or a list item in English stops short too.)
  if (hasHan(line.text) && !line.endsSentence && after.endsSentence && line.width < layout.columnWidthAt(i) - FAR_FROM_COLUMN && !page.junctions.runsOn(line.text, after.text)) return true;
  // Only a full line of the column (one that runs on) shows the column's width.
  // (A paragraph's first line that lost its indent is narrower too; it runs on into the next: 印发 / 了《…》.)
  return !after.endsSentence && Math.abs(line.width - after.width) > HEADLINE_WIDTH_APART;
}

/**
 * With no blank lines: line `i` opens a headline block of lines whose widths stand apart from the
 * column's (wider, or narrower by more than a paragraph's indent), over the start of a body: a
 * paragraph's first line or two full lines of the column, not running on from the block.
 * Returns the block's last line, or -1.
 */
function headlineOverBody(page: Page, i: number): number {
  const { lines, kinds, layout } = page;
  // (A note wholly in brackets, （记者 吴齐强）, follows a headline or closes a text; it opens nothing.)
  // (Asked first, before the questions below are set up: most lines of a page stand apart from nothing.)
  if (!apartFromColumn(page, i) || WHOLLY_BRACKETED.test(lines[i]!.text)) return -1;
  // Narrower by a little more than an indent is also a paragraph's first line, its indent lost:
  // then only a paragraph's first line under it (not a full line) tells the two apart.
  const gapFromColumn = (j: number) => lines[j]!.width - layout.columnWidthAt(j);
  // (A line wholly in brackets is never a paragraph's first line, whatever its width.)
  const bracketed = (j: number) => WHOLLY_BRACKETED.test(lines[j]!.text);
  const apart = (j: number) => apartFromColumn(page, j) || (j > i && bracketed(j));
  const farApart = (j: number) => gapFromColumn(j) > FULL_LINE_SLACK || gapFromColumn(j) < -FAR_FROM_COLUMN || (j > i && bracketed(j));
  // (A full line right under a paragraph's first line shows the column's width best.)
  const opens = (j: number) => {
    const next = lines[j + 1];
    const width = layout.columnWidthAt(j + 1);
    return opensParagraph(lines[j]!, next && !next.endsSentence ? Math.max(width, next.width) : width);
  };
  // A body starts with running text, or with a paragraph's first line over a full line or the
  // paragraph's end; a line wholly in brackets (（改革再深化奋进新征程）) is a headline's note.
  const bodyStarts = (j: number) =>
    j < lines.length && kinds[j] === 'body' && !lines[j]!.endsSentence && !bracketed(j) && (isRunningText(page, j) || (opens(j) && j + 1 < lines.length && (lines[j + 1]!.endsSentence || isFullLine(page, j + 1))));
  // Right under a headline, a line of clauses short of the column by little more than an indent is
  // the body's first line that lost its indent (打开南宋衣橱的人 / 一件印金双凤穿牡丹百褶罗裙，裙 / 褶细密如新；…):
  // the column's width there is told from lines around it, the text above the headline's too.
  if (i > 0 && kinds[i - 1] === 'heading' && hasClauseMark(lines[i]!.text) && !farApart(i)) return -1;
  const { doubled } = page.facts[i]!;
  let end = i;
  // The block takes a line standing apart from the column, the headline under a kicker (…——), and
  // a line right over the body's start: an unfinished paragraph of one line is no text.
  const joins = (j: number) => apart(j) || LEAD_IN.test(lines[j - 1]!.text) || (!lines[j]!.endsSentence && bodyStarts(j + 1));
  // (A line that closes a quote the block left open ends the block, whatever its width: “让更多人看到这里的盘 / 羊”.)
  const leftOpen = (j: number) => !bracketsBalanced(lines.slice(i, j + 1).map((line) => line.text));
  // (The tail of a word the narrow block wrapped, 国进行正式访 / 问, goes with it and does not count
  // as a line of its own: a line that runs on into it is no line of text, far short of the column.)
  const tail = (j: number) => j < lines.length && lines[j]!.text.length <= MAX_HEADLINE_TAIL_CHARS && lines[j - 1]!.text.length > MAX_HEADLINE_TAIL_CHARS && !lines[j]!.endsSentence && gapFromColumn(j - 1) < -APART_FROM_COLUMN && page.junctions.runsOn(lines[j - 1]!.text, lines[j]!.text);
  let tails = 0;
  while ((end - i - tails < MAX_HEADLINE_BLOCK_LINES - 1 || tail(end + 1)) && (leftOpen(end) || tail(end + 1) || !bodyStarts(end + 1)) && end + 1 < lines.length && kinds[end + 1] === 'body' && headingLine(page, end + 1) && page.facts[end + 1]!.doubled === doubled && joins(end + 1)) {
    end++;
    if (tail(end)) tails++;
  }
  const after = lines[end + 1];
  // A paragraph of one line under the block, wider than the block's lines: those cannot be lines
  // of its paragraph (a paragraph's lines before its last are full), nor of the column above
  // (they are wider than it, or wrap far short of it: type larger than the text's).
  const wrapsShort = end > i && gapFromColumn(i) < -FAR_FROM_COLUMN;
  const wholeParagraphUnder =
    after !== undefined && after.endsSentence && end + 2 < lines.length && kinds[end + 2] === 'body' && lines.slice(i, end + 1).every((line, k) => (wrapsShort || gapFromColumn(i + k) > FULL_LINE_SLACK) && after.width > line.width + FULL_LINE_SLACK);
  // (A line ending on a comma goes on in the next line: a headline's in the block, a paragraph's in its text.)
  if (!after || kinds[end + 1] !== 'body' || (after.endsSentence && !wholeParagraphUnder) || endsWithOneOf(lines[end]!.text, TRAILING_CLAUSE_MARKS)) return -1;
  const block = lines.slice(i, end + 1).map((candidate) => candidate.text);
  if (!bracketsBalanced(block) || (end > i && block.some(hasClauseMark) && end - i >= MAX_COMMA_HEADLINE_LINES)) return -1;
  const overBody = wholeParagraphUnder || opens(end + 1) || (isRunningText(page, end + 1) && lines.slice(i, end + 1).every((_, k) => farApart(i + k)));
  // (Asked last: the dearest question.)
  return overBody && !page.junctions.runsOn(lines[end]!.text, after.text) ? end : -1;
}

/**
 * With no blank lines: line `i`, with no clause mark, stops short of a sentence's end over a
 * paragraph's first line (short of the column by about an indent) that runs on into a full line:
 * a headline of one line, since a line of text would run on into the next
 * (“投资中国就是投资长期确定性” / 今年前两个月，中国新设立 / 外商投资企业8631家…). Chinese type only:
 * a line of English prose may end without a mark and a short line follow it, in a preformatted text.
 */
function headlineOverParagraphStart(page: Page, i: number): boolean {
  const { lines, kinds, layout } = page;
  const line = lines[i]!;
  const next = lines[i + 1];
  if (line.endsSentence || !hasHan(line.text) || hasClauseMark(line.text) || !next || i + 2 >= lines.length) return false;
  if (kinds[i + 1] !== 'body' || kinds[i + 2] !== 'body' || next.indented) return false;
  const columnWidth = layout.columnWidthAt(i + 2);
  const paragraphStart = opensParagraph(next, columnWidth) && next.width >= columnWidth - FAR_FROM_COLUMN;
  return paragraphStart && isFullLine(page, i + 2) && !page.junctions.runsOn(line.text, next.text);
}

/** Line `j`'s width stands apart from its column's: wider than a full line, or narrower by more than a paragraph's indent. */
function apartFromColumn(page: Page, j: number): boolean {
  const gap = page.lines[j]!.width - page.layout.columnWidthAt(j);
  return gap > FULL_LINE_SLACK || gap < -APART_FROM_COLUMN;
}

/** Line `j` is a full line of its column: as wide as it, running on. */
function isFullLine(page: Page, j: number): boolean {
  const line = page.lines[j]!;
  return !line.endsSentence && Math.abs(line.width - page.layout.columnWidthAt(j)) <= FULL_LINE_SLACK;
}

/** Line `j` and the one after it are lines of the column's running text: full width, or a paragraph's end. */
function isRunningText(page: Page, j: number): boolean {
  const { lines } = page;
  return isFullLine(page, j) && j + 1 < lines.length && (lines[j + 1]!.endsSentence || isFullLine(page, j + 1));
}

/**
 * A single line as wide as its column, then a blank, then more full-width body: a paragraph's
 * first line cut off by a column break, not a headline.
 */
function cutByColumnBreak(page: Page, i: number, end: number): boolean {
  const { lines, layout } = page;
  let next = end + 1;
  while (next < lines.length && !lines[next]!.text) next++;
  const after = lines[next];
  if (!after || after.indented || headingLine(page, next) || page.facts[next]!.dateline || isBylineLine(after.raw)) return false;
  const width = layout.columnWidthAt(i);
  const flush = (line: Line) => Math.abs(line.width - width) <= FLUSH_SLACK;
  // Two full lines in a row are running text even when a short paragraph end follows the break.
  return lines.slice(i, end + 1).every(flush) && (end > i || flush(after)) && !page.facts[i]!.doubled;
}

/** A short block of lines ending in a photo credit, or a single line of side-by-side captions. */
/**
 * A caption with no blank line under it before a short line or two of a headline (a column name, a
 * headline): the credit ends the caption, and the lines after it are left to be read as they are.
 */
function markCaptionUnderLabel(page: Page, start: number, end: number): void {
  const { lines, kinds, facts } = page;
  for (let k = end - 2; k >= start && k >= end - 1 - MAX_LABEL_LINES_UNDER_CAPTION; k--) {
    if (!facts[k]!.credit) continue;
    const after = lines.slice(k + 1, end);
    if (after.some((line) => line.width > MAX_LABEL_WIDTH_UNDER_CAPTION || line.endsSentence || hasClauseMark(line.text))) return;
    let chars = 0;
    for (let j = start; j <= k; j++) chars += lines[j]!.text.length;
    if (k - start < MAX_CAPTION_LINES && chars <= MAX_CAPTION_CHARS) for (let j = start; j <= k; j++) kinds[j] = 'caption';
    return;
  }
}

/**
 * A headline line this wide or narrower is a column's short name (权威发布, 连线评论员), a label of
 * its own rather than the first line of a wrapped headline. On the tuned PDF copies (pdftotext -raw
 * and PDFium) 5 scored best: mean F1 0.853 against 0.839 at 3, 0.846 at 6 (two-line section
 * headings such as 扎根琼岛百年 / 海南咖啡稳产提质 come apart) and 0.840 with no limit.
 */
export const MAX_LABEL_WIDTH = 5;

/** Longest line that is a photo credit and nothing else (新华社记者 郝迎灿 摄): set by hand, no recorded evidence. */
const MAX_BARE_CREDIT_CHARS = 10;

/** Most lines a caption runs over, and most characters it holds: set by hand, no recorded evidence. */
const MAX_CAPTION_LINES = 6;
const MAX_CAPTION_CHARS = 300;

/**
 * In a copy with no blank lines, a caption is the run of lines ending in a photo credit
 * (…纳凉。 记者 柯俊彬 摄), back to the line after a finished sentence, a headline or the page's
 * top. A short headline line over wider caption lines (荷花盛开 over its picture's text) stays out.
 */
function markCreditedRuns(page: Page): void {
  const { lines, kinds, facts } = page;
  for (let k = 0; k < lines.length; k++) {
    if (kinds[k] !== 'body' || !facts[k]!.credit) continue;
    let start = k;
    let chars = lines[k]!.text.length;
    let width = 0;
    let opens = false;
    // (A credit wrapped onto a line of its own, 曾亦辰摄, ends the caption whose sentence the line
    // above finishes: 9月23日，村民赵斌善有些犹豫。)
    const bareCredit = lines[k]!.text.length <= MAX_BARE_CREDIT_CHARS;
    for (; k - start < MAX_CAPTION_LINES; start--) {
      if (facts[start]!.dateline) break;
      // (A caption saying what the picture shows opens there: 图为…)
      if (isPictureLead(lines[start]!.text)) {
        opens = true;
        break;
      }
      const above = start > 0 ? lines[start - 1]! : undefined;
      // (A subtitle opened by dashes under a headline, ——二〇二六媒体融合发展论坛发言摘编, is no caption's line.)
      if (!above?.text || (DASH_OPENED.test(above.text) && start > 1 && shapedAt(page, start - 2))) {
        opens = true;
        break;
      }
      width = Math.max(width, lines[start]!.width);
      // (A caption's line saying what the picture shows is its first, whatever stands over it.)
      if (kinds[start - 1] === 'body' && isPictureLead(above.text)) {
        chars += above.text.length;
        continue;
      }
      // (A headline-shaped line right under the running head opens the page, and one under a
      // column's short name (权威发布) opens its article: a headline, not a caption's first line.
      // One with commas only where the text under the caption repeats its words (和音 / 服务业扩能
      // 提质，同世界共享机遇): photo news's caption also opens under a short headline, 荷花盛开.)
      const labelled = isLabelAt(page, start - 2) && (!hasClauseMark(above.text) || repeatedUnder(page, start - 1, k));
      const pageTop = start - 1 === 0 || kinds[start - 2] === 'chrome' || labelled;
      const finishedAbove = finishedAt(lines, start - 1) && !(bareCredit && start === k);
      opens = kinds[start - 1] !== 'body' || finishedAbove || facts[start - 1]!.doubled || (shapedAt(page, start - 1) && (above.width < width - HEADLINE_WIDTH_APART || pageTop));
      if (opens) break;
      chars += above.text.length;
    }
    // Photo news under display art printed twice is text up to its credit, full stops and all.
    if (!opens || !facts[start - 1]?.doubled) {
      const art = displayArtAbove(page, start, k);
      if (art >= 0) {
        for (let j = art + 1; j < start; j++) chars += lines[j]!.text.length;
        start = art + 1;
        opens = true;
      }
    }
    if (!opens || chars > MAX_CAPTION_CHARS) continue;
    // (A caption closes no bracket opened above it: a line that does, 彻习近平新时代…思想）, ends the
    // headline over the caption, 以高质量共建“一带一路”…建设（深入学习贯.)
    while (start < k && closesUnopened(lines[start]!.text)) start++;
    for (let j = start; j <= k; j++) kinds[j] = 'caption';
  }
  markUncreditedCaptions(page);
}

/** Lines of text under a caption whose words a headline over the caption repeats: an article's first paragraphs. Set by hand, no recorded evidence. */
const TEXT_LINES_UNDER_CAPTION = 20;

/** Line `i` repeats the words of the text under the caption that ends at `captionEnd`, as its headline does. */
function repeatedUnder(page: Page, i: number, captionEnd: number): boolean {
  const { lines, kinds } = page;
  const below = new Set<number>();
  for (let j = captionEnd + 1; j < lines.length && j <= captionEnd + TEXT_LINES_UNDER_CAPTION && kinds[j] === 'body'; j++) for (const bigram of hanBigrams(lines[j]!.text)) below.add(bigram);
  return hanBigrams(lines[i]!.text).length >= MIN_HEADLINE_BIGRAMS_ABOVE && bigramShare(lines[i]!.text, below) >= MIN_HEADLINE_WORDS_IN_TEXT;
}

/**
 * Fewest lines of one or two Han characters each that a headline set top to bottom comes out as,
 * copied from a PDF (莫 / 把 / 虚 / 功 / 当 / 长 / 处). Text never breaks after every character, and a
 * headline that short (2 characters) stands on one line when set across.
 */
const MIN_VERTICAL_GLYPHS = 3;
/**
 * Most Han characters a line of such a headline holds: one reader copies it a glyph a line, another
 * (WeasyPrint's PDFs) two (浙江 / 义乌 / 外贸 / 动能 / 澎湃). On the tuned copies two found seven more
 * titles (pdftotext -raw 83.5% → 84.3%, PDFium 81.2% → 81.9%); no run of such lines there was text.
 */
const MAX_VERTICAL_LINE_HAN = 2;

/** Punctuation a headline set top to bottom holds, each mark on a line of its own when copied. */
const VERTICAL_MARKS = charSet('“”‘’《》，、：；！？·—…');

/** Runs of lines of a glyph or two: a headline set top to bottom, copied glyph by glyph. */
function markVerticalHeadlines(page: Page): void {
  const { lines, kinds } = page;
  // (Its punctuation comes one mark a line too: 我 / 家 / … / “ / 看 / 到 / 桥 / ，.)
  const glyph = (i: number) => {
    const { text } = lines[i]!;
    if (kinds[i] !== 'body') return false;
    let han = 0;
    for (const ch of text) {
      if (isHan(ch)) {
        if (++han > MAX_VERTICAL_LINE_HAN) return false;
      } else if (!startsWithOneOf(ch, VERTICAL_MARKS)) return false;
    }
    // (Two characters ending a sentence, 是吗？, end a paragraph; a mark alone is a glyph.)
    return han <= MAX_VERTICAL_LINE_HAN && (han < 2 || !lines[i]!.endsSentence);
  };
  for (let i = 0; i < lines.length; ) {
    let end = i;
    while (end < lines.length && glyph(end)) end++;
    if (end - i >= MIN_VERTICAL_GLYPHS) {
      // (The headline's first line may come out whole, 连线评论员读懂海南的“ over 热” / 与“ / 深”:
      // an unfinished line alone after finished text runs on into the glyphs, no text line.)
      const first = i >= 2 && kinds[i - 1] === 'body' && !lines[i - 1]!.endsSentence && finishedAt(lines, i - 2) && shapedAt(page, i - 1) ? i - 1 : i;
      for (let j = first; j < end; j++) kinds[j] = 'heading';
    }
    i = Math.max(end, i + 1);
  }
}

/**
 * Marks a line never ends on (line-breaking rules keep an opening quote or bracket with the words
 * it opens) and never stands alone in text (、 / ，): where a line ends on one or holds nothing
 * else, the copy has cut a headline set top to bottom into its columns (PDFium reads each column
 * as a line: 三夏进行时 聚力保障“ / 三夏” / 抢收, 环球走笔 七三 / 一 / ， / 不能忘记的黑暗历史).
 */
const LINE_END_NEVER = charSet('“‘《（(「『');

/** A lone mark (text's dash, ——, is two marks, and may wrap to a line of its own). */
export function isLoneMark(text: string): boolean {
  return text.length === 1 && startsWithOneOf(text, VERTICAL_MARKS);
}

/** A line ending on a mark that opens what follows: no line of text ends there. */
export function endsOnOpeningMark(text: string): boolean {
  return endsWithOneOf(text, LINE_END_NEVER);
}

/** Most lines a headline cut into its columns spans: set by hand, no recorded evidence. */
const MAX_FRAGMENT_LINES = 8;

/**
 * A headline set top to bottom, copied a column a line: from a line ending on an opening mark, or a
 * lone punctuation line, up through the lines of a glyph or two over it to the first line longer,
 * and down until its quotes close and it no longer ends on a mark that needs more after it.
 */
function markHeadlineFragments(page: Page): void {
  const { lines, kinds } = page;
  const open = (k: number) => kinds[k] === 'body' || kinds[k] === 'heading';
  const fragment = (text: string) => endsOnOpeningMark(text) || isLoneMark(text);
  // (Lines of a glyph or two: digits set upright in it come so as well, ·2 / 0 / 2 / 6 ”.)
  const glyphs = (k: number) => lines[k]!.text.length <= MAX_HEADLINE_TAIL_CHARS && !lines[k]!.endsSentence;
  const needsMore = (start: number, end: number) => {
    const last = lines[end]!.text;
    return fragment(last) || endsWithOneOf(last, TRAILING_CLAUSE_MARKS) || !bracketsBalanced(lines.slice(start, end + 1).map((line) => line.text));
  };
  for (let i = 0; i < lines.length; i++) {
    if (!open(i) || !fragment(lines[i]!.text)) continue;
    let start = i;
    // (A lone mark goes on from the line over it, and that from the glyphs over it.)
    if (isLoneMark(lines[i]!.text)) {
      while (start > 0 && i - start < MAX_FRAGMENT_LINES && open(start - 1) && (glyphs(start - 1) || (!lines[start - 1]!.endsSentence && shapedAt(page, start - 1)))) {
        start--;
        if (lines[start]!.text.length > MAX_HEADLINE_TAIL_CHARS) break;
      }
    }
    let end = i;
    while (end + 1 < lines.length && end - start < MAX_FRAGMENT_LINES && needsMore(start, end) && open(end + 1) && (isLoneMark(lines[end + 1]!.text) || glyphs(end + 1) || shapedAt(page, end + 1))) end++;
    if (needsMore(start, end)) continue;
    for (let j = start; j <= end; j++) kinds[j] = 'heading';
    i = end;
  }
}

/**
 * A headline under a label differs from the column's width by at least this (em): a headline in a
 * narrow column stops short of it (军营村走出绿色发展之路: 11 of 12), a line of text fills it.
 */
const LABELLED_HEADLINE_OFF_COLUMN = 1;

/**
 * Line `i` is a column's short name standing alone over a headline (在现场 / 军营村走出绿色发展之路):
 * returns that headline's line, one that the body under it does not run on from, or -1. A line of
 * text never stands alone that short without finishing its sentence, so a label shows where a
 * headline starts even when the headline is as wide as the column.
 */
function labelledHeadline(page: Page, i: number): number {
  const { lines, kinds } = page;
  if (!isLabelAt(page, i)) return -1;
  const wrapped = wrappedHeadlineUnderLabel(page, i);
  if (wrapped >= 0) return wrapped;
  const headline = i + 1;
  const body = i + 2;
  // (A photo's caption may stand between the headline and its text: a label heads no caption.)
  const overCaption = kinds[body] === 'caption';
  if (body >= lines.length || kinds[headline] !== 'body' || (kinds[body] !== 'body' && !overCaption) || !headingLine(page, headline)) return -1;
  if (lines[headline]!.endsSentence || (lines[body]!.endsSentence && !overCaption)) return -1;
  // (A full line of the column under the label is its text: 编者按 over the note. The column is
  // the text's, under the caption if one stands there.)
  if (Math.abs(lines[headline]!.width - page.layout.columnWidthAt(overCaption ? body + 1 : body)) < LABELLED_HEADLINE_OFF_COLUMN) return -1;
  if (page.junctions.runsOn(lines[i]!.text, lines[headline]!.text) || (!overCaption && page.junctions.runsOn(lines[headline]!.text, lines[body]!.text))) return -1;
  return headline;
}

/**
 * Under a column's name (line `i`), the lines of a headline set in a narrower measure than the
 * text under it (国际论坛 / 维护国际秩序稳定是各国应对挑战 / 的急迫所需 / 真正可持续的国际秩序，…;
 * 在现场 / 军营村走出绿色发展之路 / 4月7日清晨，…村。): returns the headline's last line, or -1.
 * None of its lines finishes a sentence, and each is narrower than the text line under the block
 * by more than a full line's slack: a line of text that stops short finishes its paragraph, and
 * the first line of the text under it is not narrower than the line it would go on from, so
 * here the text under the block may be a paragraph of one line. With a label over it and wider
 * text under it, a headline in a narrow box may take as many lines as one found by its byline
 * (环球走笔 / 七三一， / 不能忘记 / 的黑暗历 / 史).
 */
function wrappedHeadlineUnderLabel(page: Page, i: number): number {
  const { lines, kinds } = page;
  for (let end = i + 1; end < lines.length - 1 && end - i <= MAX_ANCHORED_LINES; end++) {
    if (kinds[end] !== 'body' || !headingLine(page, end) || lines[end]!.endsSentence) return -1;
    // (A first line of one character is type set top to bottom, 工 / 作, left to the rules for it.)
    if (end === i + 1 && [...lines[end]!.text].length === 1) return -1;
    const body = lines[end + 1]!;
    const block = lines.slice(i + 1, end + 1);
    if (kinds[end + 1] !== 'body' || block.some((line) => line.width + FULL_LINE_SLACK >= body.width)) continue;
    if (endsWithOneOf(lines[end]!.text, TRAILING_CLAUSE_MARKS) || !bracketsBalanced(block.map((line) => line.text))) continue;
    return page.junctions.runsOn(lines[end]!.text, body.text) ? -1 : end;
  }
  return -1;
}

/**
 * Line `i` is a column's short name standing alone (权威发布, 服务窗): a short headline-shaped line
 * after the page's top, furniture or a finished sentence.
 */
function isLabelAt(page: Page, i: number): boolean {
  const { lines, kinds } = page;
  if (i < 0 || kinds[i] !== 'body' || lines[i]!.width > MAX_LABEL_WIDTH || !shapedAt(page, i)) return false;
  return i === 0 || kinds[i - 1] === 'chrome' || (kinds[i - 1] === 'body' && finishedAt(lines, i - 1));
}

/** A line of full sentences holding captions side by side, or far wider than its column (it spans pictures). */
function isCaptionLine(page: Page, i: number): boolean {
  const line = page.lines[i]!;
  return line.endsSentence && (hasCaptionGap(line.raw, line.gaps) || (line.text.length <= MAX_WIDE_CAPTION_CHARS && line.width >= WIDE_CAPTION_SPAN * page.layout.columnWidthAt(i)));
}

/**
 * With no blank lines: a caption line (`isCaptionLine`) after a finished sentence, a credit or a
 * headline is a caption without a credit; so are the lines saying what a picture shows (图为…),
 * up to their full stop. Asked again once headlines are known.
 */
function markUncreditedCaptions(page: Page): void {
  const { lines, kinds, facts } = page;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (kinds[i] !== 'body') continue;
    // (The line's own shape first: most lines fail it, and it is the cheaper question.)
    const sideBySide = isCaptionLine(page, i);
    const picture = !sideBySide && isPictureLead(line.text);
    if (!sideBySide && !picture) continue;
    const apart = i === 0 || kinds[i - 1] !== 'body' || finishedAt(lines, i - 1) || facts[i - 1]!.credit;
    if (!apart || facts[i]!.dateline) continue;
    if (sideBySide) kinds[i] = 'caption';
    else {
      let end = i;
      let chars = line.text.length;
      while (!lines[end]!.endsSentence && end - i < MAX_PICTURE_CAPTION_LINES - 1 && end + 1 < lines.length && kinds[end + 1] === 'body') chars += lines[++end]!.text.length;
      if (lines[end]!.endsSentence && chars <= MAX_PICTURE_CAPTION_CHARS) for (let j = i; j <= end; j++) kinds[j] = 'caption';
    }
  }
}

/** Line index of display art printed twice right above a run of body lines ending at `end`, within a caption's size; -1 if none. */
function displayArtAbove(page: Page, start: number, end: number): number {
  const { lines, kinds, facts } = page;
  for (let j = start - 1; j >= 0 && end - j <= MAX_CAPTION_LINES; j--) {
    if (facts[j]!.doubled) return j;
    if (kinds[j] !== 'body' || !lines[j]!.text || facts[j]!.dateline) return -1;
  }
  return -1;
}

function markCaptionBlocks(page: Page): void {
  const { lines, kinds, layout, facts } = page;
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i]!.text) continue;
    const size = i - start;
    if (size > 0) {
      const last = lines[i - 1]!;
      let chars = 0;
      for (let j = start; j < i; j++) chars += lines[j]!.text.length;
      const caption =
        (size <= MAX_CAPTION_LINES && chars <= MAX_CAPTION_CHARS && facts[i - 1]!.credit) || // ends in a photo credit
        (size === 1 && hasCaptionGap(last.raw, last.gaps) && !facts[i - 1]!.dateline) || // captions side by side
        (size <= MAX_PICTURE_CAPTION_LINES && chars <= MAX_PICTURE_CAPTION_CHARS && last.endsSentence && isPictureLead(lines[start]!.text)) || // 图为…
        // A line of full sentences far wider than the columns around it spans pictures, not a column.
        (size === 1 && layout.wrapped && chars <= MAX_WIDE_CAPTION_CHARS && last.endsSentence && last.width >= WIDE_CAPTION_SPAN * layout.columnWidthAt(start) && !facts[i - 1]!.dateline);
      if (caption) for (let j = start; j < i; j++) kinds[j] = 'caption';
      else markCaptionUnderLabel(page, start, i);
    }
    start = i + 1;
  }
}
