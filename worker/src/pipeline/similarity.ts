// How strongly a short text (a headline, a caption) belongs to a longer one (an article body).
// Terms are Han character bigrams and lower-cased Latin words: no segmenter, linear time.

const LATIN_STOPWORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the to was were will with this'.split(' '),
);

/** The distinct terms of a text. */
export function terms(text: string): Set<string> {
  const out = new Set<string>();
  let prevHan = '';
  let word = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const han = (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || code >= 0x20000;
    if (han) {
      if (prevHan) out.add(prevHan + ch);
      prevHan = ch;
    } else {
      prevHan = '';
    }
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      word += code <= 90 && code >= 65 ? String.fromCharCode(code + 32) : ch;
    } else {
      if (word.length > 1 && !LATIN_STOPWORDS.has(word)) out.add(word);
      word = '';
    }
  }
  if (word.length > 1 && !LATIN_STOPWORDS.has(word)) out.add(word);
  return out;
}

/** Term weights over a set of documents: rare terms say more about which document a text belongs to. */
export class TermWeights {
  private readonly documentFrequency = new Map<string, number>();
  private readonly documents: number;

  constructor(documents: Set<string>[]) {
    this.documents = documents.length;
    for (const document of documents) {
      for (const term of document) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
  }

  weight(term: string): number {
    return Math.log(1 + (this.documents + 1) / ((this.documentFrequency.get(term) ?? 0) + 0.5));
  }

  /** Weighted share of the probe's terms found in the document, from 0 to 1. */
  coverage(probe: Set<string>, document: Set<string>): number {
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
export function cohesion(a: Set<string>, b: Set<string>, weights: TermWeights): number {
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
