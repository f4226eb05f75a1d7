// Stage 1: clean raw page text into lines. Pure: string in, data out.
// Removes what carries no text (control characters, zero-width marks, line-ending variants)
// and the spaces that PDF justification puts between CJK characters. Line breaks stay:
// they are evidence the splitter needs (column width, headline blocks, column breaks).
import { collapseSpaces, displayWidth, endsSentence, isHanCode, justifiedGaps } from './text';
import { matchDateline } from './patterns';

export interface Line {
  /** The line with CJK spacing removed. Empty for a blank line. */
  text: string;
  /** The line as captured, trimmed: its spacing tells justified lines and photo captions apart. */
  raw: string;
  /** Printed width of `text` in em (CJK 1, other ½). */
  width: number;
  /** Spaces between single Han characters in `raw`: a justified (full-width) line has several. */
  gaps: number;
  /** Starts with an indent (two spaces or an ideographic space): the first line of a paragraph. */
  indented: boolean;
  /** `text` ends a sentence: asked of most lines several times, so answered once here. */
  endsSentence: boolean;
}

export interface CleanResult {
  text: string;
  lines: Line[];
  /** Number of blank-line separated blocks. */
  blocks: number;
}

// C0/C1 controls except tab and newline, zero-width characters, BOM, and lone surrogates.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Normalizes line endings and drops characters that carry no text. */
export function normalizeText(raw: string): string {
  if (isNormal(raw)) return raw;
  return raw.replace(/\r\n?|[\u2028\u2029\u0085\f\v]/g, '\n').replace(INVISIBLE, '').replace(/\u00a0/g, ' ');
}

/** True when `normalizeText` has nothing to change: most pages, found in one scan without regexes. */
function isNormal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Ideographs, CJK punctuation and printable ASCII first: they make up most pages.
    if ((code > 0x2060 && code < 0xd800) || (code >= 0x20 && code < 0x7f) || code === 0x0a) continue;
    if (code < 0x20) {
      if (code === 0x09) continue;
      return false;
    }
    if (code <= 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x2060 || code === 0xfeff) return false;
    if (code >= 0x200b && code <= 0x200d) return false;
    if (code >= 0xd800 && code <= 0xdfff) {
      // A surrogate pair stays; a lone half goes.
      const next = text.charCodeAt(i + 1);
      if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    }
  }
  return true;
}

export function cleanLine(rawLine: string): Line {
  return lineFrom(rawLine, scanLine(rawLine, 0, rawLine.length));
}

/** What one scan of a line, its edges included, finds. */
interface LineScan {
  /** Printed width, as `displayWidth`. */
  width: number;
  /** Spaces, tabs and ideographic spaces. */
  spaces: number;
  /** Single spaces between two Han characters, as `justifiedGaps`. */
  gaps: number;
  /** Holds a character the scan does not judge (see `isRareCharacter`). */
  rare: boolean;
}

/**
 * Measures `text` from `from` to `to` in one pass: per-character work on every line of a page
 * adds up, and on the page itself (rather than a piece split off it) each character is cheaper to read.
 */
function scanLine(text: string, from: number, to: number): LineScan {
  let wide = 0;
  let narrow = 0;
  let spaces = 0;
  let gaps = 0;
  let rare = false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x2e80 && code < 0xd800) {
      // Ideographs and CJK punctuation, most of a Chinese page, first.
      if (code === 0x3000) spaces++;
      else wide++;
    } else if (code >= 0x20 && code < 0x7f) {
      if (code !== 0x20) narrow++;
      else {
        spaces++;
        if (isHanCode(text.charCodeAt(i - 1)) && isHanCode(text.charCodeAt(i + 1))) gaps++;
      }
    } else if (code === 0x09) {
      spaces++;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1))) {
      wide++; // a surrogate pair prints as one character
      i++;
    } else if (isRareCharacter(code)) {
      rare = true;
    } else if (code >= 0xe000 || (code >= 0x2014 && code <= 0x201d) || code === 0x2026) {
      wide++; // full-width forms; dashes, curly quotes and ellipsis
    } else {
      narrow++;
    }
  }
  return { width: wide + narrow / 2, spaces, gaps, rare };
}

/**
 * Controls, other kinds of space, zero-width marks and lone surrogates: what `normalizeText`
 * changes, and what `trim` takes off besides spaces, tabs and ideographic spaces.
 */
function isRareCharacter(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    (code >= 0x2028 && code <= 0x202f) ||
    code === 0x205f ||
    code === 0x2060 ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0xfeff
  );
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A line from its captured form and the scan of all of it. */
function lineFrom(rawLine: string, scan: LineScan): Line {
  const raw = rawLine.trim();
  if (scan.rare) {
    const text = collapseSpaces(raw);
    return line(text, raw, displayWidth(text), justifiedGaps(raw), rawLine);
  }
  // Trimming took off only spaces, tabs and ideographic spaces: they print no width.
  const innerSpaces = scan.spaces - (rawLine.length - raw.length);
  // Most lines hold no inner space: nothing to collapse.
  if (innerSpaces === 0) return line(raw, raw, scan.width, 0, rawLine);
  return line(collapseSpaces(raw), raw, scan.width, scan.gaps, rawLine);
}

function line(text: string, raw: string, width: number, gaps: number, rawLine: string): Line {
  return { text, raw, width, gaps, indented: raw.length > 0 && startsWithIndent(rawLine), endsSentence: endsSentence(text) };
}

/** Two spaces, a tab or an ideographic space. */
function startsWithIndent(line: string): boolean {
  const first = line.charCodeAt(0);
  return first === 0x3000 || first === 0x09 || (first === 0x20 && line.charCodeAt(1) === 0x20);
}

/**
 * The page's lines, each scanned where it stands in the page. Undefined when the page needs
 * normalizing, which only a page with a rare character may: it is checked at the first one.
 */
function cleanLines(text: string, normalized: boolean): Line[] | undefined {
  const lines: Line[] = [];
  for (let start = 0; ; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const scan = scanLine(text, start, end);
    if (scan.rare && !normalized) {
      if (!isNormal(text)) return undefined;
      normalized = true;
    }
    const line = text.slice(start, end);
    const cut = datelineJoined(line);
    if (cut < 0) lines.push(lineFrom(line, scan));
    else lines.push(lineFrom(text.slice(start, start + cut), scanLine(text, start, start + cut)), lineFrom(text.slice(start + cut, end), scanLine(text, start + cut, end)));
    if (newline < 0) return lines;
    start = end + 1;
  }
}

/** A full stop, then space: where a reader may have joined the end of one text to another's line. */
const STOP_THEN_SPACE = /[。！？][ \u3000]+/g;

/**
 * Where a reader (PDFium) put the last line of one text and the first of another in one line, as
 * they stand at the same height (…命运共同体。 新华社北京4月10日电 应…): the offset in `line` where
 * the second text's dateline starts; -1 if the line is one text's.
 */
function datelineJoined(line: string): number {
  // (Most lines hold no space at all: asked first, it spares them the search.)
  if (!line.includes(' ') && !line.includes('\u3000')) return -1;
  for (const match of line.matchAll(STOP_THEN_SPACE)) {
    const next = match.index + match[0].length;
    if (next < line.length && matchDateline(line.slice(next))) return next;
  }
  return -1;
}

export function cleanText(raw: string): CleanResult {
  const lines = cleanLines(raw, false);
  if (lines) return withBlocks(raw, lines);
  const text = normalizeText(raw);
  return withBlocks(text, cleanLines(text, true)!); // normalized: never undefined
}

function withBlocks(text: string, lines: Line[]): CleanResult {
  let blocks = 0;
  let inBlock = false;
  for (const line of lines) {
    if (line.text && !inBlock) blocks++;
    inBlock = line.text.length > 0;
  }
  return { text, lines, blocks };
}
