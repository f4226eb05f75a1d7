// What kind of copy a page is, and how wide its columns are: the evidence for joining lines.
import type { Line } from './clean';
import { endsSentence } from './text';

export interface Layout {
  /** Lines broken at column width (a PDF copy), rather than one line per paragraph (a web copy). */
  wrapped: boolean;
  /** Widest line that can still be a headline. */
  maxHeadingWidth: number;
  /** Typical full-line width of the column around line `index`. */
  columnWidthAt(index: number): number;
}

const WINDOW = 4;

export function layoutOf(lines: Line[]): Layout {
  let long = 0;
  let unfinished = 0;
  for (const line of lines) {
    if (line.width < 8) continue;
    long++;
    if (!endsSentence(line.text)) unfinished++;
  }
  const wrapped = long >= 3 && unfinished / long > 0.45;

  // Lines that stop mid-sentence are full lines: their widths give the column width nearby.
  const fullIndex: number[] = [];
  const fullWidth: number[] = [];
  if (wrapped) {
    lines.forEach((line, index) => {
      if (line.width >= 4 && !endsSentence(line.text)) {
        fullIndex.push(index);
        fullWidth.push(line.width);
      }
    });
  }
  let cursor = 0;
  return {
    wrapped,
    maxHeadingWidth: wrapped ? 40 : 60,
    columnWidthAt(index: number): number {
      if (fullIndex.length === 0) return Infinity;
      // Calls come in increasing order of index: move a cursor instead of searching.
      if (cursor >= fullIndex.length || fullIndex[cursor]! > index) cursor = 0;
      while (cursor + 1 < fullIndex.length && fullIndex[cursor + 1]! <= index) cursor++;
      const from = Math.max(0, cursor - WINDOW + 1);
      const to = Math.min(fullWidth.length, cursor + WINDOW + 1);
      const window = fullWidth.slice(from, to).sort((a, b) => a - b);
      return window[window.length >> 1]!;
    },
  };
}
