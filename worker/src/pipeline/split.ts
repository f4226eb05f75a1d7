// Stage 2: split a page's cleaned lines into articles. Pure: lines in, article parts out.
//
// A page copied from an e-paper holds several articles whose pieces arrive in layout order:
// headline blocks (before or after their body), body text broken at column width, photo captions.
// The splitter works in four steps:
//   1. classify each line (heading, byline, caption, body) from its shape and its neighbours;
//   2. join body lines into paragraphs and cut the paragraphs into segments at hard boundaries
//      (a dateline such as 本报讯, or a headline/caption after a finished sentence);
//   3. give each run of headlines to the segment before or after it, choosing the assignment
//      that best matches headline words to body words (headlines), see `assignHeadings`;
//   4. a segment that received several headlines is split where its paragraphs change topic,
//      then captions go to the article they talk about.
import type { Line } from './clean';
import { endsSentence, joinLines, ParagraphBuilder } from './text';
import { endsWithCredit, hasCaptionGap, isBylineLine, isChromeLine, isDoubled, isLinkListHeader, matchDateline, undouble } from './patterns';
import { cohesion, ProbeIndex, terms, TermWeights, type Term } from './similarity';
import { layoutOf, type Layout } from './layout';
import { bracketsBalanced, Junctions } from './junctions';
import { assignHeadings } from './assign';
import { partitionByHeadings } from './partition';

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
}

type Kind = 'blank' | 'heading' | 'byline' | 'caption' | 'chrome' | 'body';

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
}

/** A headline with the smaller blocks that go with it (kicker, subtitle, column name, byline). */
export interface HeadingUnit {
  main: HeadingBlock;
  extras: HeadingBlock[];
  terms: Set<Term>;
  at: number;
}

export interface Segment {
  paragraphs: string[];
  at: number;
  /** The segment opens with a dateline (本报讯…), so it certainly starts an article. */
  opensArticle: boolean;
  /** Photo news: a caption-like text right under its own headline. */
  photoNews: boolean;
}

interface Caption {
  text: string;
  at: number;
}

const CLAUSE_MARK = /[，、；：。,;]/;
const BRACKETED = /（[^（）]*）|\([^()]*\)|《[^《》]*》|“[^“”]*”|「[^「」]*」/g;
const TRAILING_CLAUSE = /[，、；：,;:]$/;

/** Looks like a headline line by its own shape, whatever its neighbours. */
function headingShape(line: Line, layout: Layout): boolean {
  const { text, width } = line;
  if (!text || width > layout.maxHeadingWidth || width < 1) return false;
  if (isDoubled(text)) return true;
  // A headline may break after a comma (春笋香椿上桌， / 江南人的咬春时节), never after other clause marks.
  if (/^[■●◆▲]/.test(text) || (TRAILING_CLAUSE.test(text) && !(layout.wrapped && width <= 12 && /[，,]$/.test(text)))) return false;
  if (layout.wrapped) {
    if (line.indented || /[。…]/.test(text)) return false;
    return !endsSentence(text) || /[？！?!]$/.test(text);
  }
  return !endsSentence(text) || /[）)]$/.test(text);
}

/** Commas and the like outside brackets: allowed in a headline, but also the mark of body text. */
function hasClauseMark(text: string): boolean {
  return CLAUSE_MARK.test(text.replace(BRACKETED, ''));
}

function classifyLines(lines: Line[], layout: Layout): Kind[] {
  const kinds: Kind[] = lines.map((line) => (line.text ? 'body' : 'blank'));
  markCaptionBlocks(lines, kinds);
  markChrome(lines, kinds, layout);
  const junctions = new Junctions(lines);
  let previous = -1; // index of the previous non-blank line
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== 'body') {
      if (kinds[i] !== 'blank') previous = i;
      continue;
    }
    const line = lines[i]!;
    if (!layout.wrapped && endsWithCredit(line.raw) && line.text.length <= 200) kinds[i] = 'caption';
    else if (isBylineLine(line.raw) && !(layout.wrapped && previous >= 0 && kinds[previous] === 'body' && !finishedAt(lines, previous))) {
      kinds[i] = 'byline'; // unless it is the wrapped end of a sentence: （记者 赵成 / 记者 付明丽 见习记者 …）
    }
    else if (!matchDateline(line.text) && isHeading(lines, kinds, i, previous, layout, junctions)) kinds[i] = 'heading';
    previous = i;
  }
  if (!layout.wrapped) demoteSectionHeadings(lines, kinds);
  return kinds;
}

/**
 * In a web copy (one line per paragraph) a headline line inside an article is a section heading,
 * part of the body. A headline starts an article when it follows a blank line (in a text where
 * blank lines separate articles rather than paragraphs), carries a byline or dateline, is marked
 * as kicker or subtitle, or is a headline of several lines in a text without such blank lines.
 */
const MAX_HEADLINE_LINES = 6;

function demoteSectionHeadings(lines: Line[], kinds: Kind[]): void {
  let blanks = 0;
  let filled = 0;
  // Only blank lines between text count: a trailing newline separates nothing.
  let pendingBlanks = 0;
  for (const line of lines) {
    if (!line.text) {
      pendingBlanks++;
      continue;
    }
    if (filled > 0) blanks += pendingBlanks;
    pendingBlanks = 0;
    filled++;
  }
  const blanksSeparateArticles = blanks > 0 && blanks < filled * 0.4;
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
    const marked = headings >= 2 && run.some((line) => /^[—―]{2}|[—―]{2}$/.test(line.text));
    const credited = run.some((_, k) => kinds[i + k] === 'byline') || (next !== undefined && matchDateline(next.text) !== undefined);
    // Indents tell too: where body paragraphs are indented, a headline is not (and a section heading is).
    const before = i > 0 ? lines[i - 1] : undefined;
    const outdented = !run[0]!.indented && ((next !== undefined && next.indented) || (before !== undefined && before.indented));
    const starts = !seenText || credited || marked || outdented || (!run[0]!.indented && (blanksSeparateArticles ? afterBlank : headings >= 2));
    // A headline is a few lines (kicker, title, subtitle, byline); a long run of short lines is text.
    if (!starts || headings > MAX_HEADLINE_LINES) for (let k = i; k < end; k++) if (kinds[k] === 'heading') kinds[k] = 'body';
    seenText = true;
    i = end;
  }
}

/** The body line ends a sentence, also when a closing credit （记者 赵\n成） wraps onto it. */
function finishedAt(lines: Line[], index: number): boolean {
  const text = lines[index]!.text;
  if (endsSentence(text)) return true;
  if (!/[）)]$/.test(text)) return false;
  // A closing note in brackets after a finished sentence, over up to four lines:
  // …需求。（原题为《雄安新区…》） or （记者 赵\n成）. Find its opening bracket and look before it.
  let depth = 0;
  for (let j = index; j >= 0 && j > index - 4 && lines[j]!.text; j--) {
    const line = lines[j]!.text;
    for (let k = line.length - 1; k >= 0; k--) {
      const ch = line[k]!;
      if (ch === '）' || ch === ')') depth++;
      else if (ch === '（' || ch === '(') depth--;
      if (depth === 0) {
        const before = k > 0 ? line.slice(0, k) : j > 0 ? lines[j - 1]!.text : '';
        return !before || endsSentence(before);
      }
    }
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
  return line.indented || matchDateline(line.text) !== undefined || (line.width <= columnWidth - 1.5 && !endsSentence(line.text));
}

/** Shape of a headline, and not one of the short lines that have their own kind. */
function headingLine(line: Line, layout: Layout): boolean {
  return headingShape(line, layout) && !isBylineLine(line.raw) && !matchDateline(line.text) && !endsWithCredit(line.raw);
}

function isHeading(lines: Line[], kinds: Kind[], i: number, previous: number, layout: Layout, junctions: Junctions): boolean {
  const line = lines[i]!;
  if (!layout.wrapped && isQuestionHeading(lines, i)) return true;
  if (!headingShape(line, layout)) return false;
  if (!layout.wrapped) return true;
  return isColumnHeading(lines, kinds, i, previous, layout, junctions);
}

/** Furniture lines, and the link lists under a 相关新闻 / Read more header. */
function markChrome(lines: Line[], kinds: Kind[], layout: Layout): void {
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== 'body') continue;
    // Furniture stands on its own line: not after a line that stops mid-sentence.
    if (layout.wrapped && i > 0 && lines[i - 1]!.text && !endsSentence(lines[i - 1]!.text)) continue;
    const text = lines[i]!.text;
    if (isChromeLine(text) || (lines[i]!.raw !== text && isChromeLine(lines[i]!.raw))) {
      kinds[i] = 'chrome';
    } else if (isLinkListHeader(text)) {
      kinds[i] = 'chrome';
      for (let j = i + 1; j < lines.length && (!lines[j]!.text || headingShape(lines[j]!, layout)); j++) {
        if (lines[j]!.text) kinds[j] = 'chrome';
      }
    }
  }
}

/** A question or exclamation standing alone at the top of a web copy (治愈患者捐献血浆会影响健康吗？) is a headline. */
function isQuestionHeading(lines: Line[], i: number): boolean {
  const line = lines[i]!;
  return line.width <= 30 && /[？！?!]$/.test(line.text) && (i === 0 || !lines[i - 1]!.text) && !/[。；]/.test(line.text);
}

function isColumnHeading(lines: Line[], kinds: Kind[], i: number, previous: number, layout: Layout, junctions: Junctions): boolean {
  const line = lines[i]!;
  // In column text a line that continues an unfinished sentence is body, whatever its shape.
  if (previous >= 0 && kinds[previous] === 'body' && !finishedAt(lines, previous)) return false;
  if (previous === i - 1 && kinds[previous] === 'heading') return true; // next line of a headline block
  // A kicker (…——) introduces a headline; one followed by text is a lead-in of that text.
  if (/[—―]{2}$/.test(line.text)) {
    let j = i + 1;
    while (j < lines.length && !lines[j]!.text) j++;
    const following = lines[j];
    const after = lines[j + 1];
    // The headline under a kicker stands on its own: a blank line, byline, dateline or more headline after it.
    const standsAlone = !after || !after.text || headingLine(after, layout) || isBylineLine(after.raw) || matchDateline(after.text) !== undefined;
    if (!following || !headingLine(following, layout) || hasClauseMark(following.text.replace(BRACKETED, '')) || !standsAlone) return false;
  }
  // A subtitle line (——…) follows its headline; after body text it is a quote's attribution.
  if (/^[—―]{2}/.test(line.text) && previous >= 0 && kinds[previous] === 'body') return false;
  // A headline block stands apart: a blank line (or a caption, byline) above it...
  if (previous === i - 1 && kinds[previous] === 'body') return false;
  // ...and it is at most three lines, ending where the body cannot go on from it: a blank line,
  // a byline, a dateline or a caption. Short lines running straight into more text are a narrow
  // column's body, unless their width stands apart from it.
  let end = i;
  while (end + 1 < lines.length && end - i < 3 && headingLine(lines[end + 1]!, layout)) end++;
  const after = lines[end + 1];
  const clauses = lines.slice(i, end + 1).some((candidate) => hasClauseMark(candidate.text));
  // A headline is whole: a quote or bracket left open means a line cut out of a sentence.
  if (!bracketsBalanced(lines.slice(i, end + 1).map((candidate) => candidate.text).join(''))) return false;
  if (clauses) {
    // Body text has commas too. A headline with commas must end at a blank line, byline or
    // dateline, be at most two lines, and either open with a plain line (title, then a subtitle
    // with commas) or stand apart from the column's width (a paragraph cut by a column break
    // is as wide as its column).
    const credited = after !== undefined && (isBylineLine(after.raw) || matchDateline(after.text) !== undefined);
    const ending = credited || ((!after || !after.text) && !cutByColumnBreak(lines, i, end, layout));
    if (!ending || end - i >= 2) return false;
    // A line cut from a paragraph often leaves a quote open, or its last characters run on into
    // the text after the break (招商引 | 资一张图).
    const block = lines.slice(i, end + 1).map((candidate) => candidate.text).join('');
    const following = nextText(lines, end);
    if (!bracketsBalanced(block) || (!credited && following && junctions.runsOn(block, following.text))) return false;
    const apart = !hasClauseMark(line.text) || Math.abs(line.width - layout.columnWidthAt(i)) > 2.5;
    return apart || credited || (following !== undefined && opensParagraph(following, layout.columnWidthAt(end + 2)));
  }
  if (!after || !after.text) return end - i < 3 && !cutByColumnBreak(lines, i, end, layout);
  if (isBylineLine(after.raw) || matchDateline(after.text)) return end - i < 3;
  if (endsWithCredit(after.raw) || isDoubled(line.text)) return true;
  if (end > i || (line.gaps >= 3 && kinds[previous] !== 'heading')) return false;
  // Only a full line of the column (one that runs on) shows the column's width.
  return !endsSentence(after.text) && Math.abs(line.width - after.width) > 3;
}

/**
 * A single line as wide as its column, then a blank, then more full-width body: a paragraph's
 * first line cut off by a column break, not a headline.
 */
function cutByColumnBreak(lines: Line[], i: number, end: number, layout: Layout): boolean {
  let next = end + 1;
  while (next < lines.length && !lines[next]!.text) next++;
  const after = lines[next];
  if (!after || after.indented || headingLine(after, layout) || matchDateline(after.text) || isBylineLine(after.raw)) return false;
  const width = layout.columnWidthAt(i);
  const flush = (line: Line) => Math.abs(line.width - width) <= 1;
  // Two full lines in a row are running text even when a short paragraph end follows the break.
  return lines.slice(i, end + 1).every(flush) && (end > i || flush(after)) && !isDoubled(lines[i]!.text);
}

/** A short block of lines ending in a photo credit, or a single line of side-by-side captions. */
function markCaptionBlocks(lines: Line[], kinds: Kind[]): void {
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i]!.text) continue;
    const size = i - start;
    if (size > 0) {
      const last = lines[i - 1]!;
      const chars = lines.slice(start, i).reduce((sum, line) => sum + line.text.length, 0);
      const credit = size <= 6 && chars <= 300 && endsWithCredit(last.raw);
      const sideBySide = size === 1 && hasCaptionGap(last.raw, last.gaps) && !matchDateline(last.text);
      const pictured = size <= 3 && chars <= 120 && /^(?:图为|圖為|图：|圖：|上图|下图|左图|右图)/.test(lines[start]!.text) && endsSentence(last.text);
      if (credit || sideBySide || pictured) for (let j = start; j < i; j++) kinds[j] = 'caption';
    }
    start = i + 1;
  }
}

function roleOf(block: HeadingBlock): Role {
  const { text } = block;
  if (/[—―-]{2}$/.test(text)) return 'kicker';
  if (/^[—―-]{2}/.test(text)) return 'subtitle';
  if (text.length <= 4 && !block.doubled) return 'column';
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
function readPage(lines: Line[], layout: Layout): PageParts {
  const kinds = classifyLines(lines, layout);
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
      const wrapsOn = previous !== undefined && (!hasClauseMark(text) || hasClauseMark(previous.text));
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
        display && i - lastNonBlank(lines, kinds, i, 'heading') <= 2 && previousBlock!.text.length >= 4 && !/^(?:图为|圖為)/.test(line.text);
      if (underHeadline && !segmentAfter(segment, previousBlock)) {
        // Photo news: the text under a display headline is the article itself.
        startSegment(i, false, true);
        const photoText = new ParagraphBuilder();
        for (; i < lines.length && kinds[i] === 'caption'; i++) photoText.add(lines[i]!.text);
        segment!.paragraphs.push(photoText.take());
        i--;
        interrupted = true;
        lastBodyLine = undefined;
        lastBodyIndex = -1;
        continue;
      }
      if (captions.length > 0 && kinds[i - 1] === 'caption') captionLines[captionLines.length - 1]!.push(line.text);
      else {
        captions.push({ text: '', at: i });
        captionLines.push([line.text]);
      }
      interrupted = true;
      continue;
    }
    // Body text.
    const dateline = matchDateline(line.text);
    // Judged from the last line(s) alone: the paragraph string can be long.
    const finishedBefore = !lastBodyLine || finishedAt(lines, lastBodyIndex);
    if (!segment || (dateline && finishedBefore) || (interrupted && (finishedBefore || !layout.wrapped))) {
      startSegment(i, Boolean(dateline));
    } else if (!layout.wrapped || (finishedBefore && endsParagraph(lines, i, lastBodyLine!, layout))) {
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

function lastNonBlank(lines: Line[], kinds: Kind[], i: number, kind: Kind): number {
  for (let j = i - 1; j >= 0; j--) {
    if (!lines[j]!.text) continue;
    return kinds[j] === kind ? j : -Infinity;
  }
  return -Infinity;
}

/** In column text a short line that ends a sentence ends its paragraph. */
function endsParagraph(lines: Line[], i: number, lastBodyLine: Line, layout: Layout): boolean {
  if (lines[i]!.indented) return true;
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
      if (pendingKicker) units.push({ main: pendingKicker, extras: [], terms: new Set(), at: pendingKicker.at });
      pendingKicker = block;
      return;
    }
    if (block.role === 'kicker') {
      // Two kickers in a row: the first introduced no headline and stands as its own block.
      if (pendingKicker) units.push({ main: pendingKicker, extras: [], terms: new Set(), at: pendingKicker.at });
      pendingKicker = block;
      return;
    }
    if ((block.role === 'subtitle' || block.role === 'column') && previous && adjacent && !pendingKicker) {
      previous.extras.push(block);
      return;
    }
    // A kicker introduces the headline right under it; one far above introduced nothing.
    if (pendingKicker && block.at - pendingKicker.at > 3) {
      units.push({ main: pendingKicker, extras: [], terms: new Set(), at: pendingKicker.at });
      pendingKicker = undefined;
    }
    const unit: HeadingUnit = { main: block, extras: pendingKicker ? [pendingKicker] : [], terms: new Set(), at: pendingKicker?.at ?? block.at };
    pendingKicker = undefined;
    units.push(unit);
  });
  if (pendingKicker) units.push({ main: pendingKicker, extras: [], terms: new Set(), at: pendingKicker.at });
  return units;
}

/** The words a headline unit is matched by. A column name (政协谈) is shared by many articles: it says nothing about which body is this one's. */
function setUnitTerms(units: HeadingUnit[]): void {
  for (const unit of units) {
    const words = [unit.main, ...unit.extras].filter((block) => block.role !== 'column').map((block) => block.text);
    unit.terms = terms(words.join('\n'));
  }
}

const MAX_EXTRAS = 3;

function lastLineOf(unit: HeadingUnit): number {
  return Math.max(unit.main.at, ...unit.extras.map((extra) => extra.at));
}

interface Draft {
  units: HeadingUnit[];
  paragraphs: string[];
  at: number;
  byline?: string;
  segment: Segment;
}

/** Two neighbouring texts this cohesive are one article, with a section heading between them. */
const SECTION_COHESION = 0.12;
/** Below this they are two articles, however the rest of the page compares. */
const MIN_SECTION_COHESION = 0.04;
/** Or the text under the heading must be this much closer to the article above than to any other nearby. */
const SECTION_MARGIN = 1.5;
const SECTION_RIVALS = 6;
/** A headline must share at least this much with the body under it, or it is no headline. */
const MIN_TITLE_COVERAGE = 0.25;

/**
 * Second thoughts on a lone one-line headline over a body without a dateline (web copies have
 * settled section headings already, by their blank lines):
 * - if the body under it does not use its words, it is a line of text cut off by a column
 *   break (在招商局检测车辆技术研 | 究院有限公司…): it goes back into the running text;
 * - if the body talks about the same things as the article above, more than about any other
 *   article near it, it is a section heading of that article (突出以人民为中心的价值取向).
 */
function mergeSections(drafts: Draft[], segments: Segment[], weights: TermWeights, index: ProbeIndex, layout: Layout): void {
  // Term sets are built only for the drafts a decision needs.
  const known: (Set<Term> | undefined)[] = [];
  const termsOf = (index: number): Set<Term> => (known[index] ??= terms(drafts[index]!.paragraphs.join('\n')));
  // Comparing whole bodies needs every word's weight over the page: worked out once, if ever.
  let fullWeights: TermWeights | undefined;
  const pageWeights = () => (fullWeights ??= new TermWeights(segments.map((segment) => terms(segment.paragraphs.join('\n')))));
  // Only a draft under a bare headline can be a section; the others are surely articles, and are
  // the rivals a section must resemble less than its own article.
  const candidates = drafts.map((draft) => {
    const unit = draft.units[0];
    // A bare headline, or a kicker-like lead-in (加快传统产业“升”的步伐——) with no headline under it.
    const lone = draft.units.length === 1 && unit!.extras.length === 0 && (unit!.main.role === 'title' || unit!.main.role === 'kicker') && unit!.main.bylines.length === 0;
    return lone && !draft.segment.opensArticle && !draft.segment.photoNews && !draft.byline && unit!.at < draft.at;
  });
  // Front to back, so that the article above a section already holds its earlier sections.
  for (let k = 1; k < drafts.length; k++) {
    const above = drafts[k - 1]!;
    const draft = drafts[k]!;
    const unit = draft.units[0];
    if (!candidates[k]) continue;
    if (weights.coverage(unit!.terms, index.ofAll(draft.paragraphs)) < MIN_TITLE_COVERAGE) {
      const [first = '', ...rest] = draft.paragraphs;
      above.paragraphs.push(joinLines(unit!.main.text, first), ...rest);
    } else if (layout.wrapped && above.units.length > 0 && isSectionOf(termsOf, drafts.length, candidates, k, pageWeights())) {
      above.paragraphs.push(unit!.main.text, ...draft.paragraphs);
    } else {
      continue;
    }
    if (known[k - 1]) for (const term of termsOf(k)) known[k - 1]!.add(term);
    drafts.splice(k, 1);
    known.splice(k, 1);
    candidates.splice(k, 1);
    k--;
  }
}

function isSectionOf(termsOf: (index: number) => Set<Term>, count: number, candidates: boolean[], k: number, weights: TermWeights): boolean {
  const withAbove = cohesion(termsOf(k - 1), termsOf(k), weights);
  if (withAbove >= SECTION_COHESION) return true;
  if (withAbove < MIN_SECTION_COHESION) return false;
  let rival = 0;
  for (let j = Math.max(0, k - SECTION_RIVALS); j < Math.min(count, k + SECTION_RIVALS); j++) {
    if (j !== k && j !== k - 1 && !candidates[j]) rival = Math.max(rival, cohesion(termsOf(j), termsOf(k), weights));
  }
  return withAbove >= SECTION_MARGIN * rival;
}

/** Splits the page's lines into articles. */
export function splitArticles(lines: Line[], options: SplitOptions = {}): ArticleParts[] {
  const layout = layoutOf(lines);
  const page = readPage(lines, layout);
  const { segments, units, captions } = page;

  if (segments.length === 0) {
    // Nothing but headline-like lines: one article that keeps them all as its text.
    const texts = units.flatMap((unit) => [unit.main.text, ...unit.extras.map((extra) => extra.text)]);
    if (texts.length === 0 && captions.length === 0) return [];
    const paragraphs = texts.length > 0 ? texts : captions.map((caption) => caption.text);
    return [{ title: options.fallbackTitle?.trim() || paragraphs[0]!, paragraphs, captions: texts.length > 0 ? captions.map((c) => c.text) : [] }];
  }

  setUnitTerms(units);
  // Only headline and caption words decide anything here, so only they are looked for in the body.
  const captionTerms = captions.map((caption) => terms(caption.text));
  const probes = new Set<Term>();
  for (const set of [...units.map((unit) => unit.terms), ...captionTerms]) for (const term of set) probes.add(term);
  const probeIndex = new ProbeIndex(probes);
  const segmentTerms = segments.map((segment) => probeIndex.ofAll(segment.paragraphs));
  const weights = new TermWeights(segmentTerms);
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
    partitionByHeadings(segment.paragraphs, mine, weights, probeIndex).forEach((part, partIndex) => {
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
  let sentence = end ? body.slice(0, end.index) : body;
  if (sentence.length > 60) {
    const clause = sentence.slice(0, 60).search(/[，,；;](?=[^，,；;]*$)/);
    // Cut at a clause, or at 60 code units without splitting a surrogate pair.
    const cut = clause > 8 ? clause : /[\ud800-\udbff]/.test(sentence[59]!) ? 59 : 60;
    sentence = sentence.slice(0, cut);
  }
  return sentence.trim();
}

const CAPTION_REACH = 8;

/** Index of the article whose place is nearest `at` (places ascend). */
function nearestIndex(places: number[], at: number): number {
  let low = 0;
  let high = places.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (places[middle]! < at) low = middle + 1;
    else high = middle;
  }
  return low > 0 && Math.abs(places[low - 1]! - at) <= Math.abs(places[low]! - at) ? low - 1 : low;
}

/** Each caption goes to the article whose words it shares most; ties go to the nearest article. */
function attachCaptions(
  articles: ArticleParts[],
  places: number[],
  captions: Caption[],
  captionTerms: Set<Term>[],
  index: ProbeIndex,
  weights: TermWeights,
): void {
  if (articles.length === 0 || captions.length === 0) return;
  const articleTerms = articles.map((article) => index.ofAll([article.title, article.subtitle ?? '', ...article.paragraphs]));
  captions.forEach((caption, captionIndex) => {
    // Only the articles printed near the caption compete for it: a page is a few columns wide.
    const nearest = nearestIndex(places, caption.at);
    let best = nearest;
    let bestScore = -Infinity;
    for (let index = Math.max(0, nearest - CAPTION_REACH); index <= Math.min(articles.length - 1, nearest + CAPTION_REACH); index++) {
      const distance = Math.abs(places[index]! - caption.at);
      const score = weights.coverage(captionTerms[captionIndex]!, articleTerms[index]!) - distance * 1e-4;
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    }
    articles[best]!.captions.push(caption.text);
  });
}
