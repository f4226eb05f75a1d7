// Step 3 of the splitter: which body segment each headline belongs to.
//
// Headlines come in runs between body segments. Every headline of a run goes either to the
// segment before it (headline printed under its article) or the segment after it (headline on
// top), so each run is cut once: a prefix goes back, the rest goes forward. A headline may also
// come after the next article (body A, headline B, body B, headline A): then a few units between
// the two parts skip back over that article, on the same page, to a segment that has no headline. Dynamic
// programming over the runs picks the cuts that best match headline words to body words,
// preferring a headline on top, one headline side per segment (unless the segment's text parts
// between the headline over it and the one printed after it: two articles), and a headline for
// every segment that opens with a dateline.
import type { HeadingUnit, Segment } from './model';
import type { Layout } from './layout';
import type { ProbeSet, ProbeWeights } from '../similarity';

/**
 * The assignment's costs and bonuses, in units of headline coverage (0..1): a segment with headlines
 * on both sides (free where its text parts between them, two articles: partition.ts), a segment left without one (more when it opens with a dateline), a dateline right
 * under its headline, and a headline printed on top (over one printed after its body). Set by hand
 * with the splitter's first version, no recorded evidence.
 */
const BOTH_SIDES_PENALTY = 0.6;
const NO_HEADLINE_PENALTY = 0.25;
const NO_HEADLINE_DATELINE_PENALTY = 0.9;
const DATELINE_UNDER_HEADLINE_BONUS = 0.4;
const ON_TOP_BONUS = 0.1;
/**
 * A segment parted from the text above by no headline, only a photo caption, mostly
 * goes on with that story, its photo set into the column: left without a headline it costs this
 * much. At the full NO_HEADLINE_PENALTY, section headings that share words with the text on both
 * sides shifted up one segment each to give it one (临泽县节水记's sections); on the tuned copies 0
 * and 0.1 gained the same (one page, both readers), 0.15 nothing.
 */
const NO_HEADLINE_AFTER_CAPTION_PENALTY = 0.1;
/** A headline printed after the next article (which has its own headline on top) costs this much more: set by hand, no recorded evidence. */
const SKIP_PENALTY = 0.3;
/** At most this many headline units skip over the next article: set by hand, no recorded evidence. */
const MAX_SKIPPED = 2;

/** Whether a segment's text parts into two articles between the headlines over it and those printed after it (partition.ts). */
export type FramesTwo = (segment: Segment, over: HeadingUnit[], after: HeadingUnit[]) => boolean;

export function assignHeadings(
  segments: Segment[],
  units: HeadingUnit[],
  segmentTerms: ProbeSet[],
  weights: ProbeWeights,
  layout: Layout,
  furniture: readonly number[] = [],
  framesTwo: FramesTwo = () => false,
): HeadingUnit[][] {
  // Photo news comes with its display headline, known from the layout: that pair is settled first,
  // and the rest of the page is matched as if the photo were not there. A headline printed after a
  // photo can then still go back to the article above it.
  const assigned: HeadingUnit[][] = segments.map(() => []);
  const settled = new Set<HeadingUnit>();
  segments.forEach((segment, index) => {
    const display = segment.displayHeadline;
    const unit = display && units.find((candidate) => candidate.main === display || candidate.extras.includes(display));
    if (unit && !settled.has(unit)) {
      assigned[index]!.push(unit);
      settled.add(unit);
    }
  });
  const rest = units.filter((unit) => !settled.has(unit));
  if (rest.length === 0) return assigned;
  // The other headlines go to the other segments; on a page of nothing but photo news, to those.
  const unsettled = segments.flatMap((_, index) => (assigned[index]!.length === 0 ? [index] : []));
  const open = unsettled.length > 0 ? unsettled : segments.map((_, index) => index);
  const matched = (layout.wrapped ? assignRuns : assignOnTop)(
    open.map((index) => segments[index]!),
    rest,
    open.map((index) => segmentTerms[index]!),
    weights,
    furniture,
    framesTwo,
  );
  open.forEach((index, k) => assigned[index]!.push(...matched[k]!));
  return assigned;
}

/**
 * A web copy (one line per paragraph) prints every headline over its article: each goes to the
 * segment under it, and only a headline with no text under it to the last segment.
 */
function assignOnTop(segments: Segment[], units: HeadingUnit[]): HeadingUnit[][] {
  const assigned: HeadingUnit[][] = segments.map(() => []);
  for (const unit of units) {
    const under = segments.findIndex((segment) => segment.at > unit.at);
    assigned[under >= 0 ? under : segments.length - 1]!.push(unit);
  }
  return assigned;
}

/** Column text: headlines go to the segment before or after them (assignment above). */
function assignRuns(
  segments: Segment[],
  units: HeadingUnit[],
  segmentTerms: ProbeSet[],
  weights: ProbeWeights,
  furniture: readonly number[],
  framesTwo: FramesTwo,
): HeadingUnit[][] {
  const n = segments.length;
  // runs[j]: the units between segment j-1 and segment j (runs[n]: after the last segment).
  const runs: HeadingUnit[][] = Array.from({ length: n + 1 }, () => []);
  let j = 0;
  for (const unit of [...units].sort((a, b) => a.at - b.at)) {
    while (j < n && segments[j]!.at < unit.at) j++;
    runs[j]!.push(unit);
  }
  const affinity = (unit: HeadingUnit, segment: number) => (segment >= 0 && segment < n ? weights.coverage(unit.terms, segmentTerms[segment]!) : 0);
  // For each run, prefix sums of the units' affinity to the segment before, the one before that
  // and the one after, so any cut of the run scores in constant time (a run can be long: a page
  // of nothing but short lines).
  const prefixSums = (run: number, value: (unit: HeadingUnit) => number): number[] => {
    const sums = [0];
    runs[run]!.forEach((unit, index) => sums.push(sums[index]! + value(unit)));
    return sums;
  };
  const toBefore = runs.map((_, run) => prefixSums(run, (unit) => affinity(unit, run - 1)));
  const toSkipped = runs.map((_, run) => prefixSums(run, (unit) => affinity(unit, run - 2)));
  const toAfter = runs.map((_, run) => prefixSums(run, (unit) => (run < n ? affinity(unit, run) + ON_TOP_BONUS : 0)));
  const sum = (sums: number[], from: number, to: number) => sums[to]! - sums[from]!;
  const furnitureBetween = (from: number, to: number) => furniture.some((line) => line > from && line < to);
  const missing = (segment: number) =>
    segments[segment]!.opensArticle ? NO_HEADLINE_DATELINE_PENALTY : segment > 0 && runs[segment]!.length === 0 ? NO_HEADLINE_AFTER_CAPTION_PENALTY : NO_HEADLINE_PENALTY;

  // A state after run r: `top`, the first unit of run r that went forward to segment r (-1 when
  // none did), and `open` when segment r-1 has none yet. An open segment's missing-headline cost
  // is charged once nothing can reach it: the next run may still give it the headline printed
  // after the article that follows it. Back pointers per run rebuild the winning cuts.
  type Cut = { back: number; skipped: number };
  type State = { score: number; cut: Cut; from: number };
  const key = (top: number, open: boolean) => (top + 1) * 2 + (open ? 1 : 0);
  const history: Map<number, State>[] = [];
  let states = new Map<number, State>();
  const firstSize = runs[0]!.length;
  states.set(key(firstSize > 0 ? 0 : -1, false), {
    score: sum(toAfter[0]!, 0, firstSize) + (firstSize > 0 && segments[0]?.opensArticle ? DATELINE_UNDER_HEADLINE_BONUS : 0),
    cut: { back: 0, skipped: 0 },
    from: 0,
  });
  history.push(states);
  // (Whether a segment's text parts between the headlines over it and those printed after it.)
  const framed = new Map<string, boolean>();
  const bothSidesPenalty = (segment: number, top: number, back: number) => {
    const id = `${segment}:${top}:${back}`;
    let splits = framed.get(id);
    if (splits === undefined) framed.set(id, (splits = framesTwo(segments[segment]!, runs[segment]!.slice(top), runs[segment + 1]!.slice(0, back))));
    return splits ? 0 : BOTH_SIDES_PENALTY;
  };
  for (let run = 1; run <= n; run++) {
    const size = runs[run]!.length;
    const next = new Map<number, State>();
    for (const [from, state] of states) {
      const top = (from >> 1) - 1; // segment run-1 got the units of run run-1 from `top` on, from above
      const above = top >= 0;
      const open = (from & 1) === 1; // segment run-2 has no headline yet
      // units [0, back) go back to segment run-1; [back, back+skipped) skip it to segment run-2;
      // the rest go forward to segment run (after the last segment, nothing goes forward).
      for (let back = 0; back <= size; back++) {
        // (A headline skips back over an article on its own page only: page furniture between that
        // article's start and the headline says the headline opens another page.)
        const skips = open && !furnitureBetween(segments[run - 1]!.at, runs[run]![back]?.at ?? Infinity);
        const maxSkipped = skips ? Math.min(MAX_SKIPPED, size - back) : 0;
        for (let skipped = 0; skipped <= maxSkipped; skipped++) {
          const forward = back + skipped;
          if (run === n && forward < size) continue;
          const below = back > 0;
          // Skipping needs an article in between that has its own headline.
          if (skipped > 0 && !above && !below) continue;
          let score = state.score + sum(toBefore[run]!, 0, back) + sum(toAfter[run]!, forward, size);
          if (skipped > 0) score += sum(toSkipped[run]!, back, forward) - SKIP_PENALTY;
          else if (open) score -= missing(run - 2);
          if (forward < size && segments[run]?.opensArticle) score += DATELINE_UNDER_HEADLINE_BONUS;
          if (above && below) score -= bothSidesPenalty(run - 1, top, back);
          const nowOpen = !above && !below;
          if (run === n && nowOpen) score -= missing(run - 1);
          const to = key(run < n && forward < size ? forward : -1, nowOpen && run < n);
          const best = next.get(to);
          if (!best || score > best.score) next.set(to, { score, cut: { back, skipped }, from });
        }
      }
    }
    states = next;
    history.push(states);
  }
  let best = -1;
  for (const [at, state] of states) if (best < 0 || state.score > states.get(best)!.score) best = at;
  const cuts: Cut[] = new Array(n + 1);
  for (let run = n, at = best; run >= 0; run--) {
    const state = history[run]!.get(at)!;
    cuts[run] = state.cut;
    at = state.from;
  }

  const assigned: HeadingUnit[][] = Array.from({ length: n }, () => []);
  cuts.forEach(({ back, skipped }, run) => {
    runs[run]!.forEach((unit, index) => {
      const segment = index < back ? run - 1 : index < back + skipped ? run - 2 : Math.min(run, n - 1);
      assigned[segment]!.push(unit);
    });
  });
  return assigned;
}
