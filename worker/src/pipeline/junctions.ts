// Evidence that text runs on across a line break: the two characters on either side of the
// break also stand side by side somewhere else on the page (招商引 | 资 → 招商引资).
import type { Line } from './clean';
import { IntMap } from './int-map';
import { HAN_INDEXES, hanIndex } from './text';

const isHan = (code: number) => hanIndex(code) >= 0;

/** Questions a page may ask before its pairs are indexed: a plain search is cheaper for a few. */
const FEW_QUESTIONS = 8;

export class Junctions {
  private asked = 0;
  private pairs: IntMap | undefined;

  constructor(private readonly lines: Line[]) {}

  /** True when the last character of `left` and the first of `right` also stand together inside a line. */
  runsOn(left: string, right: string): boolean {
    const a = left.charCodeAt(left.length - 1);
    const b = right.charCodeAt(0);
    if (!isHan(a) || !isHan(b)) return false;
    // Inside one line, so the break being asked about never matches itself. A page asks a few
    // times, and a search line by line answers that cheapest; a long page asks often, and then
    // an index of the Han pairs in its lines, made once, keeps the work in proportion to the page.
    if (++this.asked <= FEW_QUESTIONS) {
      const pair = String.fromCharCode(a, b);
      return this.lines.some((line) => line.text.includes(pair));
    }
    this.pairs ??= hanPairs(this.lines);
    return this.pairs.get(pairKey(a, b)) >= 0;
  }
}

/** Every two Han characters standing together inside a line, by `pairKey` (the value says nothing). */
function hanPairs(lines: Line[]): IntMap {
  let characters = 0;
  for (const { text } of lines) characters += text.length;
  const pairs = new IntMap(characters);
  for (const { text } of lines) {
    for (let i = 1; i < text.length; i++) {
      const a = text.charCodeAt(i - 1);
      const b = text.charCodeAt(i);
      if (isHan(a) && isHan(b)) pairs.set(pairKey(a, b), 1);
    }
  }
  return pairs;
}

const pairKey = (a: number, b: number) => hanIndex(a) * HAN_INDEXES + hanIndex(b);

/**
 * Quotes and brackets all closed: a headline is whole, a line cut from a paragraph often is not.
 * Several lines are read as one text, in order.
 */
export function bracketsBalanced(text: string | readonly string[]): boolean {
  let depth = 0;
  for (const piece of typeof text === 'string' ? [text] : text) {
    for (let i = 0; i < piece.length; i++) {
      depth += bracketStep(piece.charCodeAt(i));
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}

/** The text closes a quote or bracket it did not open: it goes on from a line above (…（深入学习贯 / 彻…思想）). */
export function closesUnopened(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    depth += bracketStep(text.charCodeAt(i));
    if (depth < 0) return true;
  }
  return false;
}

/** +1 for an opening quote or bracket, -1 for a closing one, 0 for anything else. */
function bracketStep(code: number): number {
  switch (code) {
    case 0x201c: // “
    case 0x2018: // ‘
    case 0x300c: // 「
    case 0x300e: // 『
    case 0xff08: // （
    case 0x28: // (
    case 0x300a: // 《
    case 0x3010: // 【
      return 1;
    case 0x201d: // ”
    case 0x2019: // ’
    case 0x300d: // 」
    case 0x300f: // 』
    case 0xff09: // ）
    case 0x29: // )
    case 0x300b: // 》
    case 0x3011: // 】
      return -1;
    default:
      return 0;
  }
}
