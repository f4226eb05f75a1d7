// Sentence splitting for Chinese (Simplified and Traditional) and English text.
// One left-to-right scan, no backtracking regex: linear in the input.
// Every returned sentence is a verbatim slice of the input, trimmed of surrounding whitespace;
// nothing but whitespace between sentences is dropped.

/** Full-width terminators 。！？｡ always end a sentence (with any closing quotes or brackets after them). */
function isCjkTerminator(code: number): boolean {
  return code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0xff61;
}

/** Closers stay with the sentence they close: `他说：“好。”` is one sentence. */
export function isCloser(code: number): boolean {
  switch (code) {
    case 0x201d: // ”
    case 0x2019: // ’
    case 0x300d: // 」
    case 0x300f: // 』
    case 0xff09: // ）
    case 0x29: // )
    case 0x300b: // 》
    case 0x3011: // 】
    case 0x3015: // 〕
    case 0x22: // "
    case 0x27: // '
    case 0xff3d: // ］
    case 0x5d: // ]
      return true;
    default:
      return false;
  }
}

const FULL_STOP = 0x2e;
const EXCLAMATION = 0x21;
const QUESTION = 0x3f;
const NEWLINE = 0x0a;

/** Abbreviations that stand before a number (`No. 10`, `Vol. 2`): not a sentence end only when one follows. */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'vol', 'pp', 'fig', 'art', 'ch', 'sec']);
/** Words before a period that do not end an English sentence. Lowercased, without the period. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'vs', 'etc', 'e.g', 'i.e', 'cf', 'al',
  'u.s', 'u.k', 'u.n', 'e.u', 'inc', 'ltd', 'co', 'corp', 'gen', 'gov', 'sen', 'rep', 'col', 'lt', 'sgt', 'capt',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'a.m', 'p.m', 'approx', 'dept', 'est', 'univ',
]);

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0' || ch === '\r';
}

function isHan(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd840 && code <= 0xd87f);
}

function isUpperOrDigitStart(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{Lu}\p{N}"'“‘(\[]/u.test(ch);
}

/** The word that ends at `end` (exclusive), lowercased, e.g. `u.s` before the last period of `U.S.`. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && /[\p{L}.]/u.test(text[start - 1]!)) start--;
  return text.slice(start, end).toLowerCase();
}

/** Whether the ASCII `.`, `!` or `?` at `at` ends a sentence; `next` is the index after its run of marks and closers. */
function asciiStopEnds(text: string, at: number, next: number): boolean {
  const mark = text[at]!;
  const following = text[next];
  if (following === undefined || following === '\n') return true;
  if (mark !== '.' && isHan(following)) return true; // `太好了!我们` ends; `YES!IC` does not
  if (!isSpace(following)) return false; // `3.14`, `example.com`, `5.日常`
  if (mark !== '.') return true;
  const word = wordBefore(text, at);
  if (ABBREVIATIONS.has(word)) return false;
  if (/^\p{Lu}$/u.test(text.slice(at - 1, at)) && word.length === 1) return false; // an initial: `J. K. Rowling`
  let after = next;
  while (isSpace(text[after])) after++;
  if (NUMBER_ABBREVIATIONS.has(word) && /[0-9]/.test(text[after] ?? '')) return false;
  return text[after] === undefined || isUpperOrDigitStart(text[after]) || isHan(text[after]);
}

/** What `String.prototype.trim` removes: ECMAScript white space and line terminators. */
function isTrimmedSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * Where each sentence of `text` starts and ends (exclusive), flattened as [start, end, start, end, ...]:
 * the sentences of `splitSentences` without building their strings, so callers can find them in a longer text.
 */
export function sentenceSpans(text: string): number[] {
  const spans: number[] = [];
  let start = 0;
  // Jump from one line break or terminator to the next: the regex engine scans far faster than a loop here.
  // One shared regex, restarted here: nothing in the loop calls back into this function.
  const marks = SENTENCE_MARKS;
  marks.lastIndex = 0;
  while (marks.test(text)) {
    const i = marks.lastIndex - 1;
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      pushTrimmed(text, spans, start, i + 1);
      start = i + 1;
      continue;
    }
    const cjk = isCjkTerminator(code);
    // Runs of terminators (`？！`, `...`) and the closers after them stay with this sentence.
    let next = i + 1;
    for (let c = text.charCodeAt(next); isCjkTerminator(c) || c === EXCLAMATION || c === QUESTION; c = text.charCodeAt(++next));
    if (code === FULL_STOP) while (text.charCodeAt(next) === FULL_STOP) next++;
    while (next < text.length && isCloser(text.charCodeAt(next))) next++;
    if (cjk || asciiStopEnds(text, i, next)) {
      pushTrimmed(text, spans, start, next);
      start = next;
    }
    marks.lastIndex = next;
  }
  pushTrimmed(text, spans, start, text.length);
  return spans;
}

/** Adds text[start, end) to `spans`, trimmed of white space at both ends, unless nothing is left. */
function pushTrimmed(text: string, spans: number[], start: number, end: number): void {
  let from = start;
  let to = end;
  while (from < to && isTrimmedSpace(text.charCodeAt(from))) from++;
  while (to > from && isTrimmedSpace(text.charCodeAt(to - 1))) to--;
  if (to > from) spans.push(from, to);
}

/** A line break, or a mark that may end a sentence. */
const SENTENCE_MARKS = /[\n。！？｡.!?]/g;

/** Splits text into sentences; line breaks always end a sentence. */
export function splitSentences(text: string): string[] {
  const spans = sentenceSpans(text);
  const sentences: string[] = [];
  for (let k = 0; k < spans.length; k += 2) sentences.push(text.slice(spans[k], spans[k + 1]));
  return sentences;
}
