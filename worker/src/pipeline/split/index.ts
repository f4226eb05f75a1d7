// Stage 2 of the pipeline: split a page's cleaned lines into articles. Pure: lines in, article parts out.
//
// A page copied from an e-paper holds several articles whose pieces arrive in layout order:
// headline blocks (before or after their body), body text broken at column width, photo captions.
// This file only orchestrates; each step is a file of this folder, and model.ts holds the types
// they share:
//   1. classify.ts: what each line is (heading, byline, caption, furniture, body), from its shape
//      and its neighbours; hints.ts lets a PDF's layout overrule it line by line;
//   2. read-page.ts: body lines joined into paragraphs and cut into segments at hard boundaries
//      (a dateline such as 本报讯, or a headline or caption after a finished sentence); headline
//      lines into blocks, grouped into units with their kicker or subtitle (units.ts);
//   3. assign.ts: each run of headlines given to the segment before or after it, choosing the
//      assignment that best matches headline words to body words;
//   4. partition.ts splits a segment that received several headlines where its paragraphs change
//      topic; sections.ts takes back lone headlines that were text or section headings, and
//      the speakers' parts of a collection of speeches;
//   5. article.ts makes each article's title, kicker and byline; captions.ts gives each caption to
//      the article it talks about.
import type { Line } from '../clean';
import { ProbeIndex, ProbeWeights, terms } from '../similarity';
import { layoutOf } from './layout';
import { readPage } from './read-page';
import { unitTerms } from './units';
import { assignHeadings } from './assign';
import { framesTwoArticles, partitionByHeadings } from './partition';
import { mergeSections, mergeSpeakerParts } from './sections';
import { toArticle } from './article';
import { attachCaptions } from './captions';
import type { ArticleParts, Draft, HeadingUnit, Segment, SplitOptions } from './model';

export type { ArticleParts, SplitOptions } from './model';
export { titleFromText } from './article';

/** Splits the page's lines into articles. */
export function splitArticles(lines: Line[], options: SplitOptions = {}): ArticleParts[] {
  const layout = layoutOf(lines);
  const page = readPage(lines, layout, options.hints);
  const { segments, units, captions } = page;

  if (segments.length === 0) {
    // Nothing but headline-like lines: one article that keeps them all as its text.
    const texts = units.flatMap((unit) => [unit.main.text, ...unit.extras.map((extra) => extra.text)]);
    if (texts.length === 0 && captions.length === 0) return [];
    const paragraphs = texts.length > 0 ? texts : captions.map((caption) => caption.text);
    return [{ title: options.fallbackTitle?.trim() || paragraphs[0]!, paragraphs, captions: texts.length > 0 ? captions.map((c) => c.text) : [] }];
  }

  // Only headline and caption words decide anything here, so only they are looked for in the body.
  const probeIndex = new ProbeIndex([...units.map(unitTerms), ...captions.map((caption) => terms(caption.text))]);
  units.forEach((unit, k) => (unit.terms = probeIndex.probeIds[k]!));
  const captionTerms = probeIndex.probeIds.slice(units.length);
  const segmentTerms = segments.map((segment) => probeIndex.ofAll(segment.paragraphs));
  const weights = new ProbeWeights(segmentTerms, probeIndex.size);
  const framesTwo = (segment: Segment, over: HeadingUnit[], after: HeadingUnit[]) => framesTwoArticles(segment.paragraphs, over, after, weights, probeIndex, segment.at);
  const assigned = assignHeadings(segments, units, segmentTerms, weights, layout, page.furniture, framesTwo);

  const drafts: Draft[] = [];
  segments.forEach((segment, index) => {
    const mine = assigned[index]!;
    const byline = page.bodyBylines.get(index);
    if (mine.length === 0 && !segment.opensArticle && drafts.length > 0) {
      // A body piece with no headline of its own continues the article before it.
      drafts[drafts.length - 1]!.paragraphs.push(...segment.paragraphs);
      return;
    }
    partitionByHeadings(segment.paragraphs, mine, weights, probeIndex, segment.at).forEach((part, partIndex) => {
      // A byline above the segment belongs to its first article only.
      drafts.push({ units: part.units, paragraphs: part.paragraphs, at: segment.at, byline: partIndex === 0 ? byline : undefined, segment });
    });
  });

  mergeSections(drafts, segments, weights, probeIndex, layout, page.furniture);
  mergeSpeakerParts(drafts);
  const articles = drafts.map((draft) => toArticle(draft.units, draft.paragraphs, draft.byline));
  if (articles.length === 1 && drafts[0]!.units.length === 0 && options.fallbackTitle?.trim()) {
    articles[0]!.title = options.fallbackTitle.trim();
  }
  attachCaptions(articles, drafts.map((draft) => draft.at), captions, captionTerms, probeIndex, weights);
  return articles;
}
