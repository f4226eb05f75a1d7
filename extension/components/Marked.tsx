// Text with some stretches marked (a search match): each stretch becomes a <mark>, and the text
// stays text. The offsets come from the server, so they are checked, not trusted.

import type { SearchSnippet } from '../../shared/src/schemas';

/** [start, end) offsets into a string, in UTF-16 code units as JavaScript counts them. */
export type MarkRange = SearchSnippet['marks'][number];

export interface Segment {
  text: string;
  marked: boolean;
}

/** Cuts `text` at the marks: ranges out of bounds are clipped, touching or overlapping ones merged, empty ones dropped. */
export function markedSegments(text: string, marks: readonly MarkRange[]): Segment[] {
  const ranges = marks
    .map(([start, end]) => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))] as MarkRange)
    .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end) && end > start)
    .sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let position = 0;
  for (const [start, end] of ranges) {
    if (end <= position) continue;
    const from = Math.max(start, position);
    const last = segments.at(-1);
    if (from > position) segments.push({ text: text.slice(position, from), marked: false });
    else if (last?.marked) {
      // Touching or overlapping the mark before: one mark.
      last.text += text.slice(from, end);
      position = end;
      continue;
    }
    segments.push({ text: text.slice(from, end), marked: true });
    position = end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), marked: false });
  return segments;
}

export function Marked({ text, marks }: { text: string; marks: readonly MarkRange[] }) {
  return (
    <>
      {markedSegments(text, marks).map((segment, index) => (segment.marked ? <mark key={index}>{segment.text}</mark> : segment.text))}
    </>
  );
}

/** Where the words of a search query occur in `text`, ignoring case: for marking a title the server did not mark. */
export function queryMarks(text: string, query: string): MarkRange[] {
  const terms = query.split(/\s+/).filter(Boolean).map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (terms.length === 0) return [];
  return [...text.matchAll(new RegExp(terms.join('|'), 'giu'))].map((match) => [match.index, match.index + match[0].length]);
}
