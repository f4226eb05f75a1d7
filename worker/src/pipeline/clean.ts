// Stage 1: clean raw page text into lines. Pure: string in, data out.
// Removes what carries no text (control characters, zero-width marks, line-ending variants)
// and the spaces that PDF justification puts between CJK characters. Line breaks stay:
// they are evidence the splitter needs (column width, headline blocks, column breaks).
import { collapseSpaces, displayWidth, justifiedGaps } from './text';

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
  return raw.replace(/\r\n?|[\u2028\u2029\u0085\f\v]/g, '\n').replace(INVISIBLE, '').replace(/\u00a0/g, ' ');
}

const SPACE = /[ \t\u00a0\u3000]/;

export function cleanLine(rawLine: string): Line {
  const raw = rawLine.trim();
  // Most lines hold no inner space: nothing to collapse, no justification gaps.
  if (!SPACE.test(raw)) {
    return { text: raw, raw, width: displayWidth(raw), gaps: 0, indented: raw.length > 0 && raw !== rawLine && /^(?:\u3000| {2}|\t)/.test(rawLine) };
  }
  const text = collapseSpaces(raw);
  const indented = /^(?:\u3000| {2}|\t)/.test(rawLine) && text.length > 0;
  return { text, raw, width: displayWidth(text), gaps: justifiedGaps(raw), indented };
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
