// How strongly a short text (a headline, a caption) belongs to a longer one (an article body).
// Terms are Han character bigrams and lower-cased Latin words: no segmenter, linear time.

const LATIN_STOPWORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the to was were will with this'.split(' '),
);

/** A term: a Han bigram packed into one small integer (fast to hash), or a lower-cased Latin word. */
export type Term = number | string;

const HAN_BLOCK_SIZE = 0x9fff - 0x3400 + 1;
const HAN_CODES = HAN_BLOCK_SIZE + (0xfaff - 0xf900 + 1);

/** Dense index of a Han character (CJK blocks from U+3400, then the compatibility block), or -1. */
function hanIndex(code: number): number {
  if (code >= 0x3400 && code <= 0x9fff) return code - 0x3400;
  if (code >= 0xf900 && code <= 0xfaff) return code - 0xf900 + HAN_BLOCK_SIZE;
  return -1;
}

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * A few terms to look for in much text (the headlines' words in the page's body). Most bigrams of a
 * page are not among them, and a bitmap over their hashes says so without a hash-table lookup.
 */
export class TermFilter {
  private readonly bigramBits = new Uint32Array(2048);
  readonly hasWords: boolean;

  constructor(readonly wanted: Set<Term>) {
    let hasWords = false;
    for (const term of wanted) {
      if (typeof term === 'string') hasWords = true;
      else this.bigramBits[bitOf(term) >>> 5]! |= 1 << (bitOf(term) & 31);
    }
    this.hasWords = hasWords;
  }

  hasBigram(bigram: number): boolean {
    const bit = bitOf(bigram);
    return ((this.bigramBits[bit >>> 5]! >>> (bit & 31)) & 1) === 1 && this.wanted.has(bigram);
  }
}

/** Which of the filter's 65,536 bits a bigram sets. */
function bitOf(bigram: number): number {
  return (bigram ^ (bigram >>> 16)) & 0xffff;
}

/**
 * The distinct terms of a text: its Han bigrams, then its Latin words. With `only`, just those of
 * its members that occur: scanning for a few known terms (the headlines' words) costs far less than
 * collecting every term of a page.
 */
export function terms(text: string, only?: TermFilter): Set<Term> {
  const out = new Set<Term>();
  if (only) addWantedBigrams(text, only, out);
  else addBigrams(text, out);
  if (!only || only.hasWords) addWords(text, out, only);
  return out;
}

// Bigram keys stay below 2^30, so V8 keeps them small integers: no heap number per bigram.

function addBigrams(text: string, out: Set<Term>): void {
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const han = hanIndex(text.charCodeAt(i));
    if (han >= 0 && previous >= 0) out.add(previous * HAN_CODES + han);
    previous = han;
  }
}

/** The hot loop of matching headlines to bodies: kept apart so that it stays small and fast. */
function addWantedBigrams(text: string, filter: TermFilter, out: Set<Term>): void {
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const han = hanIndex(text.charCodeAt(i));
    if (han >= 0 && previous >= 0) {
      const bigram = previous * HAN_CODES + han;
      if (filter.hasBigram(bigram)) out.add(bigram);
    }
    previous = han;
  }
}

function addWords(text: string, out: Set<Term>, only?: TermFilter): void {
  let wordStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if (isWordCode(code)) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      if (i - wordStart > 1) {
        const word = text.slice(wordStart, i).toLowerCase();
        if (!LATIN_STOPWORDS.has(word) && (!only || only.wanted.has(word))) out.add(word);
      }
      wordStart = -1;
    }
  }
}

/** Term weights over a set of documents: rare terms say more about which document a text belongs to. */
export class TermWeights {
  private readonly documentFrequency = new Map<Term, number>();
  private readonly weights = new Map<Term, number>();
  private readonly documents: number;

  constructor(documents: Set<Term>[]) {
    this.documents = documents.length;
    for (const document of documents) {
      for (const term of document) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
  }

  weight(term: Term): number {
    let weight = this.weights.get(term);
    if (weight === undefined) {
      weight = Math.log(1 + (this.documents + 1) / ((this.documentFrequency.get(term) ?? 0) + 0.5));
      this.weights.set(term, weight);
    }
    return weight;
  }

  /** Weighted share of the probe's terms found in any of the documents, from 0 to 1. */
  coverageOfAny(probe: Set<Term>, documents: Set<Term>[]): number {
    let found = 0;
    let total = 0;
    for (const term of probe) {
      const weight = this.weight(term);
      total += weight;
      if (documents.some((document) => document.has(term))) found += weight;
    }
    return total > 0 ? found / total : 0;
  }

  /** Weighted share of the probe's terms found in the document, from 0 to 1. */
  coverage(probe: Set<Term>, document: Set<Term>): number {
    let found = 0;
    let total = 0;
    for (const term of probe) {
      const weight = this.weight(term);
      total += weight;
      if (document.has(term)) found += weight;
    }
    return total > 0 ? found / total : 0;
  }
}

/** Weighted cosine similarity of two term sets: how much two texts talk about the same things. */
export function cohesion(a: Set<Term>, b: Set<Term>, weights: TermWeights): number {
  let shared = 0;
  let normA = 0;
  let normB = 0;
  for (const term of a) {
    const weight = weights.weight(term) ** 2;
    normA += weight;
    if (b.has(term)) shared += weight;
  }
  for (const term of b) normB += weights.weight(term) ** 2;
  return normA > 0 && normB > 0 ? shared / Math.sqrt(normA * normB) : 0;
}

/** The probe terms of each paragraph, found once and shared by every decision that asks. */
export class ProbeIndex {
  private readonly found = new Map<string, Set<Term>>();
  private readonly filter: TermFilter;

  constructor(probes: Set<Term>) {
    this.filter = new TermFilter(probes);
  }

  of(text: string): Set<Term> {
    let set = this.found.get(text);
    if (!set) {
      set = terms(text, this.filter);
      this.found.set(text, set);
    }
    return set;
  }

  ofAll(texts: string[]): Set<Term> {
    const all = new Set<Term>();
    for (const text of texts) for (const term of this.of(text)) all.add(term);
    return all;
  }
}
