// Character-level helpers shared by the pipeline stages.

/** Han ideographs (CJK unified, extension A, compatibility). */
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const HAN_CHAR = new RegExp(`[${HAN}]`);

export function isHan(ch: string): boolean {
  return HAN_CHAR.test(ch);
}

/** The code-unit form of HAN, for scans that look at one character at a time. */
export function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/**
 * A CJK code unit's place among U+3400–U+9FFF and then U+F900–U+FAFF, numbered from 0 without the
 * gap between them, or -1. Two of them pack into one key below 2^30 (`first * HAN_INDEXES + second`),
 * a small integer V8 keeps unboxed and hashes fast. (The span holds the Yijing hexagrams, U+4DC0–U+4DFF,
 * which `isHanCode` leaves out: a caller that counts only Han asks `isHanCode` first.)
 */
export function hanIndex(code: number): number {
  if (code >= 0x3400 && code <= 0x9fff) return code - 0x3400;
  if (code >= 0xf900 && code <= 0xfaff) return code - 0xf900 + HAN_MAIN_SPAN;
  return -1;
}
const HAN_MAIN_SPAN = 0x9fff - 0x3400 + 1;
export const HAN_INDEXES = HAN_MAIN_SPAN + (0xfaff - 0xf900 + 1);

/** A set of characters, by code unit: asking it makes no one-character strings. */
export type CharSet = ReadonlySet<number>;

/** The set of the (single code unit) characters in `chars`. */
export function charSet(chars: string): CharSet {
  return new Set(Array.from(chars, (ch) => ch.charCodeAt(0)));
}

/** True when the text's first character is in the set: a cheap gate before a pattern. */
export function startsWithOneOf(text: string, chars: CharSet): boolean {
  return chars.has(text.charCodeAt(0));
}

/** True when the text's last character is in the set. */
export function endsWithOneOf(text: string, chars: CharSet): boolean {
  return chars.has(text.charCodeAt(text.length - 1));
}

/** Han, CJK punctuation and full-width forms: characters only CJK text uses. */
function isCjkCode(code: number): boolean {
  if (isHanCode(code)) return true;
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef);
}

/**
 * Marks both scripts use: curly quotes, the em dash, the ellipsis and the middle dot. Chinese text
 * sets them without spaces; English puts spaces around `·` and `—` ("Staff Writer · Published").
 */
function isSharedMarkCode(code: number): boolean {
  return code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d || code === 0x2014 || code === 0x2026 || code === 0x00b7;
}

/** How far past a shared mark to look: the longest runs are `——` and `……` with a space either side. */
const MARK_RUN_LOOKAHEAD = 8;

/**
 * True when the character at `at` makes a space beside it Chinese spacing: a CJK character, or a
 * shared mark whose text beyond it (across more marks and spaces, in direction `step`) is CJK.
 */
function isCjkSide(line: string, at: number, step: 1 | -1): boolean {
  for (let i = at, seen = 0; i >= 0 && i < line.length && seen < MARK_RUN_LOOKAHEAD; i += step, seen++) {
    const code = line.charCodeAt(i);
    if (isCjkCode(code)) return true;
    if (!isSharedMarkCode(code) && !isSpaceCode(code)) return false;
  }
  return false;
}

/** Space, tab, no-break space and ideographic space: the spacing PDF justification adds. */
function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000;
}

/**
 * Removes spaces next to CJK characters (`工 业 增 加 值`, `7 月 30 日`); keeps spaces between Latin words
 * and around the marks English shares with Chinese (`·`, `—`, quotes) when no CJK text is beyond them.
 * Each run of spaces is decided by the characters on either side of it: next to a CJK character it
 * goes; between other characters it becomes one space (an ideographic space if it holds one), and
 * a single space, tab or no-break space stays as it is.
 */
export function collapseSpaces(line: string): string {
  let collapsed = '';
  let keptFrom = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (!isSpaceCode(code)) continue;
    let end = i + 1;
    let ideographic = code === 0x3000;
    while (end < line.length && isSpaceCode(line.charCodeAt(end))) {
      if (line.charCodeAt(end) === 0x3000) ideographic = true;
      end++;
    }
    const nextToCjk = (i > 0 && isCjkSide(line, i - 1, -1)) || (end < line.length && isCjkSide(line, end, 1));
    const replacement = nextToCjk ? '' : ideographic ? '\u3000' : end - i >= 2 ? ' ' : undefined;
    if (replacement !== undefined) {
      collapsed += line.slice(keptFrom, i) + replacement;
      keptFrom = end;
    }
    i = end - 1;
  }
  return (keptFrom === 0 ? line : collapsed + line.slice(keptFrom)).trim();
}

/** Printed width in em: CJK and full-width characters take 1, everything else ½. Spaces count 0. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 0x3000) continue;
    if (code >= 0xdc00 && code <= 0xdfff) continue; // low surrogate: counted with its pair
    width += code >= 0x2e80 || (code >= 0x2014 && code <= 0x201d) || code === 0x2026 ? 1 : 0.5;
  }
  return width;
}

/** Number of single spaces between two Han characters: many of them mean a justified (full) line. */
export function justifiedGaps(raw: string): number {
  let gaps = 0;
  for (let i = 1; i + 1 < raw.length; i++) {
    if (raw.charCodeAt(i) === 0x20 && isHanCode(raw.charCodeAt(i - 1)) && isHanCode(raw.charCodeAt(i + 1))) gaps++;
  }
  return gaps;
}

// A sentence ends on a full stop, then maybe closing quotes and brackets, then maybe a short
// closing credit such as （记者 赵成）. A dot after a capital is an abbreviation (U.S.), not a stop.
const FULL_STOP_CHARS = '。！？!?…';
const CLOSING_MARK_CHARS = '”’」』）)]"\'》';
const FULL_STOPS = charSet(FULL_STOP_CHARS);
const CLOSING_MARKS = charSet(CLOSING_MARK_CHARS);
/** Every character a finished text can end with. */
const SENTENCE_TAIL = charSet(FULL_STOP_CHARS + CLOSING_MARK_CHARS + '.');
const OPENING_BRACKETS = charSet('（(');
const CLOSING_BRACKETS = charSet('）)');
/** Only the tail matters: looking at no more than this keeps long paragraphs linear. */
const TAIL_LENGTH = 48;
/** Longest closing credit in brackets after a finished sentence (（记者 赵成）): set by hand, no recorded evidence. */
const MAX_CREDIT_LENGTH = 24;

/** True when the text ends a sentence (so a line break after it may end a paragraph). */
export function endsSentence(text: string): boolean {
  // Most lines end mid-sentence: a look at the last character settles them.
  if (!endsWithOneOf(text, SENTENCE_TAIL)) return false;
  const from = Math.max(0, text.length - TAIL_LENGTH);
  if (stopBefore(text, text.length, from)) return true;
  const credit = closingCreditStart(text, from);
  return credit >= 0 && stopBefore(text, credit, from);
}

/** True when the text before `end`, less closing quotes and brackets, ends on a full stop. */
function stopBefore(text: string, end: number, from: number): boolean {
  let last = end - 1;
  while (last >= from && CLOSING_MARKS.has(text.charCodeAt(last))) last--;
  if (last < from) return false;
  const code = text.charCodeAt(last);
  if (FULL_STOPS.has(code)) return true;
  if (code !== 0x2e) return false;
  // A dot, unless it follows a capital letter (within the tail looked at).
  const before = last > from ? text.charCodeAt(last - 1) : NaN;
  return !(before >= 0x41 && before <= 0x5a);
}

/** Where a bracketed closing credit of 1 to 24 characters opens, at the end of the text; -1 if there is none. */
function closingCreditStart(text: string, from: number): number {
  if (!endsWithOneOf(text, CLOSING_BRACKETS)) return -1;
  const lowest = Math.max(from, text.length - 2 - MAX_CREDIT_LENGTH);
  for (let i = text.length - 2; i >= lowest; i--) {
    const code = text.charCodeAt(i);
    if (OPENING_BRACKETS.has(code)) return i < text.length - 2 ? i : -1;
    if (CLOSING_BRACKETS.has(code)) return -1;
  }
  return -1;
}

/** True when the text holds a Chinese script character. */
export function hasHan(text: string): boolean {
  return HAN_CHAR.test(text);
}

/**
 * How two lines join inside one paragraph: Chinese joins directly, Latin text with a space,
 * and a word hyphenated across the break loses its hyphen.
 */
export function joinLines(left: string, right: string): string {
  if (!left) return right;
  if (!right) return left;
  const joint = lineJoint(left, right);
  return (joint.dropHyphen ? left.slice(0, -1) : left) + joint.separator + right;
}

export interface Joint {
  readonly dropHyphen: boolean;
  readonly separator: '' | ' ';
}

const HYPHENATED: Joint = { dropHyphen: true, separator: '' };
const DIRECT: Joint = { dropHyphen: false, separator: '' };
const SPACED: Joint = { dropHyphen: false, separator: ' ' };

/** The joint between a line and the next: decided by the characters at the break alone. */
export function lineJoint(left: string, right: string): Joint {
  // By code unit, as each paragraph line is joined: no one-character strings, no regexes.
  const last = left.charCodeAt(left.length - 1);
  const first = right.charCodeAt(0);
  if (last === 0x2d && isLatinLetter(left.charCodeAt(left.length - 2)) && first >= 0x61 && first <= 0x7a) return HYPHENATED;
  if (isHanCode(last) || isHanCode(first) || joinsDirectly(last) || joinsDirectly(first)) return DIRECT;
  return SPACED;
}

function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** CJK punctuation, full-width forms and curly quotes: Chinese text runs on across them without a space. */
function joinsDirectly(code: number): boolean {
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) || code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019;
}

/**
 * Builds a paragraph line by line. Appending to one growing string and reading its end again
 * would cost time in proportion to its length at every line; this keeps the pieces apart.
 */
export class ParagraphBuilder {
  private pieces: string[] = [];
  private lastLine = '';

  add(line: string): void {
    if (!line) return;
    if (this.pieces.length === 0) {
      this.pieces.push(line);
    } else {
      const joint = lineJoint(this.lastLine, line);
      if (joint.dropHyphen) this.pieces[this.pieces.length - 1] = this.pieces[this.pieces.length - 1]!.slice(0, -1);
      this.pieces.push(joint.separator + line);
    }
    this.lastLine = line;
  }

  get empty(): boolean {
    return this.pieces.length === 0;
  }

  /** The paragraph so far, left in the builder. */
  peek(): string {
    return this.pieces.join('');
  }

  /** The paragraph so far, emptying the builder. */
  take(): string {
    const text = this.pieces.join('');
    this.pieces = [];
    this.lastLine = '';
    return text;
  }
}
