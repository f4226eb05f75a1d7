// Photo captions go to the article they talk about, among those printed near them.
import type { ArticleParts, Caption } from './model';
import type { ProbeIndex, ProbeWeights } from '../similarity';

/** Articles on each side of the nearest one that compete for a caption (a page is a few columns wide): set by hand, no recorded evidence. */
const CAPTION_REACH = 8;
/** Score lost per line between a caption and an article: small enough only to break ties, untuned. */
const DISTANCE_TIEBREAK = 1e-4;

/** Index of the article whose place is nearest `at` (places ascend). */
function nearestIndex(places: number[], at: number): number {
  let low = 0;
  let high = places.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (places[middle]! < at) low = middle + 1;
    else high = middle;
  }
  return low > 0 && Math.abs(places[low - 1]! - at) <= Math.abs(places[low]! - at) ? low - 1 : low;
}

/** Each caption goes to the article whose words it shares most; ties go to the nearest article. */
export function attachCaptions(
  articles: ArticleParts[],
  places: number[],
  captions: Caption[],
  captionTerms: Int32Array[],
  index: ProbeIndex,
  weights: ProbeWeights,
): void {
  if (articles.length === 0 || captions.length === 0) return;
  const articleTerms = articles.map((article) => index.ofAll([article.title, article.subtitle ?? '', ...article.paragraphs]));
  captions.forEach((caption, captionIndex) => {
    // Only the articles printed near the caption compete for it: a page is a few columns wide.
    const nearest = nearestIndex(places, caption.at);
    let best = nearest;
    let bestScore = -Infinity;
    for (let index = Math.max(0, nearest - CAPTION_REACH); index <= Math.min(articles.length - 1, nearest + CAPTION_REACH); index++) {
      const distance = Math.abs(places[index]! - caption.at);
      const score = weights.coverage(captionTerms[captionIndex]!, articleTerms[index]!) - distance * DISTANCE_TIEBREAK;
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    }
    articles[best]!.captions.push(caption.text);
  });
}
