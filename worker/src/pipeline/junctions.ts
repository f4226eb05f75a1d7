// Evidence that text runs on across a line break: the two characters on either side of the
// break also stand side by side somewhere else on the page (招商引 | 资 → 招商引资).
import type { Line } from './clean';

const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

/** Questions a page may ask before its pairs are indexed: a plain search is cheaper for a few. */
const FEW_QUESTIONS = 8;

export class Junctions {
  private asked = 0;
  private pairs: HanPairs | undefined;

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
    this.pairs ??= new HanPairs(this.lines);
    return this.pairs.has(pairKey(a, b));
  }
}

/**
 * Every two Han characters standing together inside a line, by `pairKey`: an open-addressing table
 * in one typed array, a slot holding key + 1 (0: empty). A page holds thousands of pairs, and a
 * hash set of them cost more than all the questions asked of it.
 */
class HanPairs {
  private readonly slots: Int32Array;
  private readonly shift: number;

  constructor(lines: Line[]) {
    let characters = 0;
    for (const { text } of lines) characters += text.length;
    // (At most one pair per character: the table stays at most half full.)
    let bits = 6;
    while (1 << bits < characters * 2) bits++;
    this.slots = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    for (const { text } of lines) {
      for (let i = 1; i < text.length; i++) {
        const a = text.charCodeAt(i - 1);
        const b = text.charCodeAt(i);
        if (!isHan(a) || !isHan(b)) continue;
        const key = pairKey(a, b);
        this.slots[this.slotOf(key)] = key + 1;
      }
    }
  }

  has(key: number): boolean {
    return this.slots[this.slotOf(key)] === key + 1;
  }

  /** The key's slot: where it is, or the empty one where it goes. */
  private slotOf(key: number): number {
    const { slots } = this;
    const mask = slots.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const held = slots[slot]!;
      if (held === 0 || held === key + 1) return slot;
    }
  }
}

// Han characters numbered from 0 without the gap between the two blocks, so a pair's key stays
// a small integer (quick to hash).
const hanNumber = (code: number) => (code >= 0xf900 ? code - 0xf900 + 0x6c00 : code - 0x3400);
const pairKey = (a: number, b: number) => hanNumber(a) * 0x7000 + hanNumber(b);

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
