// Evidence that text runs on across a line break: the two characters on either side of the
// break also stand side by side somewhere else on the page (招商引 | 资 → 招商引资).
import type { Line } from './clean';

const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

export class Junctions {
  private page: string | undefined;

  constructor(private readonly lines: Line[]) {}

  /** True when the last character of `left` and the first of `right` also stand together inside a line. */
  runsOn(left: string, right: string): boolean {
    const a = left.charCodeAt(left.length - 1);
    const b = right.charCodeAt(0);
    if (!isHan(a) || !isHan(b)) return false;
    // Lines joined by newlines: the break being asked about never matches itself.
    this.page ??= this.lines.map((line) => line.text).join('\n');
    return this.page.includes(left[left.length - 1]! + right[0]!);
  }
}

const OPENERS = '“‘「『（(《【';
const CLOSERS = '”’」』）)》】';

/** Quotes and brackets all closed: a headline is whole, a line cut from a paragraph often is not. */
export function bracketsBalanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}
