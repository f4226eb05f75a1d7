// After the split: second thoughts on a lone one-line headline. It may be a line of text cut off
// by a column break, or a section heading of the article above it, rather than an article's title.
import type { HeadingUnit, Segment } from './split';
import type { Layout } from './layout';
import { joinLines } from './text';
import { cohesion, terms, TermWeights, type ProbeIndex, type ProbeWeights, type Term } from './similarity';

export interface Draft {
  units: HeadingUnit[];
  paragraphs: string[];
  at: number;
  byline?: string;
  segment: Segment;
}

/**
 * When two neighbouring texts are one article with a section heading between them: cohesive at
 * `sure` or more; never below `least`; in between, when the text under the heading is at least
 * `margin` times as close to the article above as to any other nearby. Words (English) are shared
 * by unrelated stories far more than Han bigrams are, so they need more.
 */
const SECTION_COHESION = {
  han: { sure: 0.06, least: 0.035, margin: 1 },
  words: { sure: 0.12, least: 0.04, margin: 1.5 },
};
const SECTION_RIVALS = 6;
/** A headline must share at least this much with the body under it, or it is no headline. */
const MIN_TITLE_COVERAGE = 0.25;

/**
 * Second thoughts on a lone one-line headline over a body without a dateline (a web copy whose
 * blank lines part articles has settled section headings already, by them):
 * - if the body under it does not use its words, it is a line of text cut off by a column
 *   break (在招商局检测车辆技术研 | 究院有限公司…): it goes back into the running text;
 * - if the body talks about the same things as the article above, more than about any other
 *   article near it, it is a section heading of that article (突出以人民为中心的价值取向).
 */
export function mergeSections(drafts: Draft[], segments: Segment[], weights: ProbeWeights, index: ProbeIndex, layout: Layout): void {
  // Term sets are built only for the drafts a decision needs.
  const known: (Set<Term> | undefined)[] = [];
  const termsOf = (index: number): Set<Term> => (known[index] ??= terms(drafts[index]!.paragraphs.join('\n')));
  // Comparing whole bodies needs every word's weight over the page: worked out once, if ever.
  let fullWeights: TermWeights | undefined;
  const pageWeights = () => (fullWeights ??= new TermWeights(segments.map((segment) => terms(segment.paragraphs.join('\n')))));
  // Only a draft under a bare headline can be a section; the others are surely articles, and are
  // the rivals a section must resemble less than its own article.
  const candidates = drafts.map((draft) => {
    const unit = draft.units[0];
    // A bare headline, or a kicker-like lead-in (加快传统产业“升”的步伐——) with no headline under it,
    // maybe under a label of its own (记者手记 over a sidebar that closes the article).
    const labelsOnly = unit !== undefined && unit.extras.every((extra) => extra.role === 'column' && extra.bylines.length === 0);
    const lone = draft.units.length === 1 && labelsOnly && (unit!.main.role === 'title' || unit!.main.role === 'kicker') && unit!.main.bylines.length === 0;
    return lone && !draft.segment.opensArticle && !draft.segment.photoNews && !draft.byline && unit!.at < draft.at;
  });
  // Front to back, so that the article above a section already holds its earlier sections.
  for (let k = 1; k < drafts.length; k++) {
    const above = drafts[k - 1]!;
    const draft = drafts[k]!;
    const unit = draft.units[0];
    if (!candidates[k]) continue;
    const labels = unit!.extras.map((extra) => extra.text);
    // (A web copy cuts no line off a sentence: there a line is a whole paragraph or headline.)
    if (layout.wrapped && labels.length === 0 && weights.coverage(unit!.terms, index.ofAll(draft.paragraphs)) < MIN_TITLE_COVERAGE) {
      const [first = '', ...rest] = draft.paragraphs;
      above.paragraphs.push(joinLines(unit!.main.text, first), ...rest);
    } else if ((layout.wrapped || layout.blankLines !== 'articles') && above.units.length > 0 && isSectionOf(termsOf, drafts.length, candidates, k, pageWeights(), !layout.wrapped)) {
      above.paragraphs.push(...labels, unit!.main.text, ...draft.paragraphs);
    } else {
      continue;
    }
    if (known[k - 1]) for (const term of termsOf(k)) known[k - 1]!.add(term);
    drafts.splice(k, 1);
    known.splice(k, 1);
    candidates.splice(k, 1);
    k--;
  }
}

/**
 * `sureOnly`: a web copy's lone headline, which stands on a line of its own whatever it is, is a
 * section heading only when the texts are surely one (a column break in a PDF copy cuts a
 * section off its article more often than a web copy puts two unrelated articles side by side).
 */
function isSectionOf(termsOf: (index: number) => Set<Term>, count: number, candidates: boolean[], k: number, weights: TermWeights, sureOnly = false): boolean {
  const { sure, least, margin } = mostlyWords(termsOf(k)) ? SECTION_COHESION.words : SECTION_COHESION.han;
  const withAbove = cohesion(termsOf(k - 1), termsOf(k), weights);
  if (withAbove >= sure) return true;
  if (withAbove < least || sureOnly) return false;
  let rival = 0;
  for (let j = Math.max(0, k - SECTION_RIVALS); j < Math.min(count, k + SECTION_RIVALS); j++) {
    if (j !== k && j !== k - 1 && !candidates[j]) rival = Math.max(rival, cohesion(termsOf(j), termsOf(k), weights));
  }
  return withAbove >= margin * rival;
}

/** Most of the terms are words (Latin script) rather than Han bigrams. */
function mostlyWords(terms: Set<Term>): boolean {
  let words = 0;
  for (const term of terms) if (typeof term === 'string') words++;
  return words * 2 > terms.size;
}
