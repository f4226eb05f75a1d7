// A PDF capture's layout (pages of positioned lines, in reading order) to the splitter's input:
// each page's lines, with what the layout says about each line. Pure: layout in, lines out.
//
// - The page's body type is the size most of its characters are set in; a line in larger type is a
//   headline (kicker, title, subtitle), a line in body type or smaller is not.
// - Running heads, page numbers and folios stand in the band along the page's top or bottom edge:
//   short lines in body type or smaller there, and any line printed there on several pages, are furniture.
// - A blank line goes between blocks (the capture cut a block where the text jumps: another column,
//   frame or type size); a line starting an indent right of its block opens a paragraph.
import type { PdfLayout, PdfLine, PdfPage } from '../../../shared/src';
import { cleanLine, type Line } from './clean';
import type { LineHint } from './hints';
import { joinLines } from './text';

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
/** A running head or folio is short: a paper's name, date, page number and section (人民日报2026年1月14日星期三5版). */
const MAX_FURNITURE_CHARS = 40;
/** A line starting this many type sizes right of its block's left edge is indented: it opens a paragraph. */
const INDENT_SIZES = 1.5;

const PAGE_NUMBER = /^(?:第?\s*\d{1,4}\s*[版页頁]?|[-—–]\s*\d{1,4}\s*[-—–]|Page\s+\d{1,4}|\d{1,4}\s*\/\s*\d{1,4})$/i;

/** The size most characters of the page are set in (sizes to the half point). */
function bodySize(page: PdfPage): number {
  const chars = new Map<number, number>();
  for (const block of page.blocks) {
    for (const line of block.lines) {
      const size = Math.round(line.size * 2) / 2;
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

function inBand(line: PdfLine, page: PdfPage): boolean {
  return line.y <= page.height * FURNITURE_BAND || line.y - line.size >= page.height * (1 - FURNITURE_BAND);
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
    for (const block of page.blocks) {
      for (const line of block.lines) if (inBand(line, page)) seen.add(furnitureKey(line.text));
    }
    for (const key of seen) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  return new Set([...pagesWith].filter(([, count]) => count >= 2).map(([key]) => key));
}

function isFurniture(line: PdfLine, lineCount: number, page: PdfPage, body: number, repeated: Set<string>): boolean {
  if (!inBand(line, page)) return false;
  const text = line.text.trim();
  if (PAGE_NUMBER.test(text) || repeated.has(furnitureKey(text))) return true;
  // A column's first or last lines stand in the band too: they belong to a block of many lines.
  return lineCount <= 2 && text.length <= MAX_FURNITURE_CHARS && line.size <= body * HEADLINE_SIZE_RATIO;
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
}

function frameOf(lines: PdfLine[], hints: LineHint[]): Frame {
  const role: BlockRole = hints.includes('heading') ? 'heading' : hints.every((hint) => hint === 'furniture') ? 'furniture' : 'text';
  return {
    lines,
    hints,
    role,
    x0: Math.min(...lines.map((line) => line.x)),
    x1: Math.max(...lines.map((line) => line.x + line.width)),
    top: Math.min(...lines.map((line) => line.y - line.size)),
    bottom: Math.max(...lines.map((line) => line.y)),
    size: Math.max(...lines.map((line) => line.size)),
  };
}

function overlapX(a: Frame, b: Frame): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

/** How far `below` starts under `above` when it stands in the same column; undefined when it does not. */
function gapUnder(above: Frame, below: Frame): number | undefined {
  const overlap = overlapX(above, below);
  if (overlap < Math.min(above.x1 - above.x0, below.x1 - below.x0) * 0.5) return undefined;
  const gap = below.top - above.bottom;
  return gap >= -above.size ? Math.max(0, gap) : undefined;
}

/** A headline beside its text: the text starts right of it, at its height. */
function standsBeside(headline: Frame, text: Frame): boolean {
  return text.x0 >= headline.x1 - headline.size && text.top <= headline.bottom && text.top >= headline.top - headline.size * 2;
}

/**
 * How near a headline's text must start: a few headline sizes. Templates leave 0.2–1 em between a
 * headline and its text, and 1–2 body lines between frames.
 */
const MAX_HEADLINE_GAP = 2.5;

/**
 * Splits the page's blocks into frames of one article each: a headline (its kicker, title and
 * subtitle blocks), bylines in small type under it, and its text. A headline takes the text the
 * stream draws after it when that text starts right under or beside it; when it stands right under
 * the text drawn before it (a headline printed after its article), it takes that text instead.
 */
function articleFrames(frames: Frame[]): Frame[][] {
  // Headline blocks that touch (kicker over title over subtitle) are one headline.
  const units: Frame[][] = [];
  for (const frame of frames) {
    if (frame.role === 'furniture') continue;
    const last = units.at(-1);
    const lastFrame = last?.at(-1);
    if (last && lastFrame && lastFrame.role === 'heading' && frame.role === 'heading') {
      const gap = gapUnder(lastFrame, frame);
      if (gap !== undefined && gap <= lastFrame.size * 1.2) {
        last.push(frame);
        continue;
      }
    }
    units.push([frame]);
  }
  const isHeadline = (unit: Frame[]) => unit[0]!.role === 'heading';
  const boxOf = (unit: Frame[]): Frame => frameOf(unit.flatMap((frame) => frame.lines), unit.flatMap((frame) => frame.hints));
  // Which way each headline looks for its text: forward (text drawn after it) or back.
  const backward = units.map((unit, index) => {
    if (!isHeadline(unit)) return false;
    const box = boxOf(unit);
    const next = units[index + 1];
    const previous = units[index - 1];
    const limit = box.size * MAX_HEADLINE_GAP;
    const after = next && !isHeadline(next) ? (standsBeside(box, next[0]!) ? 0 : gapUnder(box, next[0]!)) : undefined;
    const before = previous && !isHeadline(previous) ? gapUnder(previous.at(-1)!, box) : undefined;
    if (before === undefined || before > limit) return false;
    return after === undefined || after > limit || before < after;
  });
  const groups: Frame[][] = [];
  let current: Frame[] | undefined;
  units.forEach((unit, index) => {
    if (!isHeadline(unit)) {
      if (!current) groups.push((current = []));
      current.push(...unit);
      return;
    }
    if (!backward[index]) {
      groups.push((current = [...unit]));
      return;
    }
    // A headline after its text takes the blocks just before it that stand over it, in its column.
    const box = boxOf(unit);
    const own: Frame[] = [];
    while (current && current.length > 0) {
      const candidate = current.at(-1)!;
      const narrower = Math.min(candidate.x1 - candidate.x0, box.x1 - box.x0);
      if (candidate.role === 'heading' || overlapX(candidate, box) < narrower * 0.5 || candidate.bottom > box.top + box.size) break;
      own.unshift(current.pop()!);
    }
    if (current && current.length === 0) groups.splice(groups.indexOf(current), 1);
    groups.push([...unit, ...own]);
    current = undefined;
  });
  return groups;
}

/** A short block in smaller type than the body, right under a headline: its byline. */
function markBylines(group: Frame[], body: number): void {
  for (let index = 1; index < group.length; index += 1) {
    const frame = group[index]!;
    const previous = group[index - 1]!;
    if (previous.role !== 'heading' || frame.role !== 'text') continue;
    if (frame.lines.length <= 2 && frame.size < body * 0.95 && frame.lines.every((line) => line.text.length <= MAX_FURNITURE_CHARS)) {
      frame.hints = frame.hints.map(() => 'byline');
    }
  }
}

function linesOf(group: Frame[]): PdfPageLines {
  const lines: Line[] = [];
  const hints: LineHint[] = [];
  // The headline first, also where it is printed after its text.
  const ordered = [...group.filter((frame) => frame.role === 'heading'), ...group.filter((frame) => frame.role !== 'heading')];
  for (const frame of ordered) {
    if (lines.length > 0) {
      lines.push(cleanLine(''));
      hints.push(undefined);
    }
    if (frame.role === 'heading') {
      // A headline's lines are one headline, wherever its type broke it.
      lines.push(cleanLine(frame.lines.map((line) => line.text).reduce(joinLines)));
      hints.push('heading');
      continue;
    }
    frame.lines.forEach((line, index) => {
      const indented = line.x - frame.x0 >= line.size * INDENT_SIZES;
      lines.push(cleanLine(indented ? `\u3000\u3000${line.text}` : line.text));
      hints.push(frame.hints[index]);
    });
  }
  return { lines, hints };
}

/** A page's articles as the layout frames them: each a headline with its text, in reading order. */
function pageArticles(page: PdfPage, repeated: Set<string>): PdfPageLines[] {
  const body = bodySize(page);
  const frames = page.blocks
    .filter((block) => block.lines.length > 0)
    .map((block) =>
      frameOf(
        block.lines,
        block.lines.map((line) => (isFurniture(line, block.lines.length, page, body, repeated) ? 'furniture' : line.size >= body * HEADLINE_SIZE_RATIO ? 'heading' : 'text')),
      ),
    );
  const groups = articleFrames(frames);
  for (const group of groups) markBylines(group, body);
  return groups.map(linesOf);
}

/** Each page's articles as the layout frames them (lines and hints), pages in the document's order. */
export function pdfArticleFrames(layout: PdfLayout): PdfPageLines[][] {
  const repeated = repeatedInBands(layout.pages);
  return layout.pages.map((page) => pageArticles(page, repeated));
}
