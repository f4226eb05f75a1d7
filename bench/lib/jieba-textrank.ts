// The baseline a developer would otherwise write for summaries: jieba word segmentation
// (jieba-rs compiled to WebAssembly) and TextRank over sentences (Mihalcea & Tarau 2004).
// Bench only, never shipped. Held to the product's summary limits: at most 3 sentences,
// about 120 characters, in their original order.
import { cut } from 'jieba-wasm';

const MAX_SENTENCES = 3;
const MAX_CHARS = 120;
const DAMPING = 0.85;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-6;

/** Sentences end at 。！？!? and ；, with closing quotes kept on the sentence they close. */
export function baselineSentences(paragraphs: string[]): string[] {
  return paragraphs.flatMap((paragraph) => paragraph.match(/[^。！？!?；]+(?:[。！？!?；]+[”’」』）)]*|$)/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

/** Words of a sentence: jieba's segmentation, keeping tokens with a letter or digit. */
function wordsOf(sentence: string): string[] {
  return cut(sentence, true).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

function similarity(a: Set<string>, b: Set<string>, lengthA: number, lengthB: number): number {
  if (lengthA < 2 || lengthB < 2) return 0;
  let common = 0;
  for (const word of a) if (b.has(word)) common++;
  return common / (Math.log(lengthA) + Math.log(lengthB));
}

/** PageRank over the sentence graph, iterated until the scores settle. */
export function rankSentences(sentences: string[]): number[] {
  const words = sentences.map(wordsOf);
  const sets = words.map((list) => new Set(list));
  const n = sentences.length;
  const weights = Array.from({ length: n }, () => new Float64Array(n));
  const outSums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const weight = similarity(sets[i]!, sets[j]!, words[i]!.length, words[j]!.length);
      weights[i]![j] = weight;
      weights[j]![i] = weight;
      outSums[i]! += weight;
      outSums[j]! += weight;
    }
  }
  let scores = new Float64Array(n).fill(1 / Math.max(n, 1));
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = new Float64Array(n);
    let change = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) if (outSums[j]! > 0) sum += (weights[j]![i]! / outSums[j]!) * scores[j]!;
      next[i] = (1 - DAMPING) / n + DAMPING * sum;
      change += Math.abs(next[i]! - scores[i]!);
    }
    scores = next;
    if (change < TOLERANCE) break;
  }
  return Array.from(scores);
}

/** The best-ranked sentences that fit the limits, in their original order. */
export function baselineSummary(paragraphs: string[]): string {
  const sentences = baselineSentences(paragraphs);
  if (sentences.length === 0) return '';
  const scores = rankSentences(sentences);
  const byRank = sentences.map((_, index) => index).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const chosen: number[] = [];
  let chars = 0;
  for (const index of byRank) {
    if (chosen.length === MAX_SENTENCES) break;
    const length = sentences[index]!.length;
    if (chosen.length > 0 && chars + length > MAX_CHARS) continue;
    chosen.push(index);
    chars += length;
  }
  return chosen
    .sort((a, b) => a - b)
    .map((index) => sentences[index])
    .join('');
}
