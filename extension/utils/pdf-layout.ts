// Puts a PDF page's text into blocks in reading order. Pure: positioned strings (from pdf.js, in
// the content stream's order) in, the page's blocks of lines out.
//
// A PDF draws its text in the order its producer wrote it: a typesetting engine writes a frame's
// lines one after another, so the content stream is the reading order in most PDFs. It is checked
// against the geometry: lines are chained to the line right under them (same size, same column,
// one line step down), and a chain is a block. Blocks follow each other in the order the stream
// first draws them, unless the stream hops between chains line by line (a producer that draws the
// page row by row across columns): then the page is cut into columns and bands (XY cut).
import { MAX_PDF_LINES, MAX_PDF_PAGES, type PdfBlock, type PdfLayout, type PdfLine, type PdfPage } from '../../shared/src/schemas';

/** One string pdf.js drew, in page coordinates with the origin at the top left (y grows down). */
export interface PdfTextItem {
  text: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  /** The font's name in the page's resources: another name is another face or weight. */
  font: string;
  /**
   * Written top to bottom: a rotated string (Latin in a vertical headline) or a string in a vertical
   * font, with `height` the length it runs down the page from (x, y), the top of its first glyph.
   */
  vertical?: { height: number };
}

interface TextLine {
  items: PdfTextItem[];
  x0: number;
  x1: number;
  y: number;
  size: number;
  font: string;
  /** Position of the line's first item in the content stream. */
  order: number;
  /** A line set top to bottom (a vertical headline): where it starts; `y` is its last glyph's baseline. */
  top?: number;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * Items on one baseline join into a line when the gap between them is at most this many font sizes:
 * wider than the letter spacing of justified CJK text and a Latin word space, narrower than a column gutter.
 */
const MAX_GAP_IN_LINE = 1.0;
/** A space drawn as an item of its own is part of its line up to this many font sizes wide (a justified space, an em space). */
const MAX_SPACE_IN_LINE = 2;
/** Baselines this many font sizes apart are the same line (superscripts, mixed fonts). */
const SAME_BASELINE = 0.3;
/**
 * Font sizes this far apart (as a share of the larger) are the same size: a line's glyphs from a
 * fallback font differ by less; a byline or caption set a point smaller than the body (9 against 10) by more.
 */
const SAME_SIZE = 0.06;
/** A line starts this many font sizes right of the line above at most: a paragraph's indent (2 em) and a little. */
const MAX_INDENT = 2.6;
/**
 * The next line of a block lies at most this many typical line steps further down: a paragraph's
 * spacing stays inside, the space between two frames does not.
 */
const MAX_STEP_RATIO = 1.55;
/** A line lies at least this many type sizes under the one before it: closer is the same line (a superscript) or an overprint. */
const MIN_LINE_STEP = 0.5;
/**
 * A step of more than this many type sizes is no line step of its own size (a gap between frames):
 * it does not set the size's usual step. Papers lead body type at 1.2–1.8 and headlines at
 * 1.2–1.4; a headline printed under its story stands 2.3 sizes over the next story's headline of
 * its type (tuned pages), which as a usual step would join them into one block.
 */
const MAX_TYPICAL_STEP = 2;
/** Without steps of its own (a one-line headline), a size takes the common leading, in type sizes. */
const DEFAULT_LEADING = 1.5;
/** The next line of a block may always lie this many type sizes down, whatever the usual step (a one-line block's size has none). */
const MIN_STEP_REACH = 1.2;
/** A line's items overlap by at most this many type sizes (a kerned or justified glyph drawn a little left). */
const ITEM_OVERLAP = 0.5;
/** A gap this many type sizes wide between Latin items is a word space (kerning is narrower). */
const WORD_SPACE = 0.2;
/** Lines overlapping across this share of the narrower one stand in one column, however their left edges differ (centred lines). */
const COLUMN_OVERLAP = 0.6;
/**
 * A block-by-block stream changes chain about once a block; a stream drawn row by row across
 * columns changes more than this many times a chain, plus a few changes for furniture.
 */
const HOPS_PER_CHAIN = 1.5;
const FURNITURE_HOPS = 2;
/** Positions and sizes go to the Worker to a tenth of a point: finer is noise, and it keeps captures small. */
const PRECISION = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function sameSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(a, b) * SAME_SIZE;
}

/**
 * The next glyph of a vertical line stands under the one before, at most this many type sizes
 * further down: a glyph's height and a little letter spacing. (Consecutive one-glyph items at one x
 * further apart are lines of their own.)
 */
const MAX_VERTICAL_STEP = 1.3;
/** A vertical line's glyphs stand at one x, within this share of the type size. */
const VERTICAL_ALIGN = 0.5;

const isOneCjkGlyph = (text: string) => Array.from(text.trim()).length === 1 && CJK.test(text);

/** Where an item starts and ends down the page when it is read top to bottom. */
const itemTop = (item: PdfTextItem) => (item.vertical ? item.y : item.y - item.size);
const itemBottom = (item: PdfTextItem) => (item.vertical ? item.y + item.vertical.height : item.y);

/**
 * Runs of glyphs set top to bottom: one-glyph items (or strings written downwards) the stream draws
 * one after the other at one x, each under the one before. Producers place each glyph of a vertical
 * headline on its own; some pile them on one spot (Chromium with a font without vertical metrics),
 * where only the stream's order is left: it is the reading order.
 */
function verticalRuns(items: PdfTextItem[]): PdfTextItem[][] {
  const runs: PdfTextItem[][] = [];
  let run: PdfTextItem[] = [];
  const flush = () => {
    if (run.length > 1) runs.push(run);
    run = [];
  };
  for (const item of items) {
    if (!item.text.trim()) continue; // producers draw empty strings between positioned glyphs
    const glyphLike = item.vertical !== undefined || Array.from(item.text.trim()).length === 1;
    const first = run[0];
    if (first && glyphLike && sameSize(first.size, item.size) && Math.abs(item.x - first.x) <= first.size * VERTICAL_ALIGN) {
      const top = Math.min(...run.map(itemTop));
      const bottom = Math.max(...run.map(itemBottom));
      if (itemTop(item) >= top - first.size * VERTICAL_RISE && item.y <= bottom + first.size * MAX_VERTICAL_STEP) {
        run.push(item);
        continue;
      }
    }
    flush();
    if (item.vertical || isOneCjkGlyph(item.text)) run.push(item);
  }
  flush();
  return runs;
}

/** Glyphs taking less than this share of a glyph's height each down the page are piled on one spot, not set one under the other. */
const PILED = 0.5;
/** A glyph of a vertical run may start this many type sizes above the run's top (a producer drawing the run from its foot). */
const VERTICAL_RISE = 2;

/** A vertical run as one line: its glyphs in the stream's order, its box down the page. */
function verticalLine(run: PdfTextItem[], order: number): TextLine {
  const size = run[0]!.size;
  const top = Math.min(...run.map(itemTop));
  const chars = run.reduce((sum, item) => sum + Array.from(item.text.trim()).length, 0);
  const drawnBottom = Math.max(...run.map(itemBottom));
  // Piled glyphs take the room they would take set one under the other.
  const bottom = drawnBottom - top < chars * size * PILED ? top + chars * size : drawnBottom;
  const x0 = Math.min(...run.map((item) => item.x));
  return { items: run, x0, x1: x0 + size, y: bottom, size, font: run[0]!.font, order, top };
}

/** The size most of a line's characters are set in, and its font: a running head's large page number does not make it a headline. */
function settleSize(line: TextLine): void {
  const chars = new Map<number, { count: number; font: string }>();
  for (const item of line.items) {
    const entry = chars.get(item.size) ?? { count: 0, font: item.font };
    entry.count += Array.from(item.text.trim()).length;
    chars.set(item.size, entry);
  }
  let most = -1;
  for (const [size, { count, font }] of chars) {
    if (count > most || (count === most && size > line.size)) {
      most = count;
      line.size = size;
      line.font = font;
    }
  }
}

/** Lines as the stream draws them: consecutive items on one baseline with no gutter between, and vertical runs. */
function streamLines(items: PdfTextItem[]): TextLine[] {
  const runs = verticalRuns(items);
  const runOf = new Map<PdfTextItem, PdfTextItem[]>();
  for (const run of runs) for (const item of run) runOf.set(item, run);
  const lines: TextLine[] = [];
  let current: TextLine | undefined;
  // A wide space drawn on its own right after the current line: where it starts and ends.
  let stretched: { x0: number; x1: number } | undefined;
  items.forEach((item, order) => {
    if (!Number.isFinite(item.x) || !Number.isFinite(item.y) || !(item.size > 0)) return;
    const run = runOf.get(item);
    if (run) {
      if (run[0] === item) lines.push(verticalLine(run, order));
      current = undefined;
      return;
    }
    const size = Math.max(item.size, current?.size ?? 0);
    const sameBaseline = current !== undefined && Math.abs(item.y - current.y) <= size * SAME_BASELINE;
    const continues = sameBaseline && item.x >= current!.x1 - size * ITEM_OVERLAP && item.x - current!.x1 <= size * MAX_GAP_IN_LINE;
    const space = stretched;
    stretched = undefined;
    if (!item.text.trim()) {
      // A word space drawn on its own (第一条␣为了…) belongs to its line; a wide one may be a gap between columns.
      if (current && continues && item.width <= size * MAX_SPACE_IN_LINE) current.x1 = Math.max(current.x1, item.x + item.width);
      else if (current && continues) stretched = { x0: item.x, x1: item.x + item.width };
      return;
    }
    // A wide space the next string starts within (本报北京4月7日电␣（记者…）) is the line's one space,
    // stretched to justify it: a gutter is blank paper, not a space drawn between two columns' lines.
    const justified = sameBaseline && space !== undefined && item.x >= space.x0 && item.x <= space.x1 + size * MAX_GAP_IN_LINE;
    if (current && (continues || justified)) {
      current.items.push(item);
      current.x1 = Math.max(current.x1, item.x + item.width);
      if (item.size > current.size) {
        current.size = item.size;
        current.font = item.font;
      }
    } else {
      current = { items: [item], x0: item.x, x1: item.x + item.width, y: item.y, size: item.size, font: item.font, order };
      lines.push(current);
    }
  });
  for (const line of lines) if (line.top === undefined) settleSize(line);
  return lines;
}

/**
 * Punctuation in the forms a vertical line prints (︵金台随感︶) and the forms the same text takes
 * set across (（金台随感）): the text is the same, whichever way it was set.
 */
const VERTICAL_FORMS: Record<string, string> = Object.fromEntries(
  Array.from('︐，︑、︒。︓：︔；︕！︖？︗〖︘〗︙…︰‥︱—︲–︵（︶）︷｛︸｝︹〔︺〕︻【︼】︽《︾》︿〈﹀〉﹁「﹂」﹃『﹄』﹇［﹈］').reduce<string[][]>(
    (pairs, char, index, all) => (index % 2 === 0 ? [...pairs, [char, all[index + 1]!]] : pairs),
    [],
  ),
);
const VERTICAL_FORM = new RegExp(`[${Object.keys(VERTICAL_FORMS).join('')}]`, 'g');

function lineText(line: TextLine): string {
  if (line.top !== undefined) return line.items.map((item) => item.text.trim()).join('').replace(VERTICAL_FORM, (char) => VERTICAL_FORMS[char]!);
  let text = '';
  let previous: PdfTextItem | undefined;
  for (const part of line.items) {
    if (previous) {
      const gap = part.x - (previous.x + previous.width);
      const before = text.at(-1) ?? '';
      const after = part.text[0] ?? '';
      // Latin words need their space back; CJK text never had spaces (justified gaps are layout).
      const needsSpace = gap > previous.size * WORD_SPACE && !(CJK.test(before) && CJK.test(after));
      if (needsSpace && !/\s$/.test(text) && !/^\s/.test(part.text)) text += ' ';
    }
    text += part.text;
    previous = part;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** `below` can be the line after `above` in one block: same size, same column, one step down. */
function follows(above: TextLine, below: TextLine, maxStep: number): boolean {
  if (!sameSize(above.size, below.size) || above.top !== undefined || below.top !== undefined) return false;
  const step = below.y - above.y;
  if (step < above.size * MIN_LINE_STEP || step > maxStep) return false;
  const overlap = Math.min(above.x1, below.x1) - Math.max(above.x0, below.x0);
  const narrower = Math.min(above.x1 - above.x0, below.x1 - below.x0);
  const aligned = Math.abs(below.x0 - above.x0) <= above.size * MAX_INDENT;
  // A line never reaches past the column of the line over it by more than an indent.
  const sameColumn = below.x1 <= above.x1 + above.size * MAX_INDENT || above.x1 - above.x0 < below.x1 - below.x0;
  return (aligned || overlap >= narrower * COLUMN_OVERLAP) && sameColumn && overlap > -above.size;
}

/** Steps are gathered by type size to this many points. */
const SIZE_GRAIN = 0.5;

/** The usual step from one line to the next, for each font size: the median of the stream's own steps. */
function typicalSteps(lines: TextLine[]): (size: number) => number {
  const steps = new Map<number, number[]>();
  for (let index = 1; index < lines.length; index += 1) {
    const above = lines[index - 1]!;
    const below = lines[index]!;
    const step = below.y - above.y;
    if (!sameSize(above.size, below.size) || above.top !== undefined || step < above.size * MIN_LINE_STEP || step > above.size * MAX_TYPICAL_STEP) continue;
    const key = Math.round(above.size / SIZE_GRAIN);
    steps.set(key, [...(steps.get(key) ?? []), step]);
  }
  return (size) => {
    const own = steps.get(Math.round(size / SIZE_GRAIN));
    // Without steps of its own (a one-line headline), a size takes the common leading of 1.5.
    return own && own.length > 0 ? median(own) : size * DEFAULT_LEADING;
  };
}

/** Chains of lines, each line linked to the nearest line under it that it `follows`, and back. */
function chains(lines: TextLine[]): TextLine[][] {
  const stepOf = typicalSteps(lines);
  const byY = [...lines].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const next = new Map<TextLine, TextLine>();
  const previous = new Map<TextLine, TextLine>();
  byY.forEach((above, index) => {
    const maxStep = Math.max(stepOf(above.size) * MAX_STEP_RATIO, above.size * MIN_STEP_REACH);
    for (let k = index + 1; k < byY.length; k += 1) {
      const below = byY[k]!;
      if (below.y - above.y > maxStep) break;
      if (!follows(above, below, maxStep) || previous.has(below)) continue;
      next.set(above, below);
      previous.set(below, above);
      break;
    }
  });
  const result: TextLine[][] = [];
  for (const line of byY) {
    if (previous.has(line)) continue;
    const chain = [line];
    for (let link = next.get(line); link; link = next.get(link)) chain.push(link);
    result.push(chain);
  }
  return result;
}

interface Box {
  lines: TextLine[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  order: number;
}

function boxOf(lines: TextLine[]): Box {
  return {
    lines,
    x0: Math.min(...lines.map((line) => line.x0)),
    x1: Math.max(...lines.map((line) => line.x1)),
    y0: Math.min(...lines.map((line) => line.top ?? line.y - line.size)),
    y1: Math.max(...lines.map((line) => line.y)),
    order: Math.min(...lines.map((line) => line.order)),
  };
}

/** Reading order by the page's geometry: columns left to right, bands top to bottom (recursive XY cut). */
function xyCut(boxes: Box[]): Box[] {
  if (boxes.length <= 1) return boxes;
  // Bands first: a headline across columns closes the band over them.
  for (const axis of ['y', 'x'] as const) {
    const start = (box: Box) => (axis === 'x' ? box.x0 : box.y0);
    const end = (box: Box) => (axis === 'x' ? box.x1 : box.y1);
    const sorted = [...boxes].sort((a, b) => start(a) - start(b));
    const groups: Box[][] = [];
    let reach = Number.NEGATIVE_INFINITY;
    for (const box of sorted) {
      if (start(box) > reach) groups.push([]);
      groups.at(-1)!.push(box);
      reach = Math.max(reach, end(box));
    }
    if (groups.length > 1) return groups.flatMap(xyCut);
  }
  return [...boxes].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/**
 * The stream hops between chains when it draws row by row across columns: more changes of chain
 * along the stream than a block-by-block stream (one change per block, and a few for furniture) has.
 */
function streamHops(lines: TextLine[], chainOf: Map<TextLine, number>, chainCount: number): boolean {
  let changes = 0;
  const streamOrder = [...lines].sort((a, b) => a.order - b.order);
  for (let index = 1; index < streamOrder.length; index += 1) {
    if (chainOf.get(streamOrder[index]!) !== chainOf.get(streamOrder[index - 1]!)) changes += 1;
  }
  return changes > (chainCount - 1) * HOPS_PER_CHAIN + FURNITURE_HOPS;
}

const round = (value: number) => Math.round(value * PRECISION) / PRECISION;

/** One page of a PDF: its text items (in stream order) to blocks of lines in reading order. */
export function layoutPage(items: PdfTextItem[], page: { number: number; width: number; height: number }): PdfPage {
  const lines = streamLines(items);
  const found = chains(lines);
  const chainOf = new Map<TextLine, number>();
  found.forEach((chain, index) => chain.forEach((line) => chainOf.set(line, index)));
  const boxes = found.map(boxOf);
  const ordered = streamHops(lines, chainOf, found.length) ? xyCut(boxes) : boxes.sort((a, b) => a.order - b.order);
  const fonts = new Map<string, number>();
  const fontIndex = (font: string) => {
    if (!fonts.has(font)) fonts.set(font, fonts.size);
    return fonts.get(font)!;
  };
  for (const line of [...lines].sort((a, b) => a.order - b.order)) fontIndex(line.font);
  const blocks: PdfBlock[] = [];
  for (const box of ordered) {
    const blockLines: PdfLine[] = [];
    for (const line of box.lines) {
      const text = lineText(line);
      if (!text) continue;
      blockLines.push({
        text,
        x: round(Math.max(0, line.x0)),
        y: round(Math.max(0, line.y)),
        width: round(Math.max(0, line.x1 - line.x0)),
        size: round(line.size) || 0.1,
        font: fontIndex(line.font),
        ...(line.top === undefined ? {} : { height: round(Math.max(line.size, line.y - line.top)) }),
      });
    }
    if (blockLines.length > 0) blocks.push({ lines: blockLines });
  }
  return { number: page.number, width: round(page.width) || 1, height: round(page.height) || 1, blocks };
}

/** A page's text as a copy gives it: a line break after each line, a blank line between blocks. */
export function pageText(page: PdfPage): string {
  return page.blocks.map((block) => block.lines.map((line) => line.text).join('\n')).join('\n\n');
}

/** The whole document: pages in order, a blank line between them. */
export function documentText(pages: PdfPage[]): string {
  return pages
    .map(pageText)
    .filter((text) => text.trim())
    .join('\n\n');
}

/**
 * Room the layout may take in a capture: the API takes 2 MB of body, and the text goes beside it.
 * A typical newspaper page's layout is 30–60 KB.
 */
const MAX_LAYOUT_JSON_CHARS = 900_000;

/** The `pdf` field of a capture, when the layout is within the API's limits; else the text goes alone. */
export function pdfLayoutThatFits(layout: PdfLayout): { pdf?: PdfLayout } {
  const lines = layout.pages.reduce((sum, page) => sum + page.blocks.reduce((count, block) => count + block.lines.length, 0), 0);
  if (layout.pages.length === 0 || layout.pages.length > MAX_PDF_PAGES || lines > MAX_PDF_LINES) return {};
  return JSON.stringify(layout).length <= MAX_LAYOUT_JSON_CHARS ? { pdf: layout } : {};
}
