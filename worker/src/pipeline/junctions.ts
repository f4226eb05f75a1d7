// Evidence that text runs on across a line break: the two characters on either side of the
// break also stand side by side somewhere else on the page (招商引 | 资 → 招商引资).
import type { Line } from './clean';
import { isOneOf } from './text';

const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

export class Junctions {
  constructor(private readonly lines: Line[]) {}

  /** True when the last character of `left` and the first of `right` also stand together inside a line. */
  runsOn(left: string, right: string): boolean {
    const a = left.charCodeAt(left.length - 1);
    const b = right.charCodeAt(0);
    if (!isHan(a) || !isHan(b)) return false;
    // Inside one line: the break being asked about never matches itself.
    const pair = left[left.length - 1]! + right[0]!;
    return this.lines.some((line) => line.text.includes(pair));
  }
}

const OPENERS = '“‘「『（(《【';
const CLOSERS = '”’」』）)》】';

/**
 * Quotes and brackets all closed: a headline is whole, a line cut from a paragraph often is not.
 * Several lines are read as one text, in order.
 */
export function bracketsBalanced(text: string | readonly string[]): boolean {
  let depth = 0;
  for (const piece of typeof text === 'string' ? [text] : text) {
    for (let i = 0; i < piece.length; i++) {
      const code = piece.charCodeAt(i);
      if (isOneOf(code, OPENERS)) depth++;
      else if (isOneOf(code, CLOSERS) && --depth < 0) return false;
    }
  }
  return depth === 0;
}
