// A PDF capture's layout (pages of positioned lines, in reading order) to the splitter's input:
// each page's lines, with what the layout says about each line. Pure: layout in, lines out.
//
// - The page's body type is the size most of its characters are set in; a line in larger type is a
//   headline (kicker, title, subtitle), a line in body type or smaller is not.
// - Running heads, page numbers and folios stand in the band along the page's top or bottom edge:
//   short lines in body type or smaller there, and any line printed there on several pages, are furniture.
// - A block in headline type that repeats words of the text is a pull quote, not a headline: a whole
//   sentence, words in quotation marks over a line naming their speaker (——某某), or words that the
//   article it stands in prints over it; it goes, and the text under it goes on that article.
// - A blank line goes between blocks (the capture cut a block where the text jumps: another column,
//   frame or type size); a line starting an indent right of its block opens a paragraph.
import type { PdfLayout, PdfLine, PdfPage } from '../../../shared/src';
import { cleanLine, type Line } from './clean';
import type { LineHint } from './split/model';
import { joinLines } from './text';
import { MIN_PULL_QUOTE_CHARS, quotedWords } from './patterns';

/** One page of the PDF as the splitter takes it. */
export interface PdfPageLines {
  lines: Line[];
  hints: LineHint[];
}

/**
 * Type this much larger than the body's is headline type. Chromium and WeasyPrint templates set
 * kickers and subtitles at 1.2–1.5× the body and titles at 1.6–3×; a bylines' or captions' type is at most the body's.
 */
const HEADLINE_SIZE_RATIO = 1.15;
/** Share of the page's height along its top and bottom edges where running heads and folios stand. */
const FURNITURE_BAND = 0.08;
/**
 * Body lines (of 1.5 body sizes) from the first or last text of the page where running heads and
 * folios stand too, however much blank paper lies beyond: a running head or a foot is a line or
 * two (an editors' line over a running head), set off from the columns by a rule.
 */
const EDGE_LINES = 3;
/** A running head or folio is short: a paper's name, date, page number and section (人民日报2026年1月14日星期三5版). */
const MAX_FURNITURE_CHARS = 40;
/** A line starting this many type sizes right of its block's left edge is indented: it opens a paragraph. */
const INDENT_SIZES = 1.5;
/** A line's step down the page, in type sizes: the templates' and most papers' leading (line-height 1.5). */
const LINE_STEP = 1.5;
/** Type sizes are compared to this many points: producers give 9.96 for 10, and no paper sets two sizes closer. */
const SIZE_GRAIN = 0.5;
/** Blocks within this many points of one size (and in one font) are set in one type. */
const SAME_TYPE_POINTS = 0.5;
/** A line printed in the edge bands of at least this many pages is a running head or folio. */
const MIN_REPEAT_PAGES = 2;
/** Running heads, folios, editors' lines and bylines are a line or two: a block of more is text. */
const SHORT_BLOCK_LINES = 2;
/** Blocks overlapping across at least this share of the narrower one's width stand in one column. */
const SAME_COLUMN_SHARE = 0.5;

/** A running head names the day (2026年4月8日, 星期三) or the page (第4版): furniture along the edge whatever its type size. */
const RUNNING_HEAD = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天]|第\s*\d{1,3}\s*版/;
const PAGE_NUMBER = /^(?:第?\s*\d{1,4}\s*[版页頁]?|[-—–]\s*\d{1,4}\s*[-—–]|Page\s+\d{1,4}|\d{1,4}\s*\/\s*\d{1,4})$/i;

/** The size most characters of the page are set in (sizes to the half point). */
function bodySize(page: PdfPage): number {
  const chars = new Map<number, number>();
  for (const block of page.blocks) {
    for (const line of block.lines) {
      const size = Math.round(line.size / SIZE_GRAIN) * SIZE_GRAIN;
      chars.set(size, (chars.get(size) ?? 0) + line.text.length);
    }
  }
  let best = 0;
  let most = -1;
  for (const [size, count] of chars) {
    if (count > most) [best, most] = [size, count];
  }
  return best;
}

/** Where a line starts down the page: a vertical line runs `height` up from its last baseline. */
const lineTop = (line: PdfLine) => line.y - (line.height ?? line.size);

/** The bands along a page's top and bottom edges where furniture stands: near the paper's edge or near the page's first or last text. */
interface Edges {
  top: number;
  bottom: number;
}

function edgesOf(page: PdfPage): Edges {
  const lines = page.blocks.flatMap((block) => block.lines);
  if (lines.length === 0) return { top: 0, bottom: page.height };
  const textTop = Math.min(...lines.map(lineTop));
  const textBottom = Math.max(...lines.map((line) => line.y));
  // (On a page of a few lines, the band is as narrow a share of its text as of the paper.)
  const band = Math.min(EDGE_LINES * LINE_STEP * bodySize(page), (textBottom - textTop) * FURNITURE_BAND);
  return { top: Math.max(page.height * FURNITURE_BAND, textTop + band), bottom: Math.min(page.height * (1 - FURNITURE_BAND), textBottom - band) };
}

function inBand(line: PdfLine, edges: Edges): boolean {
  return line.y <= edges.top || lineTop(line) >= edges.bottom;
}

/** A line as it repeats from page to page: digits (dates, page numbers) and spaces aside. */
function furnitureKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#');
}

/** Texts printed in the edge bands of more than one page: running heads and folios. */
function repeatedInBands(pages: readonly PdfPage[]): Set<string> {
  const pagesWith = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set<string>();
    const edges = edgesOf(page);
    for (const block of page.blocks) {
      for (const line of block.lines) if (inBand(line, edges)) seen.add(furnitureKey(line.text));
    }
    for (const key of seen) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  return new Set([...pagesWith].filter(([, count]) => count >= MIN_REPEAT_PAGES).map(([key]) => key));
}

function isFurniture(line: PdfLine, lineCount: number, edges: Edges, body: number, repeated: Set<string>): boolean {
  if (!inBand(line, edges)) return false;
  const text = line.text.trim();
  if (PAGE_NUMBER.test(text) || repeated.has(furnitureKey(text)) || (text.length <= MAX_FURNITURE_CHARS && RUNNING_HEAD.test(text))) return true;
  // A column's first or last lines stand in the band too: they belong to a block of many lines.
  return lineCount <= SHORT_BLOCK_LINES && text.length <= MAX_FURNITURE_CHARS && line.size <= body * HEADLINE_SIZE_RATIO;
}

type BlockRole = 'heading' | 'byline' | 'furniture' | 'text';

/** A block of the page with its box and what its type says it is. */
interface Frame {
  lines: PdfLine[];
  hints: LineHint[];
  role: BlockRole;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  /** The font of its first line: a headline broken by a column keeps its font. */
  font: number | undefined;
  /** Text drawn right after a pull quote: it goes on from the text drawn before the quote, wherever it stands. */
  resumes?: boolean;
}

function frameOf(lines: PdfLine[], hints: LineHint[]): Frame {
  const role: BlockRole = hints.includes('heading') ? 'heading' : hints.every((hint) => hint === 'furniture') ? 'furniture' : 'text';
  return {
    lines,
    hints,
    role,
    x0: Math.min(...lines.map((line) => line.x)),
    x1: Math.max(...lines.map((line) => line.x + line.width)),
    top: Math.min(...lines.map(lineTop)),
    bottom: Math.max(...lines.map((line) => line.y)),
    size: Math.max(...lines.map((line) => line.size)),
    font: lines[0]?.font,
  };
}

/** Set in one type: one font at one size. */
function sameType(a: Frame, b: Frame): boolean {
  return a.font === b.font && Math.abs(a.size - b.size) < SAME_TYPE_POINTS;
}

function overlapX(a: Frame, b: Frame): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

/** How far `below` starts under `above` when it stands in the same column; undefined when it does not. */
function gapUnder(above: Frame, below: Frame): number | undefined {
  const overlap = overlapX(above, below);
  if (overlap < Math.min(above.x1 - above.x0, below.x1 - below.x0) * SAME_COLUMN_SHARE) return undefined;
  const gap = below.top - above.bottom;
  return gap >= -above.size ? Math.max(0, gap) : undefined;
}

/**
 * Text beside a headline may start this many headline sizes above its top: a headline is set a
 * little lower than the first line beside it (templates: up to a line and a half).
 */
const BESIDE_RISE = 2;

/**
 * How far a headline stands beside its text, left or right of it, the text starting at the
 * headline's height; undefined when it does not. A headline set top to bottom stands right of its
 * text, where vertical writing starts (a line's worth further from text on its left).
 */
function besideGap(headline: Frame, text: Frame): number | undefined {
  if (text.top > headline.bottom || text.top < headline.top - headline.size * BESIDE_RISE) return undefined;
  const vertical = headline.lines.some((line) => line.height !== undefined);
  if (text.x0 >= headline.x1 - headline.size) return Math.max(0, text.x0 - headline.x1) + (vertical ? headline.size : 0);
  if (text.x1 <= headline.x0 + headline.size) return Math.max(0, headline.x0 - text.x1);
  return undefined;
}

/**
 * How near a headline's text must start: a few headline sizes. Templates leave 0.2–1 em between a
 * headline and its text, and 1–2 body lines between frames.
 */
const MAX_HEADLINE_GAP = 2.5;
/**
 * Columns of one text end level: their last lines stand within this many type sizes of each other
 * (balanced columns end a line or two apart; a column with a photo at its head a few lines more).
 */
const LEVEL_FEET = 6;
/** A frame continues an article's text in the next column when it starts within this many of its line sizes of the column's top. */
const COLUMN_TOP_TOLERANCE = 3;

/**
 * Headline blocks this many type sizes apart at most touch, in the smaller block's type: a
 * kicker's, title's and subtitle's spacing is under a line of the smaller type (tuned pages: up to
 * 1.13, a 12 pt subtitle 13.5 pt under a 28 pt title). The next story's headline under a headline
 * printed after its story stands a story's margin off (1.23 and more: 草原添生机, 14 pt, 20 pt under
 * 小丝网织出千亿元产业链), which the larger type's line would bridge.
 */
const HEADLINE_PARTS_GAP = 1.2;

/** Side by side (neither over the other): the blocks of a headline set top to bottom, read right to left. */
function sideBySide(a: Frame, b: Frame): boolean {
  return overlapX(a, b) <= 0;
}

/**
 * Blocks of a headline set top to bottom side by side (its kicker's line right of its title, a
 * title run on in a second line on its left): at the same height, a line's gap apart at most.
 */
function uprightBeside(a: Frame, b: Frame): boolean {
  if (!standsUpright(a) || !standsUpright(b) || !sideBySide(a, b) || a.top >= b.bottom || b.top >= a.bottom) return false;
  return -overlapX(a, b) <= Math.max(a.size, b.size) * HEADLINE_PARTS_GAP;
}

/**
 * Headline blocks that touch (kicker over title over subtitle) are one headline; so are two blocks
 * of one type drawn one after the other where a column broke the headline (the rest at the next
 * column's top).
 */
function headlineUnits(headings: Frame[], content: Frame[], drawnAfter: (frame: Frame) => Frame | undefined): Frame[][] {
  // The column ended under a headline's first part: nothing of the page stands below it in its column.
  const endsColumn = (frame: Frame) => content.every((other) => other === frame || other.top <= frame.bottom || overlapX(other, frame) <= 0);
  const brokenBetween = (first: Frame, rest: Frame) => drawnAfter(first) === rest && continuesInFlow(first, rest) && endsColumn(first);
  const units: Frame[][] = [];
  for (const frame of [...headings].sort((a, b) => a.top - b.top)) {
    const touching = units.filter((unit) =>
      unit.some((other) => {
        const gap = gapUnder(other, frame);
        const brokenByColumn = sameType(other, frame) && (brokenBetween(other, frame) || brokenBetween(frame, other));
        return brokenByColumn || uprightBeside(other, frame) || (gap !== undefined && gap <= Math.min(other.size, frame.size) * HEADLINE_PARTS_GAP);
      }),
    );
    // A block touching two headlines' blocks makes them one (a kicker right of a vertical title and under a mark).
    const [into, ...rest] = touching;
    if (!into) units.push([frame]);
    else {
      into.push(...rest.flat(), frame);
      for (const unit of rest) units.splice(units.indexOf(unit), 1);
    }
  }
  return units;
}

/** Left and right edges of the columns a text is set in. */
interface Measure {
  x0: number;
  x1: number;
}

/**
 * A story's columns are set to one measure: their widths differ by less than this many type sizes
 * (justified columns of the tuned pages are equal to the point, 199 and 199, 128 three times; the
 * one-column story beside them 412). Papers set every column of a story to the page's grid.
 */
const MEASURE_TOLERANCE_SIZES = 1;

function sameMeasure(a: Frame, b: Frame): boolean {
  return Math.abs(a.x1 - a.x0 - (b.x1 - b.x0)) < Math.max(a.size, b.size) * MEASURE_TOLERANCE_SIZES;
}

/**
 * The columns `texts[index]` is one of: the text blocks of one measure drawn one after the other
 * that flow on from each other into the next column (a story set in several columns), in the
 * stream's order. A headline printed under such a story spans its columns, as one printed over it does.
 */
function columnsOf(texts: readonly (Frame | undefined)[], index: number): Frame[] {
  const nextColumn = (last: Frame | undefined, next: Frame | undefined) => last !== undefined && next !== undefined && continuesInFlow(last, next) && sameMeasure(last, next);
  let [first, last] = [index, index];
  while (first > 0 && nextColumn(texts[first - 1], texts[first])) first -= 1;
  while (last + 1 < texts.length && nextColumn(texts[last], texts[last + 1])) last += 1;
  return texts.slice(first, last + 1) as Frame[];
}

/**
 * The columns a headline printed under `text` spans: those it is one of, one story set across them,
 * its headline under them all; or its own column alone where the flow runs on into another story
 * (what the stream draws after the last column, other than this headline, stands under it there)
 * or where one of them reaches down past the headline's top (a story beside it).
 */
function storyColumns(text: Frame, columns: readonly Frame[], drawnAfter: Frame | undefined, headline: readonly Frame[]): readonly Frame[] {
  const runsOn = drawnAfter !== undefined && !headline.includes(drawnAfter) && gapUnder(columns.at(-1)!, drawnAfter) !== undefined;
  // A column reaching down beside the headline is another story's, set in a cell of the same width.
  const top = Math.min(...headline.map((frame) => frame.top));
  const beside = columns.some((column) => column.bottom > top + column.size);
  return runsOn || beside ? [text] : columns;
}

const measureOf = (columns: readonly Frame[]): Measure => ({ x0: Math.min(...columns.map((column) => column.x0)), x1: Math.max(...columns.map((column) => column.x1)) });

/** The box the columns of a story fill together: their measure, from the highest top to the lowest foot. */
function frameOfColumns(columns: readonly Frame[]): Frame {
  const { x0, x1 } = measureOf(columns);
  return { ...columns[0]!, x0, x1, top: Math.min(...columns.map((column) => column.top)), bottom: Math.max(...columns.map((column) => column.bottom)) };
}

/**
 * How far `text` stands from the headline `box` it may belong to: under it, beside it, or over it
 * (a headline after its text). `continued` is the columns the text goes on in, when it goes on
 * from the text drawn right before it.
 */
function distance(box: Frame, text: Frame, continued: readonly Frame[] | undefined): number | undefined {
  const limit = box.size * MAX_HEADLINE_GAP;
  const candidates: number[] = [];
  const under = gapUnder(box, text);
  if (under !== undefined && under <= limit) candidates.push(under);
  const beside = besideGap(box, text);
  if (beside !== undefined && beside <= limit) candidates.push(beside);
  // A headline under a column's text closes it (a headline printed after its text). Where that
  // text goes on from the text drawn right before it (its next column, or right under it, as text
  // under a photo's caption), only a headline set tight under it, within its measure, does: one
  // with a story's margin over it, or wider than the columns the text is set in, opens the next story.
  // Under a story in several columns, it stands under their lowest foot (a photo at a column's
  // head leaves the columns uneven).
  // A headline set top to bottom stands beside its text, never under it: a line over it is its tag.
  const frame = continued ? frameOfColumns(continued) : text;
  const over = standsUpright(box) ? undefined : gapUnder(frame, box);
  const closes = !continued || (box.x0 >= frame.x0 - text.size && box.x1 <= frame.x1 + text.size && over !== undefined && over <= text.size);
  if (over !== undefined && over <= limit && closes) candidates.push(over);
  return candidates.length > 0 ? Math.min(...candidates) : undefined;
}

/** A gutter between two columns of one frame is at most this many line steps wide (templates: 5 mm, about 1.5). */
const GUTTER_LINES = 2;

/** `next` goes on from `last` beside it (the next column of a frame, starting at the same height) or right under it. */
function continuesInBand(last: Frame, next: Frame): boolean {
  const line = Math.max(last.size, next.size) * LINE_STEP;
  const besideIt = next.x0 >= last.x1 - last.size && next.x0 - last.x1 <= line * GUTTER_LINES && Math.abs(next.top - last.top) <= line;
  const under = gapUnder(last, next);
  return besideIt || (under !== undefined && under <= line);
}

/** `next` may go on from `last` as column text flows: to its right, starting higher up (at the next column's top). */
function continuesInFlow(last: Frame, next: Frame): boolean {
  return next.x0 >= last.x1 - last.size && next.top < last.bottom;
}

/**
 * The text the stream draws right after a headline counts as this many headline sizes nearer: it
 * settles near ties (a text under and one beside, a few points apart), never a plain difference.
 */
const DRAWN_NEXT_BONUS = 0.3;

/**
 * Splits the page's blocks into frames of one article each: a headline (its kicker, title and
 * subtitle blocks), bylines in small type under it, and its text. The geometry decides which text
 * a headline opens, wherever the stream draws it: the text right under it, beside it, or right over
 * it (a headline printed after its text), the nearest first. The stream's order decides the rest:
 * a text block joins the article whose text it goes on from (next column, or under it), else the
 * article drawn just before it.
 */
function articleFrames(frames: Frame[]): Frame[][] {
  const content = frames.filter((frame) => frame.role !== 'furniture');
  const texts = content.filter((frame) => frame.role !== 'heading');
  const streamIndex = new Map(content.map((frame, index) => [frame, index]));
  const units = headlineUnits(
    content.filter((frame) => frame.role === 'heading'),
    content,
    (frame) => content[streamIndex.get(frame)! + 1],
  );
  // The content in the stream's order with its headlines left out: the text blocks next to each other.
  const streamTexts = content.map((frame) => (frame.role === 'heading' ? undefined : frame));
  const columnsUnder = (text: Frame, headline: readonly Frame[]) => {
    const columns = columnsOf(streamTexts, streamIndex.get(text)!);
    return storyColumns(text, columns, content[streamIndex.get(columns.at(-1)!)! + 1], headline);
  };
  const boxes = units.map((unit) => frameOf(unit.flatMap((frame) => frame.lines), unit.flatMap((frame) => frame.hints)));
  // Each headline opens the nearest text it may belong to; ties go to the text the stream draws first.
  const pairs: Array<{ unit: number; text: number; cost: number }> = [];
  boxes.forEach((box, unit) => {
    const drawnNext = content[Math.max(...units[unit]!.map((frame) => streamIndex.get(frame)!)) + 1];
    texts.forEach((text, index) => {
      const before = content[streamIndex.get(text)! - 1];
      const continues = text.resumes === true || (before !== undefined && before.role !== 'heading' && (continuesInFlow(before, text) || continuesInBand(before, text)));
      const far = distance(box, text, continues ? columnsUnder(text, units[unit]!) : undefined);
      // (The stream drawing the text right after the headline is evidence too, for equal distances.)
      if (far !== undefined) pairs.push({ unit, text: index, cost: far - (text === drawnNext ? box.size * DRAWN_NEXT_BONUS : 0) });
    });
    // No text near it: a photo stands between the headline and its text. The text the stream draws
    // next, under it in its column, is its text, before any headline further down claims it.
    const next = drawnNext && drawnNext.role !== 'heading' ? texts.indexOf(drawnNext) : -1;
    if (next >= 0 && !pairs.some((pair) => pair.unit === unit) && gapUnder(box, drawnNext!) !== undefined) pairs.push({ unit, text: next, cost: Number.NEGATIVE_INFINITY });
  });
  pairs.sort((a, b) => a.cost - b.cost || a.text - b.text);
  const opens = new Map<number, number>();
  const placed = new Set<number>();
  // A headline right of its text stands beside that text's last column: it opens the first, the
  // column the ones beside it go on from (drawn one after the other, each starting at its height).
  const firstColumn = (box: Frame, index: number): number => {
    let first = index;
    let headed = false;
    for (;;) {
      const text = texts[first]!;
      const before = content[streamIndex.get(text)! - 1];
      const at = before && before.role !== 'heading' ? texts.indexOf(before) : -1;
      if (at < 0 || opens.has(at)) return first;
      // Left of the headline, not over its band.
      const leftOf = before!.x1 <= box.x0 + box.size && before!.top >= box.top - box.size * BESIDE_RISE;
      // The column before in the text's flow: beside the headline, or under a photo, starting
      // lower than the headline's foot and ending level with the column it flows into.
      // Text under a pull quote goes on from the text over it: the same column, whatever its shape.
      const resumed = text.resumes === true;
      const column = resumed || (continuesInFlow(before!, text) && (besideGap(box, before!) !== undefined || Math.abs(before!.bottom - text.bottom) <= text.size * LEVEL_FEET));
      // Over the first column: its byline, a photo's caption. Nothing before them is the text's.
      const head = !resumed && before!.bottom <= text.top + text.size && overlapX(before!, text) >= Math.min(before!.x1 - before!.x0, text.x1 - text.x0) * SAME_COLUMN_SHARE;
      if (!leftOf || !((column && !headed) || head)) return first;
      headed ||= head;
      first = at;
    }
  };
  // Columns of a story whose headline is printed under them: no other headline opens them.
  const closed = new Set<Frame>();
  // Over the first column of a story whose headline is printed under it, its byline and a photo's
  // caption (a line or two each) drawn right before it in its column: the story starts there.
  const storyHead = (index: number): number => {
    for (let first = index; ; ) {
      const text = texts[first]!;
      const before = content[streamIndex.get(text)! - 1];
      const at = before?.role === 'text' ? texts.indexOf(before) : -1;
      if (at < 0 || opens.has(at) || closed.has(before!) || before!.lines.length > SHORT_BLOCK_LINES || gapUnder(before!, text) === undefined) return first;
      first = at;
    }
  };
  for (const pair of pairs) {
    if (placed.has(pair.unit) || opens.has(pair.text) || closed.has(texts[pair.text]!)) continue;
    const box = boxes[pair.unit]!;
    const text = texts[pair.text]!;
    // A headline under its text opens the first of the columns it spans.
    const under = box.top >= text.bottom ? columnsUnder(text, units[pair.unit]!) : [];
    const opened = under.length > 0 ? storyHead(texts.indexOf(under[0]!)) : text.x1 <= box.x0 + box.size ? firstColumn(box, pair.text) : pair.text;
    if (opens.has(opened)) continue;
    opens.set(opened, pair.unit);
    placed.add(pair.unit);
    for (const column of under) closed.add(column);
  }
  // A headline no text stands near opens the next text the stream draws after it.
  units.forEach((unit, index) => {
    if (placed.has(index)) return;
    const after = Math.max(...unit.map((frame) => streamIndex.get(frame)!));
    const next = texts.findIndex((text, k) => streamIndex.get(text)! > after && !opens.has(k));
    if (next >= 0) {
      opens.set(next, index);
      placed.add(index);
    }
  });

  const groups: Frame[][] = [];
  const lastText = new Map<Frame[], Frame>();
  texts.forEach((text, index) => {
    const unit = opens.get(index);
    if (unit !== undefined) {
      const group = [...units[unit]!, text];
      groups.push(group);
      lastText.set(group, text);
      return;
    }
    // The stream's order first; the geometry moves a block only to an article it plainly goes on
    // from, where it does not go on from the article drawn before it.
    const current = groups.at(-1);
    const last = current && lastText.get(current)!;
    const goesOn = last !== undefined && (text.resumes === true || continuesInBand(last, text) || continuesInFlow(last, text));
    const group = goesOn ? current : (groups.findLast((other) => continuesInBand(lastText.get(other)!, text)) ?? current);
    if (group) {
      group.push(text);
      lastText.set(group, text);
    } else {
      groups.push([text]);
      lastText.set(groups.at(-1)!, text);
    }
  });
  // Text that opens no article and follows none (drawn before every headline) goes to the article
  // whose headline stands over it in its column, the nearest one, in the stream's order there.
  for (const group of [...groups]) {
    if (group.some((frame) => frame.role === 'heading')) continue;
    const first = group[0]!;
    let owner: Frame[] | undefined;
    let nearest = Number.POSITIVE_INFINITY;
    for (const other of groups) {
      const headline = other.find((frame) => frame.role === 'heading');
      if (!headline || other === group) continue;
      const under = first.top - headline.bottom;
      if (under >= 0 && under < nearest && overlapX(headline, first) >= (first.x1 - first.x0) * SAME_COLUMN_SHARE) {
        nearest = under;
        owner = other;
      }
    }
    if (!owner) continue;
    owner.push(...group);
    const texts = owner.filter((frame) => frame.role !== 'heading').sort((a, b) => streamIndex.get(a)! - streamIndex.get(b)!);
    owner.splice(0, owner.length, ...owner.filter((frame) => frame.role === 'heading'), ...texts);
    groups.splice(groups.indexOf(group), 1);
  }
  // Headlines with no text at all stay, each on its own.
  units.forEach((unit, index) => {
    if (!placed.has(index)) groups.push([...unit]);
  });
  return groups;
}

/** Share of the page's height at its foot where an editors' line may stand under all the text. */
const FOOT_SHARE = 0.15;
/** An editors' line is set in body type or a shade larger (a size rounded up by the producer): at most this share of it. */
const FOOT_SIZE_RATIO = 1.05;

/**
 * The page's foot: a short block in type no larger than the body's, under every other block of the
 * page, near its bottom edge (一版责编：… 四版责编：…, 本版邮箱：…), and not right under a headline.
 * No article ends below all the columns' text.
 */
function markFoot(frames: Frame[], page: PdfPage, body: number): void {
  const content = frames.filter((frame) => frame.role !== 'furniture');
  for (const frame of content) {
    if (frame.lines.length > SHORT_BLOCK_LINES || frame.size > body * FOOT_SIZE_RATIO || frame.top < page.height * (1 - FOOT_SHARE)) continue;
    // Right under a headline, it is the headline's text: a story's first lines at a page's foot.
    const headed = content.some((other) => other.role === 'heading' && (gapUnder(other, frame) ?? Infinity) <= other.size * MAX_HEADLINE_GAP);
    if (!headed && content.every((other) => other === frame || other.bottom < frame.top)) {
      frame.role = 'furniture';
      frame.hints = frame.hints.map(() => 'furniture');
    }
  }
}

/**
 * Lines at most this many type sizes wide, stacked one under the other, are a headline set top to
 * bottom a glyph or two a line (a measure too narrow for more; a quotation mark rides with a glyph).
 */
const MAX_STACKED_WIDTH = 2.5;

/** A headline set top to bottom: vertical lines, or lines a glyph or two wide stacked one under the other. */
function standsUpright(frame: Frame): boolean {
  return frame.lines.some((line) => line.height !== undefined) || (frame.lines.length > 1 && frame.x1 - frame.x0 <= frame.size * MAX_STACKED_WIDTH);
}

/**
 * A column's tag over a headline set top to bottom (探秘博物馆, 在现场) is a few characters: at most
 * this many. Tags run 3–8 characters; the shortest text blocks (a one-line paragraph) run longer.
 */
const MAX_TAG_CHARS = 10;
/** A series' or column's name over a headline across runs to this many characters (on the tuned pages 2–15: 和音, 开局起步“十五五”·专题新闻发布). */
const MAX_SERIES_CHARS = 16;
/** A tag across a vertical headline may reach this many headline sizes past its right edge (a word wider than one line). */
const TAG_OVERHANG = 2;

/**
 * A few characters right over a headline, within its width and in no larger type, are the
 * headline's tag (a column's or a series' name: 权威发布, 开局起步·专题新闻发布, across or stacked a
 * glyph or two a line): part of the headline, which starts at its top. Over a headline set top to
 * bottom, a short word; over one across, a line or two in body type (a caption in smaller type
 * over the next story's headline stays a caption). A short word set top to bottom right beside a
 * headline set top to bottom, at its height, is its tag too: vertical lines read right to left.
 */
function markTags(frames: Frame[], body: number): void {
  const headings = frames.filter((frame) => frame.role === 'heading');
  for (const frame of frames) {
    const text = frameText(frame);
    if (frame.role !== 'text' || /[。！？，；]/.test(text)) continue;
    const headline = headings.find((other) => {
      const gap = other.top - frame.bottom;
      if (standsUpright(other) && standsUpright(frame) && text.length <= MAX_TAG_CHARS && uprightBeside(other, frame) && frame.x0 > other.x0) return true;
      const fits = standsUpright(other) ? text.length <= MAX_TAG_CHARS : frame.lines.length <= SHORT_BLOCK_LINES && text.length <= MAX_SERIES_CHARS && frame.size >= body * BYLINE_SIZE_RATIO;
      return fits && gap >= -other.size && gap <= other.size && frame.x0 >= other.x0 - other.size && frame.x1 <= other.x1 + other.size * TAG_OVERHANG;
    });
    if (headline && frame.size <= headline.size) {
      frame.role = 'heading';
      frame.hints = frame.hints.map(() => 'kicker');
    }
  }
}

/** A sentence ends here: a headline does not, a pull quote (a sentence of the text set again, large) does. */
const SENTENCE_END = /[。！？!?][”」』"']?$/;
/** A line stopping on a letter, a digit, a clause's mark or an opening mark: its sentence goes on. */
const SENTENCE_GOES_ON = /[\p{L}\p{N}，、；：,;:“‘「『（(《—-]$/u;
/**
 * Quotation marks and ellipses a pull quote adds round the words it repeats (“…” where the text
 * has none, …… where it cuts them): the words are compared without them.
 */
const QUOTE_DRESSING = /[\s“”‘’「」『』"'…]/g;
/** A line naming whom a pull quote quotes starts with a dash (——村党支部书记王芳); so does many a subtitle, which no pull quote stands over. */
const ATTRIBUTION = /^(?:——|--|－－|—)\s*\S/;
/** An attribution stands right under its quote: within this many of the quote's type sizes (templates leave 1–2 mm). */
const ATTRIBUTION_GAP = 1.5;
/**
 * An attribution set off from its quote's left edge by more than this many of the quote's type
 * sizes is right-aligned or centred under it, as papers set one; a subtitle stands flush under its title.
 */
const ATTRIBUTION_INSET = 1;

function markFurniture(frame: Frame): void {
  frame.role = 'furniture';
  frame.hints = frame.hints.map(() => 'furniture');
}

/** A block's text with no spaces, and its words with no quotation marks or ellipses: what a pull quote repeats. */
const frameText = (frame: Frame) => frame.lines.map((line) => line.text).join('').replace(/\s+/g, '');
const bareWords = (text: string) => text.replace(QUOTE_DRESSING, '');

/**
 * A headline stands nearer its text than the text over it: the space under it is less than this
 * share of the space over it (a headline of the tuned pages 11 pt over its text, 17 pt under the
 * story before). A pull quote set into a column is set off alike over and under (15–21 pt each
 * side, the space on one side at least 83% of the space on the other); a kicker in body type over
 * a headline stands nearer it than its text (5.5 pt over, 11 pt under).
 */
const HEADLINE_NEARER_TEXT = 0.8;

/**
 * Blocks drawn from `start` to `end` are set into a column of text: the text drawn right before
 * them stands over them and the text drawn right after stands under them, in their column, set off
 * alike from both. A headline stands nearer its text, under a story's margin.
 */
function setIntoColumn(frames: Frame[], start: number, end: number): boolean {
  const [over, first, last, under] = [frames[start - 1], frames[start]!, frames[end - 1]!, frames[end]];
  if (over?.role !== 'text' || under?.role !== 'text') return false;
  if (gapUnder(over, first) === undefined || gapUnder(last, under) === undefined) return false;
  const [above, below] = [first.top - over.bottom, under.top - last.bottom];
  return below >= above * HEADLINE_NEARER_TEXT && above >= below * HEADLINE_NEARER_TEXT;
}

/** Quotation marks that open and close a quotation (straight marks do both, so they tell nothing). */
const OPENING_MARKS = ['“', '「', '『'];
const CLOSING_MARKS = ['”', '」', '』'];

/**
 * Words in quotation marks that the text prints outside any quotation (王妙丽说：“……” quotes a
 * speaker; 此前，日本国会众议院已通过这一预算案 tells): a headline in quotation marks quotes a
 * speaker its text quotes too; words of the telling set large in quotation marks are a pull quote
 * (one over a subtitle, ——某某 flush under it, is a headline). The words stand inside a quotation
 * where the nearest mark before them opens one.
 */
function quotesTelling(quote: string, text: string): boolean {
  const words = quotedWords(quote);
  if (!words || words.length < MIN_PULL_QUOTE_CHARS) return false;
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    const before = text.slice(0, at);
    const lastOf = (marks: string[]) => Math.max(...marks.map((mark) => before.lastIndexOf(mark)));
    if (lastOf(OPENING_MARKS) <= lastOf(CLOSING_MARKS)) return true;
  }
  return false;
}

/**
 * Pull quotes: blocks in headline type holding words that the page's text prints too (a column may
 * break one into blocks drawn one after the other in one type; quotation marks the text does not
 * print aside): one whole sentence, words over a line naming their speaker (——某某), words of the
 * telling in quotation marks, words set into a column of text, or a clause the text under them
 * opens with. They repeat the text, so they go (nothing is lost), with the line naming the
 * speaker; as headlines they would cut their article in two.
 */
function markPullQuotes(frames: Frame[]): void {
  const printed = frames.filter((frame) => frame.role === 'text').map(frameText).join('');
  const text = bareWords(printed);
  for (let start = 0; start < frames.length; start += 1) {
    if (frames[start]!.role !== 'heading') continue;
    let end = start + 1;
    while (end < frames.length && frames[end]!.role === 'heading' && sameType(frames[start]!, frames[end]!)) end += 1;
    const run = frames.slice(start, end);
    const quote = run.map(frameText).join('');
    const last = run.at(-1)!;
    const by = frames[end];
    const named = attributionLines(last, by);
    // Over a line naming a speaker set off from its left edge, a block that is no sentence is a quote too.
    const setOff = named > 0 && by!.lines[0]!.x > last.x0 + last.size * ATTRIBUTION_INSET;
    const repeats = bareWords(quote).length >= MIN_PULL_QUOTE_CHARS && text.includes(bareWords(quote));
    // The text right under it opens with its words, cut mid-sentence: set again large at a column's
    // head. (A headline may quote a whole sentence its text opens with.)
    const under = frames[end];
    const underText = under?.role === 'text' && gapUnder(last, under) !== undefined ? frameText(under) : '';
    const opensUnder = underText.startsWith(quote) && SENTENCE_GOES_ON.test(underText.slice(0, quote.length + 1));
    if (repeats && (SENTENCE_END.test(quote) || setOff || opensUnder || (named === 0 && quotesTelling(quote, printed)) || setIntoColumn(frames, start, end))) {
      run.forEach(markFurniture);
      if (named > 0 && named === by!.lines.length) {
        markFurniture(by!);
        end += 1;
      } else if (named > 0) by!.hints[0] = 'furniture';
      const resumed = frames[end];
      if (resumed?.role === 'text') {
        resumed.resumes = true;
        // In the quote's column, its text starts where the quote did: the quote took its place.
        const over = run.filter((frame) => gapUnder(frame, resumed) !== undefined);
        if (over.length > 0) resumed.top = Math.min(resumed.top, ...over.map((frame) => frame.top));
      }
    }
    start = end - 1;
  }
}

/**
 * How many first lines of `next` (drawn right after a quote) name whom the quote quotes: the whole
 * block, or its first line where the speaker's line is set in the body's type and heads the text
 * under it. It stands under the quote (touching it at most), anywhere from its left edge
 * rightwards: right-aligned across the whole measure the quote stands in.
 */
function attributionLines(quote: Frame, next: Frame | undefined): number {
  if (!next || next.role === 'furniture') return 0;
  const first = next.lines[0]!;
  const named = (text: string) => ATTRIBUTION.test(text) && text.length <= MAX_FURNITURE_CHARS;
  const count = named(frameText(next)) ? next.lines.length : named(first.text) ? 1 : 0;
  const gap = lineTop(first) - quote.bottom;
  return count > 0 && first.x >= quote.x0 - quote.size && gap >= -quote.size && gap <= quote.size * ATTRIBUTION_GAP ? count : 0;
}

/**
 * A headline in one type (no kicker, subtitle or byline of its own) whose words the article over
 * it prints, and its own text does not, stands inside that article: a pull quote cut from a
 * sentence (no sentence end of its own) or dressed in quotation marks. It goes, and the text it
 * opened goes on the article it stands in. (A headline that repeats words of its own text, over it
 * or under it, stays: a paper's titles often quote their text.)
 */
function mergeQuotedArticles(groups: Frame[][], frames: Frame[]): Frame[][] {
  const wordsOf = (group: Frame[]) => bareWords(group.filter((frame) => frame.role === 'text').map(frameText).join(''));
  const groupOf = new Map(groups.flatMap((group) => group.map((frame) => [frame, group] as const)));
  const merged = new Set<Frame[]>();
  for (const group of groups) {
    const headings = group.filter((frame) => frame.role === 'heading');
    const first = headings[0];
    if (!first || headings.some((frame) => !sameType(frame, first))) continue;
    const quote = bareWords(headings.map(frameText).join(''));
    // The text drawn right before the quote, over it in its column: the article it stands in.
    const before = frames[frames.indexOf(first) - 1];
    const host = before && before.role === 'text' ? groupOf.get(before) : undefined;
    if (!host || host === group || merged.has(host) || gapUnder(before!, first) === undefined) continue;
    if (quote.length < MIN_PULL_QUOTE_CHARS || !wordsOf(host).includes(quote) || wordsOf(group).includes(quote)) continue;
    headings.forEach(markFurniture);
    host.push(...group.filter((frame) => frame.role !== 'heading'));
    for (const frame of group) groupOf.set(frame, host);
    merged.add(group);
  }
  return groups.filter((group) => !merged.has(group));
}

/** A byline is set smaller than the body: under this share of its size (templates: 8–9 pt under 9–10 pt). */
const BYLINE_SIZE_RATIO = 0.95;

/** A short block in smaller type than the body, right under a headline: its byline. */
function markBylines(group: Frame[], body: number): void {
  for (let index = 1; index < group.length; index += 1) {
    const frame = group[index]!;
    const previous = group[index - 1]!;
    if (previous.role !== 'heading' || frame.role !== 'text') continue;
    if (frame.lines.length <= SHORT_BLOCK_LINES && frame.size < body * BYLINE_SIZE_RATIO && frame.lines.every((line) => line.text.length <= MAX_FURNITURE_CHARS)) {
      frame.hints = frame.hints.map(() => 'byline');
    }
  }
}

/**
 * A kicker or subtitle is set smaller than its title: a headline block in type this much smaller
 * than the largest of its headline stands over it as its kicker or under it as its subtitle.
 * (Templates set kickers and subtitles at 11–12 pt under titles of 13–28 pt.)
 */
const TITLE_OVER_PART = 1.1;

/** What a block of a headline is, by its type: the title (the largest), a kicker over it, a subtitle under it. */
function headlinePart(frame: Frame, title: Frame | undefined): LineHint {
  if (!title || frame === title || frame.size * TITLE_OVER_PART > title.size) return 'heading';
  // Set top to bottom, the kicker stands right of the title, where the reading starts.
  if (standsUpright(frame) && standsUpright(title) && sideBySide(frame, title)) return frame.x0 > title.x0 ? 'kicker' : 'subtitle';
  return frame.top < title.top ? 'kicker' : 'subtitle';
}

/**
 * A headline's parts: its blocks of one type drawn one after the other are one part (a column, or a
 * measure a glyph or two wide, broke it), read in the stream's order; the parts stand top to bottom.
 */
function headlineParts(headings: Frame[], streamOrder: (frame: Frame) => number): Frame[][] {
  const parts: Frame[][] = [];
  for (const frame of [...headings].sort((a, b) => streamOrder(a) - streamOrder(b))) {
    const part = parts.at(-1);
    if (part && sameType(part[0]!, frame)) part.push(frame);
    else parts.push([frame]);
  }
  const top = (part: Frame[]) => Math.min(...part.map((frame) => frame.top));
  const right = (part: Frame[]) => Math.max(...part.map((frame) => frame.x1));
  const upright = (part: Frame[]) => part.every(standsUpright);
  const beside = (a: Frame[], b: Frame[]) => upright(a) && upright(b) && a.every((x) => b.every((y) => sideBySide(x, y)));
  return parts.sort((a, b) => (beside(a, b) ? right(b) - right(a) : top(a) - top(b)));
}

function linesOf(group: Frame[], streamOrder: (frame: Frame) => number): PdfPageLines {
  const lines: Line[] = [];
  const hints: LineHint[] = [];
  // The headline first, also where it is printed after its text.
  const headings = group.filter((frame) => frame.role === 'heading');
  const title = headings.reduce<Frame | undefined>((largest, frame) => (largest && largest.size >= frame.size ? largest : frame), undefined);
  const parts = headlineParts(headings, streamOrder);
  for (const part of parts) {
    if (lines.length > 0) {
      lines.push(cleanLine(''));
      hints.push(undefined);
    }
    // A headline's lines are one headline, wherever its type broke it.
    lines.push(cleanLine(part.flatMap((frame) => frame.lines.map((line) => line.text)).reduce(joinLines)));
    hints.push(headlinePart(part[0]!, title));
  }
  for (const frame of group.filter((frame) => frame.role !== 'heading')) {
    if (lines.length > 0) {
      lines.push(cleanLine(''));
      hints.push(undefined);
    }
    frame.lines.forEach((line, index) => {
      const indented = line.x - frame.x0 >= line.size * INDENT_SIZES;
      lines.push(cleanLine(indented ? `\u3000\u3000${line.text}` : line.text));
      hints.push(frame.hints[index]);
    });
  }
  return { lines, hints };
}

/** A page's articles as the layout frames them, and where its text starts and stops. */
interface PageArticles {
  articles: PdfPageLines[];
  /** The article holding the text drawn first on the page, when no headline opens it. */
  headlessStart?: number;
  /** The article holding the text drawn last on the page, when that text stops mid-sentence. */
  cutOff?: number;
}

/** A page's articles as the layout frames them: each a headline with its text, in reading order. */
function pageArticles(page: PdfPage, repeated: Set<string>): PageArticles {
  const body = bodySize(page);
  const edges = edgesOf(page);
  const frames = page.blocks
    .filter((block) => block.lines.length > 0)
    .map((block) =>
      frameOf(
        block.lines,
        block.lines.map((line) => (isFurniture(line, block.lines.length, edges, body, repeated) ? 'furniture' : line.size >= body * HEADLINE_SIZE_RATIO ? 'heading' : 'text')),
      ),
    );
  markFoot(frames, page, body);
  markTags(frames, body);
  markPullQuotes(frames);
  const groups = mergeQuotedArticles(articleFrames(frames), frames);
  for (const group of groups) markBylines(group, body);
  const streamOrder = new Map(frames.map((frame, index) => [frame, index]));
  const texts = frames.filter((frame) => frame.role === 'text');
  const groupOf = (frame: Frame | undefined) => groups.findIndex((group) => frame !== undefined && group.includes(frame));
  const [first, last] = [groupOf(texts[0]), groupOf(texts.at(-1))];
  return {
    articles: groups.map((group) => linesOf(group, (frame) => streamOrder.get(frame) ?? 0)),
    headlessStart: first >= 0 && groups[first]!.every((frame) => frame.role !== 'heading') ? first : undefined,
    cutOff: last >= 0 && SENTENCE_GOES_ON.test(texts.at(-1)!.lines.at(-1)!.text.trim()) ? last : undefined,
  };
}

/**
 * Each page's articles as the layout frames them (lines and hints), pages in the document's order.
 * Text that starts a page with no headline over it, where the page before stops mid-sentence, goes
 * on with the article stopped there: a story run on from one page to the next (a page overflowing).
 */
export function pdfArticleFrames(layout: PdfLayout): PdfPageLines[][] {
  const repeated = repeatedInBands(layout.pages);
  const pages = layout.pages.map((page) => pageArticles(page, repeated));
  pages.forEach((page, index) => {
    const before = pages[index - 1];
    if (!before || before.cutOff === undefined || page.headlessStart === undefined) return;
    const [cut] = page.articles.splice(page.headlessStart, 1);
    const into = before.articles[before.cutOff]!;
    // No blank line between: the sentence goes on.
    into.lines.push(...cut!.lines);
    into.hints.push(...cut!.hints);
  });
  return pages.map((page) => page.articles);
}
