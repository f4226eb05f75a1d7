// Plain TextRank (Mihalcea & Tarau 2004) as a baseline: a graph of all sentences weighted by term overlap,
// PageRank over it, and the top sentences in their original order. Quadratic in sentences: evaluation and
// benchmarks only. Terms are Han character bigrams or English words unless the caller passes its own
// tokenizer (e.g. a word segmenter for the segmenter + TextRank baseline).
import { splitSentences } from '../../worker/src/pipeline/sentences';
import { ENGLISH_STOPWORDS, hanBigrams, usesHanUnits, wordTokens } from '../../worker/src/pipeline/terms';

function termsOf(sentence: string, han: boolean): string[] {
  if (han) return hanBigrams(sentence).map(String);
  return wordTokens(sentence)
    .map((token) => token.key)
    .filter((key) => !ENGLISH_STOPWORDS.has(key));
}

/** Mihalcea's similarity: shared terms over the sum of the logs of the sentence lengths. */
function similarity(a: Set<string>, b: Set<string>, lengthA: number, lengthB: number): number {
  if (lengthA < 2 || lengthB < 2) return 0;
  let common = 0;
  for (const term of a) if (b.has(term)) common++;
  return common / (Math.log(lengthA) + Math.log(lengthB));
}

export type Tokenizer = (sentence: string) => string[];

/** PageRank over the sentence graph, iterated until the scores settle (or `iterations` rounds). */
export function textRankScores(sentences: string[], tokenize: Tokenizer, damping = 0.85, iterations = 100, tolerance = 1e-6): number[] {
  const terms = sentences.map(tokenize);
  const sets = terms.map((list) => new Set(list));
  const n = sentences.length;
  const weights = Array.from({ length: n }, () => new Float64Array(n));
  const outSums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const w = similarity(sets[i]!, sets[j]!, terms[i]!.length, terms[j]!.length);
      weights[i]![j] = w;
      weights[j]![i] = w;
      outSums[i] = outSums[i]! + w;
      outSums[j] = outSums[j]! + w;
    }
  }
  let scores = new Float64Array(n).fill(1 / Math.max(n, 1));
  for (let iteration = 0; iteration < iterations; iteration++) {
    const next = new Float64Array(n);
    let change = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) if (outSums[j]! > 0) sum += (weights[j]![i]! / outSums[j]!) * scores[j]!;
      next[i] = (1 - damping) / n + damping * sum;
      change += Math.abs(next[i]! - scores[i]!);
    }
    scores = next;
    if (change < tolerance) break;
  }
  return Array.from(scores);
}

export function textRankSummary(paragraphs: string[], count: number, lang = 'und', tokenize?: Tokenizer): string {
  const sentences = paragraphs.flatMap(splitSentences);
  if (sentences.length === 0) return '';
  const han = usesHanUnits(lang, sentences.join(''));
  const scores = textRankScores(sentences, tokenize ?? ((sentence) => termsOf(sentence, han)));
  const top = sentences
    .map((_, index) => index)
    .sort((a, b) => scores[b]! - scores[a]! || a - b)
    .slice(0, count)
    .sort((a, b) => a - b);
  return top.map((index) => sentences[index]).join(' ');
}
