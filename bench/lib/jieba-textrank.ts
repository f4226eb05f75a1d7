// The baseline a developer would otherwise write for summaries: jieba word segmentation
// (jieba-rs compiled to WebAssembly) and TextRank over sentences (Mihalcea & Tarau 2004).
// Bench only, never shipped. Held to the product's summary limits: at most 3 sentences,
// about 120 characters, in their original order.
import { cut } from 'jieba-wasm';
import { textRankScores } from '../../scripts/lib/textrank';

const MAX_SENTENCES = 3;
const MAX_CHARS = 120;

/** Sentences end at 。！？!? and ；, with closing quotes kept on the sentence they close. */
export function baselineSentences(paragraphs: string[]): string[] {
  return paragraphs.flatMap((paragraph) => paragraph.match(/[^。！？!?；]+(?:[。！？!?；]+[”’」』）)]*|$)/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

/** Words of a sentence: jieba's segmentation, keeping tokens with a letter or digit. */
function wordsOf(sentence: string): string[] {
  return cut(sentence, true).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** TextRank over the sentences with jieba's words: the same TextRank as the evaluation's baseline. */
export function rankSentences(sentences: string[]): number[] {
  return textRankScores(sentences, wordsOf);
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
