// Character-level helpers shared by the pipeline stages.

/** Han ideographs (CJK unified, extension A, compatibility). */
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/** CJK punctuation, full-width forms and the curly quotes Chinese text uses. */
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026\\u00b7';
const CJK = HAN + CJK_PUNCT;

const SPACES = '[ \\t\\u00a0\\u3000]+';
/** A run of spaces with a CJK character on at least one side: justification or layout noise. */
const CJK_SPACE_BEFORE = new RegExp(`(?<=[${CJK}])${SPACES}`, 'g');
const CJK_SPACE_AFTER = new RegExp(`${SPACES}(?=[${CJK}])`, 'g');
const HAN_CHAR = new RegExp(`[${HAN}]`);
const HAN_PAIR_SPACED = new RegExp(`[${HAN}] (?=[${HAN}])`, 'g');

export function isHan(ch: string): boolean {
  return HAN_CHAR.test(ch);
}

/** Removes spaces next to CJK characters (`工 业 增 加 值`, `7 月 30 日`); keeps spaces between Latin words. */
export function collapseSpaces(line: string): string {
  return line.replace(CJK_SPACE_BEFORE, '').replace(CJK_SPACE_AFTER, '').replace(/[ \t\u00a0]{2,}/g, ' ').trim();
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
  return raw.match(HAN_PAIR_SPACED)?.length ?? 0;
}

// A sentence end, its closing quotes, and a short closing credit such as （记者 赵成）.
const FINISHED = /(?:[。！？!?…]|\.(?<![A-Z]\.)|\.{3})[”’」』）)\]"'》]*(?:[（(][^（）()]{1,24}[）)])?$/;

/** True when the text ends a sentence (so a line break after it may end a paragraph). */
const SENTENCE_TAIL = new Set('。！？!?…”’」』）)]"\'》.');

export function endsSentence(text: string): boolean {
  // Most lines end mid-sentence: a look at the last character settles them without a regex.
  if (!SENTENCE_TAIL.has(text[text.length - 1] ?? '')) return false;
  // Only the tail matters; testing it alone keeps long paragraphs linear.
  return FINISHED.test(text.length > 48 ? text.slice(-48) : text);
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
  dropHyphen: boolean;
  separator: '' | ' ';
}

/** The joint between a line and the next: decided by the characters at the break alone. */
export function lineJoint(left: string, right: string): Joint {
  const last = left[left.length - 1] ?? '';
  const first = right[0] ?? '';
  if (last === '-' && /[A-Za-z]/.test(left[left.length - 2] ?? '') && /[a-z]/.test(first)) return { dropHyphen: true, separator: '' };
  if (isHan(last) || isHan(first) || /[\u3000-\u303f\uff00-\uffef“”‘’]/.test(last + first)) return { dropHyphen: false, separator: '' };
  return { dropHyphen: false, separator: ' ' };
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

  /** The paragraph so far, emptying the builder. */
  take(): string {
    const text = this.pieces.join('');
    this.pieces = [];
    this.lastLine = '';
    return text;
  }
}
