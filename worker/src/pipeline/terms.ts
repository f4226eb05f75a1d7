// The units the summarizer and keyword extractor count, and the cheap tables they count them in:
// Han character bigrams for Chinese (no word segmenter), stemmed words for English.
// `articleTerms` numbers an article's bigrams once, for both stages to read.

import { HAN_INDEXES, hanIndex, isHanCode } from './text';

const HAN_LANGUAGES = new Set(['zh', 'cmn', 'yue', 'lzh', 'ja']);

/**
 * Whether to count Han character bigrams and measure length in characters (Chinese, and Japanese, whose
 * kanji pair up alike) rather than words. The text decides, the language label breaks the tie: a text
 * labelled 'zh' ('zh-TW', 'zh-Hant'...), 'ja' or undetermined needs Han characters at least a third as
 * many as Latin letters; a text labelled with another language needs three times as many.
 */
export function usesHanUnits(lang: string, text: string): boolean {
  const leading = text.length > LEADING_CHARS ? text.slice(0, LEADING_CHARS) : text;
  // Without Latin letters any Han character decides, and the regex engine finds both far faster than a loop.
  if (!ASCII_LETTER.test(leading)) return HAN_CHARACTER.test(leading);
  let han = 0;
  let latin = 0;
  const end = Math.min(text.length, LEADING_CHARS);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isHanCode(code)) han++;
    else if (isAsciiLetter(code)) latin++;
  }
  return hanUnitsFor(lang, han, latin);
}

/** `usesHanUnits` reads the script of this many characters at the start of the text: set by hand, no recorded evidence. */
const LEADING_CHARS = 1000;
/** How many times as many the script the label names needs, against the other (see `usesHanUnits`): set by hand, no recorded evidence. */
const SCRIPT_RATIO = 3;

const ASCII_LETTER = /[A-Za-z]/;
/** The characters of `isHanCode`. */
const HAN_CHARACTER = /[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]/;

function isAsciiLetter(code: number): boolean {
  return (code | 32) >= 97 && (code | 32) <= 122;
}

/** `usesHanUnits` from the counts of Han characters and Latin letters at the start of the text. */
function hanUnitsFor(lang: string, han: number, latin: number): boolean {
  if (han === 0) return false;
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  const labelledHan = HAN_LANGUAGES.has(primary) || primary === '' || primary === 'und' || primary === 'mul';
  return labelledHan ? han * SCRIPT_RATIO >= latin : han >= latin * SCRIPT_RATIO;
}

/**
 * Bigrams of adjacent Han characters in `text`, each packed as `first * HAN_INDEXES + second` by
 * their `hanIndex`es: below 2^30, so V8 keeps them small integers (no heap number per bigram, and
 * a set of them hashes fast).
 */
export function hanBigrams(text: string): number[] {
  const bigrams: number[] = [];
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHanCode(code)) {
      const han = hanIndex(code);
      if (previous >= 0) bigrams.push(previous * HAN_INDEXES + han);
      previous = han;
    } else {
      previous = -1;
    }
  }
  return bigrams;
}

/** The share of `text`'s Han bigrams that are in `printed` (0 when it has none): how much of a headline a text repeats. */
export function bigramShare(text: string, printed: ReadonlySet<number>): number {
  const bigrams = hanBigrams(text);
  if (bigrams.length === 0) return 0;
  return bigrams.filter((bigram) => printed.has(bigram)).length / bigrams.length;
}

/** Common English words that carry no topic, lowercased. */
export const ENGLISH_STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how ' +
    'i if in into is it its itself just may me might more most must my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own said same says she should so some such than that the their theirs them themselves then there these they ' +
    'this those through to too under until up upon us very was we were what when where which while who whom why will with would you ' +
    'your yours yourself yourselves one two new like get got make made many much even still yet however since though although ' +
    'according told tell year years time people mr mrs ms percent per cent last first next week day days'
  ).split(' '),
);

export interface WordToken {
  /** The word as written. */
  text: string;
  /** Lowercased, with a plural or possessive `s` removed, so `Rates` and `rate` count together. */
  key: string;
  start: number;
  end: number;
}

/** Words of Latin-script (or other alphabetic) text, with their positions. */
export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)) {
    const word = match[0];
    tokens.push({ text: word, key: wordKey(word), start: match.index, end: match.index + word.length });
  }
  return tokens;
}

/** Words of this many letters or fewer keep a final s (gas, bus, yes): set by hand, no recorded evidence. */
const MAX_UNSTEMMED_LENGTH = 3;

export function wordKey(word: string): string {
  let key = word.toLowerCase().replace(/['’]s$/, '');
  if (key.length > MAX_UNSTEMMED_LENGTH && key.endsWith('s') && !key.endsWith('ss') && !key.endsWith('us') && !key.endsWith('is')) {
    key = key.endsWith('ies') ? `${key.slice(0, -3)}y` : key.slice(0, -1);
  }
  return key;
}

/**
 * A reusable integer array for one purpose in the per-article tables of the summarizer and the keyword
 * extractor. Allocating fresh arrays for every article cost more than the counting itself, so each purpose
 * keeps one array between calls. Callers initialize what they read, use it only within one synchronous
 * call, and never hand it out, so results still depend only on the input. Very large arrays are not kept.
 */
export class ScratchInts {
  private kept = new Int32Array(256);

  /** At least `length` elements, with unspecified contents. */
  get(length: number): Int32Array {
    if (this.kept.length >= length) return this.kept;
    const array = new Int32Array(Math.max(length, Math.min(this.kept.length * 2, MAX_RETAINED_LENGTH)));
    if (array.length <= MAX_RETAINED_LENGTH) this.kept = array;
    return array;
  }

  /** At least `length` elements, the first `length` set to `value`. */
  filled(length: number, value: number): Int32Array {
    const array = this.get(length);
    array.fill(value, 0, length);
    return array;
  }
}

const MAX_RETAINED_LENGTH = 1 << 18;

let pairGeneration = 0;
const PAIR_SLOTS = new ScratchInts();

/**
 * Dense ids for pairs of non-negative integers (two characters, or an id and a character), in an
 * open-addressing hash table over one scratch array: far cheaper per lookup than a Map with numeric keys.
 * Each slot holds [stamp, first, second, id] side by side, so a probe reads one cache line. A slot belongs
 * to the current table when its stamp is the current generation, so starting a new table clears nothing.
 * Only one table may be in use at a time (each caller finishes one before starting the next).
 * `capacity` is the most pairs that will ever be added (e.g. the text length).
 */
export class PairIds {
  private readonly slots: Int32Array;
  private readonly generation: number;
  private readonly mask: number;
  size = 0;

  constructor(capacity: number) {
    let slots = 64;
    while (slots < capacity * 2) slots *= 2;
    this.slots = PAIR_SLOTS.get(slots * 4);
    pairGeneration = pairGeneration >= 0x3fffffff ? 1 : pairGeneration + 1;
    if (pairGeneration === 1) this.slots.fill(0);
    this.generation = pairGeneration;
    this.mask = slots - 1;
  }

  /** The pair's id, adding it with the next id when new. */
  idOf(first: number, second: number): number {
    let hash = Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
    let slot = (hash ^ (hash >>> 13)) & this.mask;
    const table = this.slots;
    while (true) {
      const at = slot << 2;
      if (table[at] !== this.generation) {
        table[at] = this.generation;
        table[at + 1] = first;
        table[at + 2] = second;
        table[at + 3] = this.size;
        return this.size++;
      }
      if (table[at + 1] === first && table[at + 2] === second) return table[at + 3]!;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** Only the start of a very long article is analysed: it bounds time and memory on pathological input (bounds set by hand, no recorded evidence). */
export const MAX_ANALYSED_CHARS = 30_000;
export const MAX_TITLE_CHARS = 1000;

/** Runs of Han characters of one length: an id per distinct run, how often it occurs, and where first. */
export interface RunCounts {
  /** Id of the run starting at each position of the text, or -1. Ids count up in order of first occurrence. */
  at: Int32Array;
  count: Int32Array;
  first: Int32Array;
  /** The next position where the same run starts, or -1: the occurrences of each run as a chain from `first`. */
  next: Int32Array;
  /** The number of distinct runs. */
  size: number;
  /** The positions where a run starts, in order (the first `positionCount`): the positions worth visiting again. */
  positions: Int32Array;
  positionCount: number;
  /** Ids of the runs that occur at least twice, ascending: the only ones worth ranking. */
  repeated: number[];
}

/** Empty `RunCounts` over the given tables, each at least as long as the text; `at` filled with -1. */
export function emptyRuns(at: Int32Array, count: Int32Array, first: Int32Array, next: Int32Array, positions: Int32Array): RunCounts {
  return { at, count, first, next, size: 0, positions, positionCount: 0, repeated: [] };
}

/**
 * Records run `id` at `position`; positions come in increasing order and ids are numbered from 0 in order of
 * first occurrence. `latest` (scratch) holds the last position of each run so far, to extend its chain.
 */
export function addRun(runs: RunCounts, latest: Int32Array, id: number, position: number): void {
  if (id === runs.size) {
    runs.size++;
    runs.count[id] = 1;
    runs.first[id] = position;
  } else {
    runs.count[id]!++;
    runs.next[latest[id]!] = position;
  }
  latest[id] = position;
  runs.next[position] = -1;
  runs.at[position] = id;
  runs.positions[runs.positionCount++] = position;
}

/** Lists the runs that occur at least twice, once all are added. */
export function findRepeatedRuns(runs: RunCounts): void {
  for (let id = 0; id < runs.size; id++) if (runs.count[id]! >= 2) runs.repeated.push(id);
}

/** Where each occurrence of run `id` starts, in order. */
export function occurrencesOf(runs: RunCounts, id: number): number[] {
  const found: number[] = [];
  for (let i = runs.first[id]!; i >= 0; i = runs.next[i]!) found.push(i);
  return found;
}

/**
 * One article as the summarizer and the keyword extractor both read it, with its Han bigrams numbered once:
 * the costliest step of each, done once when the caller passes it to both.
 */
export interface ArticleTerms {
  /** The title (its first 1,000 characters), a line break, then the analysed paragraphs joined by line breaks. */
  text: string;
  titleLength: number;
  /** The paragraphs up to the analysis limit, the last one cut short if needed. */
  paragraphs: string[];
  /** Where each of `paragraphs` starts in `text`. */
  paragraphStarts: number[];
  /** Bigrams of adjacent Han characters in `text`. */
  bigrams: RunCounts;
  /** Han characters and Latin letters among the first 1,000 characters of `text`, for `usesHanUnits`. */
  leadingHan: number;
  leadingLatin: number;
  /** Latin letters (A-Z, a-z) in all of `text`. */
  latinLetters: number;
}

/** `usesHanUnits(lang, terms.text)`, from the counts taken with the bigrams. */
export function articleUsesHanUnits(terms: ArticleTerms, lang: string): boolean {
  return hanUnitsFor(lang, terms.leadingHan, terms.leadingLatin);
}

/** The last position of each bigram while `articleTerms` chains their occurrences. */
const LATEST_BIGRAM = new ScratchInts();

/** The article's text and Han bigrams, analysing the title and the first `maxChars` characters of the paragraphs. */
export function articleTerms(title: string, paragraphs: string[], maxChars = MAX_ANALYSED_CHARS): ArticleTerms {
  const analysedTitle = title.slice(0, MAX_TITLE_CHARS);
  const analysed: string[] = [];
  const paragraphStarts: number[] = [];
  let offset = analysedTitle.length + 1;
  let total = 0;
  for (const paragraph of paragraphs) {
    const cut = total + paragraph.length > maxChars;
    const kept = cut ? paragraph.slice(0, maxChars - total) : paragraph;
    analysed.push(kept);
    paragraphStarts.push(offset);
    offset += kept.length + 1;
    total += kept.length;
    if (cut) break;
  }
  // Built by one join, the text is a flat string: reading it char by char is faster than a concatenation's.
  const text = [analysedTitle, ...analysed].join('\n');
  // One pass: the bigram ids, and the script counts that `usesHanUnits` and the keyword extractor ask for.
  const n = text.length;
  const ids = new PairIds(n);
  // One allocation for the five tables: typed arrays of this size are each allocated outside the heap.
  const tables = new Int32Array(5 * n);
  const at = tables.subarray(0, n).fill(-1);
  const bigrams = emptyRuns(at, tables.subarray(n, 2 * n), tables.subarray(2 * n, 3 * n), tables.subarray(3 * n, 4 * n), tables.subarray(4 * n));
  const latest = LATEST_BIGRAM.get(n);
  let leadingHan = 0;
  let leadingLatin = 0;
  let latinLetters = 0;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (!isHanCode(code)) {
      previous = -1;
      if (isAsciiLetter(code)) {
        latinLetters++;
        if (i < LEADING_CHARS) leadingLatin++;
      }
      continue;
    }
    if (i < LEADING_CHARS) leadingHan++;
    if (previous >= 0) addRun(bigrams, latest, ids.idOf(previous, code), i - 1);
    previous = code;
  }
  findRepeatedRuns(bigrams);
  return { text, titleLength: analysedTitle.length, paragraphs: analysed, paragraphStarts, bigrams, leadingHan, leadingLatin, latinLetters };
}
