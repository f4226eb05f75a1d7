// How strongly a short text (a headline, a caption) belongs to a longer one (an article body).
// Terms are Han character bigrams and lower-cased Latin words: no segmenter, linear time.

import { HAN_INDEXES, hanIndex } from './text';
import { IntMap } from './int-map';

const LATIN_STOPWORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the to was were will with this'.split(' '),
);

/** A term: a Han bigram packed into one small integer (fast to hash), or a lower-cased Latin word. */
export type Term = number | string;

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * The distinct terms of a text: its Han bigrams, then its Latin words.
 * Bigram keys stay below 2^30, so V8 keeps them small integers: no heap number per bigram.
 */
export function terms(text: string): Set<Term> {
  const out = new Set<Term>();
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const han = hanIndex(text.charCodeAt(i));
    if (han >= 0 && previous >= 0) out.add(previous * HAN_INDEXES + han);
    previous = han;
  }
  forEachWord(text, (word) => out.add(word));
  return out;
}

/** Each lower-cased Latin word of two or more letters or digits that is not a stopword. */
function forEachWord(text: string, visit: (word: string) => void): void {
  let wordStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if (isWordCode(code)) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      if (i - wordStart > 1) {
        const word = text.slice(wordStart, i).toLowerCase();
        if (!LATIN_STOPWORDS.has(word)) visit(word);
      }
      wordStart = -1;
    }
  }
}

/** A body's terms as `PageTerms` numbers them: ids in order of first occurrence (its Han bigrams, then its Latin words). */
export interface TermBag {
  readonly ids: number[];
  /** How many of `ids` are Latin words. */
  words: number;
}

/**
 * Whole bodies of one page compared by the terms they share (`cohesion`), each term weighted by how
 * many of the page's documents (its segments) hold it. Every term gets a small id once, in one
 * open-addressing table, and a body is a list of ids: on a page pasted from a PDF, hash sets of
 * each body's terms cost more than the comparisons.
 */
export class PageTerms {
  private readonly bigramIds: IntMap;
  private readonly wordIds = new Map<string, number>();
  private size = 0;
  /** Per id: in how many documents the term is found. */
  private documents: Int32Array;
  /** Per id: 1 for a Latin word, 0 for a Han bigram. */
  private isWord: Uint8Array;
  /** `marks[id] === round`: the term is in the bag being built, compared against or added to. */
  private marks: Int32Array;
  private round = 0;
  /** Each document's terms, by its text. */
  private readonly documentBags = new Map<string, TermBag>();
  /** The squared weight for each document frequency, from 0 to the number of documents. */
  private readonly squaredWeightOf: Float64Array;

  constructor(documents: string[]) {
    let hanCharacters = 0;
    for (const text of documents) for (let i = 0; i < text.length; i++) if (hanIndex(text.charCodeAt(i)) >= 0) hanCharacters++;
    // (At most one distinct bigram per Han character: the arrays grow only for a page's Latin words,
    // or the terms of bodies that no document holds.)
    this.bigramIds = new IntMap(hanCharacters);
    const ids = Math.max(hanCharacters, 64);
    this.documents = new Int32Array(ids);
    this.isWord = new Uint8Array(ids);
    this.marks = new Int32Array(ids);
    for (const text of documents) {
      const bag = this.bag(text);
      for (const id of bag.ids) this.documents[id]!++;
      this.documentBags.set(text, bag);
    }
    this.squaredWeightOf = new Float64Array(documents.length + 1);
    for (let frequency = 0; frequency <= documents.length; frequency++) this.squaredWeightOf[frequency] = rarityWeight(frequency, documents.length) ** 2;
  }

  /** The text's distinct terms, in the order `terms` gives them. */
  bag(text: string): TermBag {
    // (Most bodies compared are a document as it was counted: its terms are known.)
    const known = this.documentBags.get(text);
    if (known) return { ids: [...known.ids], words: known.words };
    const round = ++this.round;
    const ids: number[] = [];
    let previous = -1;
    for (let i = 0; i < text.length; i++) {
      const han = hanIndex(text.charCodeAt(i));
      if (han >= 0 && previous >= 0) {
        const id = this.bigramId(previous * HAN_INDEXES + han);
        if (this.marks[id] !== round) {
          this.marks[id] = round;
          ids.push(id);
        }
      }
      previous = han;
    }
    let words = 0;
    forEachWord(text, (word) => {
      const id = this.wordId(word);
      if (this.marks[id] === round) return;
      this.marks[id] = round;
      ids.push(id);
      words++;
    });
    return { ids, words };
  }

  /** Adds to `into` the terms of `from` it lacks, after its own. */
  addTo(into: TermBag, from: TermBag): void {
    const round = this.mark(into);
    for (const id of from.ids) {
      if (this.marks[id] === round) continue;
      this.marks[id] = round;
      into.ids.push(id);
      into.words += this.isWord[id]!;
    }
  }

  /** Weighted cosine similarity of two bodies' terms: how much two texts talk about the same things. */
  cohesion(a: TermBag, b: TermBag): number {
    const round = this.mark(b);
    const { marks, documents, squaredWeightOf } = this;
    let shared = 0;
    let normA = 0;
    let normB = 0;
    for (const id of a.ids) {
      const weight = squaredWeightOf[documents[id]!]!;
      normA += weight;
      if (marks[id] === round) shared += weight;
    }
    for (const id of b.ids) normB += squaredWeightOf[documents[id]!]!;
    return normA > 0 && normB > 0 ? shared / Math.sqrt(normA * normB) : 0;
  }

  private mark(bag: TermBag): number {
    const round = ++this.round;
    for (const id of bag.ids) this.marks[id] = round;
    return round;
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.newId();
      this.wordIds.set(word, id);
      this.isWord[id] = 1;
    }
    return id;
  }

  private bigramId(bigram: number): number {
    let id = this.bigramIds.get(bigram);
    if (id < 0) {
      id = this.newId();
      this.bigramIds.set(bigram, id);
    }
    return id;
  }

  private newId(): number {
    const id = this.size++;
    if (id >= this.documents.length) {
      this.documents = grown(this.documents);
      this.marks = grown(this.marks);
      this.isWord = grown(this.isWord);
    }
    return id;
  }
}

/** A copy of the array twice as long. */
function grown<T extends Int32Array | Uint8Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Rare terms say more about which document a text belongs to. */
function rarityWeight(documentFrequency: number, documents: number): number {
  return Math.log(1 + (documents + 1) / (documentFrequency + FREQUENCY_SMOOTHING));
}

/** Half a document added to a term's frequency, as in BM25's inverse document frequency: the usual figure, untuned. */
const FREQUENCY_SMOOTHING = 0.5;

// --- Probes: the few terms that decide where headlines and captions go -----------------------------
//
// Only headline and caption words decide anything in the split, so only they are looked for in the
// body. Each gets a small id; what a text holds of them is a sorted array of ids. Sets and weights
// then live in typed arrays instead of hash tables.

/** Which probes a text (or a group of texts) holds: ascending ids. */
export class ProbeSet {
  // A plain array: small typed arrays cost more to allocate than they save here.
  constructor(readonly ids: readonly number[]) {}

  has(id: number): boolean {
    const { ids } = this;
    let low = 0;
    let high = ids.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const value = ids[middle]!;
      if (value === id) return true;
      if (value < id) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }
}

/** The page's probe terms, numbered, and the probes of each text, found once and shared by every decision. */
export class ProbeIndex {
  private readonly idOfTerm = new Map<Term, number>();
  private readonly hasWords: boolean;
  /** About 32 bits per probe bigram: most bigrams of a page are not probes, and one bit test says so without hashing. */
  private readonly bigramBits: Uint32Array;
  private readonly bitMask: number;
  private readonly found = new Map<string, ProbeSet>();
  /** `seen[id] === round`: the probe was already found in the current scan. */
  private readonly seen: Int32Array;
  private round = 0;

  /** The ids of each set of probe terms given to the constructor, each in its set's own order. */
  readonly probeIds: Int32Array[];

  /** `probeTerms`: the term sets of the headlines and captions. */
  constructor(probeTerms: Set<Term>[]) {
    let hasWords = false;
    this.probeIds = probeTerms.map((set) => {
      const ids = new Int32Array(set.size);
      let k = 0;
      for (const term of set) {
        let id = this.idOfTerm.get(term);
        if (id === undefined) {
          id = this.idOfTerm.size;
          this.idOfTerm.set(term, id);
          if (typeof term === 'string') hasWords = true;
        }
        ids[k++] = id;
      }
      return ids;
    });
    this.hasWords = hasWords;
    let bits = 1024;
    while (bits < this.idOfTerm.size * 32 && bits < 1 << 20) bits *= 2;
    this.bigramBits = new Uint32Array(bits / 32);
    this.bitMask = bits - 1;
    for (const term of this.idOfTerm.keys()) {
      if (typeof term !== 'number') continue;
      const bit = this.bitOf(term);
      this.bigramBits[bit >>> 5]! |= 1 << (bit & 31);
    }
    this.seen = new Int32Array(this.idOfTerm.size);
  }

  /** How many probes there are: ids run from 0 to size - 1. */
  get size(): number {
    return this.idOfTerm.size;
  }

  of(text: string): ProbeSet {
    let set = this.found.get(text);
    if (!set) {
      set = this.scan(text);
      this.found.set(text, set);
    }
    return set;
  }

  ofAll(texts: string[]): ProbeSet {
    const sets = texts.map((text) => this.of(text)); // before the round begins: a scan takes a round of its own
    const round = this.nextRound();
    const ids: number[] = [];
    for (const set of sets) {
      for (const id of set.ids) {
        if (this.seen[id] === round) continue;
        this.seen[id] = round;
        ids.push(id);
      }
    }
    return new ProbeSet(sortedInPlace(ids));
  }

  private scan(text: string): ProbeSet {
    const round = this.nextRound();
    const { bigramBits, idOfTerm, seen } = this;
    const ids: number[] = [];
    let previous = -1;
    for (let i = 0; i < text.length; i++) {
      const han = hanIndex(text.charCodeAt(i));
      if (han >= 0 && previous >= 0) {
        const bigram = previous * HAN_INDEXES + han;
        const bit = this.bitOf(bigram);
        if ((bigramBits[bit >>> 5]! >>> (bit & 31)) & 1) {
          const id = idOfTerm.get(bigram);
          if (id !== undefined && seen[id] !== round) {
            seen[id] = round;
            ids.push(id);
          }
        }
      }
      previous = han;
    }
    if (this.hasWords) {
      forEachWord(text, (word) => {
        const id = idOfTerm.get(word);
        if (id !== undefined && seen[id] !== round) {
          seen[id] = round;
          ids.push(id);
        }
      });
    }
    return new ProbeSet(sortedInPlace(ids));
  }

  private nextRound(): number {
    return ++this.round;
  }

  private bitOf(bigram: number): number {
    return (bigram ^ (bigram >>> 13)) & this.bitMask;
  }
}

/**
 * Sorts ids in ascending order. Most lists are short: insertion sort, with no comparator callback
 * per comparison (which costs more than the sort); long ones go through a typed array's numeric sort.
 */
function sortedInPlace(ids: number[]): number[] {
  if (ids.length > 64) return Array.from(Int32Array.from(ids).sort());
  for (let i = 1; i < ids.length; i++) {
    const id = ids[i]!;
    let j = i - 1;
    while (j >= 0 && ids[j]! > id) {
      ids[j + 1] = ids[j]!;
      j--;
    }
    ids[j + 1] = id;
  }
  return ids;
}

/** Probe weights over the page's body segments: a probe found in few segments says where a headline goes. */
export class ProbeWeights {
  private readonly weights: Float64Array;

  constructor(documents: ProbeSet[], probes: number) {
    const documentFrequency = new Int32Array(probes);
    for (const document of documents) for (const id of document.ids) documentFrequency[id]!++;
    this.weights = new Float64Array(probes);
    for (let id = 0; id < probes; id++) this.weights[id] = rarityWeight(documentFrequency[id]!, documents.length);
  }

  weight(id: number): number {
    return this.weights[id]!;
  }

  /** Weighted share of the probe's terms found in the document, from 0 to 1. */
  coverage(probe: Int32Array, document: ProbeSet): number {
    let found = 0;
    let total = 0;
    for (const id of probe) {
      const weight = this.weights[id]!;
      total += weight;
      if (document.has(id)) found += weight;
    }
    return total > 0 ? found / total : 0;
  }

  /** Weighted share of the probe's terms found in any of the documents, from 0 to 1. */
  coverageOfAny(probe: Int32Array, documents: ProbeSet[]): number {
    let found = 0;
    let total = 0;
    for (const id of probe) {
      const weight = this.weights[id]!;
      total += weight;
      if (documents.some((document) => document.has(id))) found += weight;
    }
    return total > 0 ? found / total : 0;
  }
}
