// Stage 1: clean raw page text into lines. Pure: string in, data out.
// Removes what carries no text (control characters, zero-width marks, line-ending variants)
// and the spaces that PDF justification puts between CJK characters. Line breaks stay:
// they are evidence the splitter needs (column width, headline blocks, column breaks).
import { collapseSpaces, displayWidth, endsSentence, measureLine } from './text';

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
  const raw = rawLine.trim();
  const measure = measureLine(raw);
  // Most lines hold no inner space: nothing to collapse.
  if (!measure.spaced) return line(raw, raw, measure.width, 0, rawLine);
  const text = collapseSpaces(raw);
  // Collapsing takes out only spaces, which print no width: except a no-break space.
  const width = raw.includes('\u00a0') ? displayWidth(text) : measure.width;
  return line(text, raw, width, measure.gaps, rawLine);
}

function line(text: string, raw: string, width: number, gaps: number, rawLine: string): Line {
  return { text, raw, width, gaps, indented: raw.length > 0 && startsWithIndent(rawLine), endsSentence: endsSentence(text) };
}

/** Two spaces, a tab or an ideographic space. */
function startsWithIndent(line: string): boolean {
  const first = line.charCodeAt(0);
  return first === 0x3000 || first === 0x09 || (first === 0x20 && line.charCodeAt(1) === 0x20);
}

export function cleanText(raw: string): CleanResult {
  const text = normalizeText(raw);
  const lines = text.split('\n').map(cleanLine);
  let blocks = 0;
  let inBlock = false;
  for (const line of lines) {
    if (line.text && !inBlock) blocks++;
    inBlock = line.text.length > 0;
  }
  return { text, lines, blocks };
}
