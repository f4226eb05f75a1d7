// What kind of copy a page is, and how wide its columns are: the evidence for joining lines.
import type { Line } from '../clean';

export interface Layout {
  /** Lines broken at column width (a PDF copy), rather than one line per paragraph (a web copy). */
  wrapped: boolean;
  /**
   * What blank lines separate in this text: nothing (there are none), articles (a few), or
   * paragraphs (most paragraphs have one, as in a copy of a web page's article).
   */
  blankLines: 'none' | 'articles' | 'paragraphs';
  /** Widest line that can still be a headline. */
  maxHeadingWidth: number;
  /** Typical full-line width of the column around line `index`. */
  columnWidthAt(index: number): number;
  /**
   * The column's full lines just above line `above` and just from line `below` on differ in width:
   * the text under a headline there is set in another frame than the text over it.
   */
  columnChanges(above: number, below: number): boolean;
}

/** Full lines on each side whose median gives the column width at a line: set by hand, no recorded evidence. */
const WINDOW = 4;
/**
 * Widest line a column can hold, in em. No line of the generated PDF copies nor of the seed page
 * passes it; a tenth or more of the lines of many pasted web articles do (npm run eval:paste).
 */
const MAX_COLUMN_WIDTH = 60;
/** Narrowest line (em) that counts when telling column text from a web copy: shorter lines (a headline, a paragraph's end) say nothing of the column. Set by hand, no recorded evidence. */
const MIN_SAMPLE_WIDTH = 8;
/** Neighbouring lines this close in width (em) are alike, as lines of one column are: set by hand, no recorded evidence. */
const SIMILAR_WIDTH = 2;
/** Fewest lines of MIN_SAMPLE_WIDTH or more for a text to be read as column text at all: set by hand, no recorded evidence. */
const MIN_COLUMN_LINES = 3;
/** Share of those lines stopping mid-sentence that alone makes a text column text: set by hand, no recorded evidence. */
const WRAPPED_UNFINISHED_SHARE = 0.65;
/**
 * Or: at least SIMILAR_PAIRS pairs of neighbouring lines, at least SIMILAR_PAIR_SHARE of them alike
 * in width, and more than LOOSE_UNFINISHED_SHARE of the lines stopping mid-sentence. Set by hand
 * when column text was first told from web copies by its regular widths; no recorded evidence.
 */
const SIMILAR_PAIRS = 6;
const SIMILAR_PAIR_SHARE = 0.45;
const LOOSE_UNFINISHED_SHARE = 0.45;
/** Narrowest line (em) stopping mid-sentence that counts as a full line of its column: set by hand, no recorded evidence. */
const MIN_FULL_LINE_WIDTH = 4;
/** Widest line (em) that can be a headline in column text, and in a web copy: set by hand, no recorded evidence. */
const MAX_HEADING_WIDTH_WRAPPED = 40;
const MAX_HEADING_WIDTH_WEB = 60;
/**
 * A line within this much (em) of its column's width is a full line of it; one shorter by more ends
 * or opens a paragraph, one wider by more stands apart from the column. Set by hand (a paragraph's
 * end or a lost indent is two characters short), no recorded evidence.
 */
export const FULL_LINE_SLACK = 1.5;
/** Spaces between single Han characters that show a line justified to full width (a full line): set by hand, no recorded evidence. */
export const JUSTIFIED_GAPS = 3;
/** Blank lines fewer than this share of the text lines part articles; more part paragraphs. Set by hand, no recorded evidence. */
const ARTICLE_BLANKS_SHARE = 0.4;

export function layoutOf(lines: Line[]): Layout {
  // Column text: most lines stop mid-sentence, and neighbouring lines have nearly the same width.
  // Web copies: one line per paragraph, ending its sentence, widths all over the place.
  let long = 0;
  let unfinished = 0;
  let pairs = 0;
  let similar = 0;
  let previousWidth = 0;
  for (const line of lines) {
    if (line.width >= MIN_SAMPLE_WIDTH) {
      long++;
      // (A line far wider than any column is a paragraph of its own, finished or not.)
      if (!line.endsSentence && line.width <= MAX_COLUMN_WIDTH) unfinished++;
      if (previousWidth >= MIN_SAMPLE_WIDTH) {
        pairs++;
        if (Math.abs(previousWidth - line.width) <= SIMILAR_WIDTH) similar++;
      }
    }
    previousWidth = line.width;
  }
  const unfinishedShare = long > 0 ? unfinished / long : 0;
  const similarShare = pairs > 0 ? similar / pairs : 0;
  const wrapped =
    long >= MIN_COLUMN_LINES &&
    (unfinishedShare >= WRAPPED_UNFINISHED_SHARE || (pairs >= SIMILAR_PAIRS && similarShare >= SIMILAR_PAIR_SHARE && unfinishedShare > LOOSE_UNFINISHED_SHARE));

  // Lines that stop mid-sentence are full lines: their widths give the column width nearby.
  const fullIndex: number[] = [];
  const fullWidth: number[] = [];
  if (wrapped) {
    lines.forEach((line, index) => {
      if (line.width >= MIN_FULL_LINE_WIDTH && !line.endsSentence) {
        fullIndex.push(index);
        fullWidth.push(line.width);
      }
    });
  }
  let cursor = 0;
  // The median around each full line, found once: many lines near it ask for the same one.
  const medianAt: number[] = [];
  return {
    wrapped,
    blankLines: blankLineStyle(lines),
    maxHeadingWidth: wrapped ? MAX_HEADING_WIDTH_WRAPPED : MAX_HEADING_WIDTH_WEB,
    columnChanges(above: number, below: number): boolean {
      if (fullIndex.length === 0) return false;
      // Full lines before `above`, and from `below` on: positions in the sorted fullIndex.
      const last = fullIndex[0]! < above ? lastAtOrBefore(fullIndex, above - 1) : -1;
      let first = last + 1;
      while (first < fullIndex.length && fullIndex[first]! < below) first++;
      if (last < FRAME_LINES - 1 || first + FRAME_LINES > fullIndex.length) return false;
      const before = fullWidth.slice(last - FRAME_LINES + 1, last + 1);
      const after = fullWidth.slice(first, first + FRAME_LINES);
      // (Only where both sides are columns, lines of one width: code or a table in a web copy is none.)
      if (!isColumn(before) || !isColumn(after)) return false;
      return Math.abs(medianOf(before) - medianOf(after)) >= COLUMN_CHANGE;
    },
    columnWidthAt(index: number): number {
      if (fullIndex.length === 0) return Infinity;
      // Calls mostly come in increasing order of index: move a cursor forward, and search only
      // when a call goes back. The cursor ends on the last full line at or before `index`.
      if (fullIndex[cursor]! > index) cursor = lastAtOrBefore(fullIndex, index);
      while (cursor + 1 < fullIndex.length && fullIndex[cursor + 1]! <= index) cursor++;
      return (medianAt[cursor] ??= medianWidth(fullWidth, cursor));
    },
  };
}

/** Full lines on each side of a headline whose widths tell the column there. */
const FRAME_LINES = 3;
/**
 * Columns this much wider or narrower (in em) are another frame's: lines of one column differ by an
 * em or two (a Latin word, justification lost). On the tuned PDF copies 2 cut sections off their
 * articles (mean F1 0.890); 3 to 6 scored alike (0.904), and 4 sits in the middle.
 */
const COLUMN_CHANGE = 4;

/**
 * Full lines of one column lie within this much (em) of their median (a Latin word or a lost
 * justification moves a line by an em or two). At 1.5 the tuned PDF copies' columns often failed it
 * (mean F1 0.901 against 0.903). Without the check, code and tables in pasted web pages read as
 * frames (npm run eval:paste, one article on the held-out pages with blank lines: 87.9 % against 89.4 %).
 */
const COLUMN_SPREAD = 2.5;

/** Full lines of one column: all within COLUMN_SPREAD of their median. */
function isColumn(widths: number[]): boolean {
  const median = medianOf(widths);
  return widths.every((width) => Math.abs(width - median) <= COLUMN_SPREAD);
}

function medianOf(widths: number[]): number {
  const sorted = [...widths].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** Position of the last value at or before `index` in the sorted `positions`; 0 when there is none. */
function lastAtOrBefore(positions: number[], index: number): number {
  let low = 0;
  let high = positions.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (positions[middle]! <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Median of the full-line widths around the `at`-th full line. */
function medianWidth(fullWidth: number[], at: number): number {
  const from = Math.max(0, at - WINDOW + 1);
  const to = Math.min(fullWidth.length, at + WINDOW + 1);
  // At most 2 × WINDOW widths: an insertion sort beats a sort with a compare callback.
  const window = fullWidth.slice(from, to);
  for (let k = 1; k < window.length; k++) {
    const width = window[k]!;
    let j = k;
    for (; j > 0 && window[j - 1]! > width; j--) window[j] = window[j - 1]!;
    window[j] = width;
  }
  return window[window.length >> 1]!;
}

/**
 * Fewest text lines a page copied at column width holds, per blank line, for the blank lines to be
 * page breaks: the shortest page of the PDF corpus copied by pdftotext -raw has 156 lines; the seed
 * page, whose blank lines part frames, has 5 per blank line, and pasted web articles fewer.
 */
const MIN_PAGE_LINES = 120;

function blankLineStyle(lines: Line[]): Layout['blankLines'] {
  let blanks = 0;
  let filled = 0;
  // Only blank lines between text count: a trailing newline separates nothing.
  let pending = 0;
  for (const line of lines) {
    if (!line.text) {
      pending++;
      continue;
    }
    if (filled > 0) blanks += pending;
    pending = 0;
    filled++;
  }
  // Blank lines that part blocks a page long are page breaks (a copy of several pages, each copied
  // with none), not the blocks of articles.
  if (blanks === 0 || filled >= blanks * MIN_PAGE_LINES) return 'none';
  return blanks < filled * ARTICLE_BLANKS_SHARE ? 'articles' : 'paragraphs';
}
