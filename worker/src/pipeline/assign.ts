// Step 3 of the splitter: which body segment each headline belongs to.
//
// Headlines come in runs between body segments. Every headline of a run goes either to the
// segment before it (headline printed under its article) or the segment after it (headline on
// top), so each run is cut once: a prefix goes back, the rest goes forward. Dynamic programming
// over the runs picks the cuts that best match headline words to body words, preferring a
// headline on top, one headline side per segment, and a headline for every segment that opens
// with a dateline.
import type { HeadingUnit, Segment } from './split';
import type { Layout } from './layout';
import type { ProbeSet, ProbeWeights } from './similarity';

const BOTH_SIDES_PENALTY = 0.6;
const NO_HEADLINE_PENALTY = 0.25;
const NO_HEADLINE_DATELINE_PENALTY = 0.9;
const DATELINE_UNDER_HEADLINE_BONUS = 0.4;

export function assignHeadings(
  segments: Segment[],
  units: HeadingUnit[],
  segmentTerms: ProbeSet[],
  weights: ProbeWeights,
  layout: Layout,
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
  const open = segments.flatMap((_, index) => (assigned[index]!.length === 0 ? [index] : []));
  if (open.length === 0) return assigned;
  const matched = assignRuns(
    open.map((index) => segments[index]!),
    units.filter((unit) => !settled.has(unit)),
    open.map((index) => segmentTerms[index]!),
    weights,
    layout,
  );
  open.forEach((index, k) => assigned[index]!.push(...matched[k]!));
  return assigned;
}

function assignRuns(
  segments: Segment[],
  units: HeadingUnit[],
  segmentTerms: ProbeSet[],
  weights: ProbeWeights,
  layout: Layout,
): HeadingUnit[][] {
  const n = segments.length;
  const beforePrior = layout.wrapped ? 0.1 : 0.5;
  // runs[j]: the units between segment j-1 and segment j (runs[n]: after the last segment).
  const runs: HeadingUnit[][] = Array.from({ length: n + 1 }, () => []);
  let j = 0;
  for (const unit of [...units].sort((a, b) => a.at - b.at)) {
    while (j < n && segments[j]!.at < unit.at) j++;
    runs[j]!.push(unit);
  }
  const affinity = (unit: HeadingUnit, segment: number) => weights.coverage(unit.terms, segmentTerms[segment]!);
  // For each run, prefix sums of the units' affinity to the segment before and after, so any cut
  // of the run scores in constant time (a run can be long: a page of nothing but short lines).
  const toBefore: number[][] = [];
  const toAfter: number[][] = [];
  runs.forEach((units, run) => {
    const back = [0];
    const forward = [0];
    units.forEach((unit, index) => {
      back.push(back[index]! + (run > 0 ? affinity(unit, run - 1) : 0));
      forward.push(forward[index]! + (run < n ? affinity(unit, run) + beforePrior : 0));
    });
    toBefore.push(back);
    toAfter.push(forward);
  });
  const runScore = (run: number, cut: number): number => {
    const size = runs[run]!.length;
    let score = toBefore[run]![cut]! + toAfter[run]![size]! - toAfter[run]![cut]!;
    if (cut < size && segments[run]?.opensArticle) score += DATELINE_UNDER_HEADLINE_BONUS;
    return score;
  };
  const missing = (segment: number) => (segments[segment]!.opensArticle ? NO_HEADLINE_DATELINE_PENALTY : NO_HEADLINE_PENALTY);

  // states[flag]: best score so far, where flag = 1 when the current segment got headlines from
  // above. Back pointers (cut, previous flag) per run rebuild the winning cuts.
  type State = { score: number; cut: number; from: number };
  const first = runs[0]!.length;
  const history: (State | undefined)[][] = [];
  let states: (State | undefined)[] = [undefined, undefined];
  states[first > 0 ? 1 : 0] = { score: runScore(0, 0), cut: 0, from: 0 };
  history.push(states);
  for (let run = 1; run <= n; run++) {
    const size = runs[run]!.length;
    const next: (State | undefined)[] = [undefined, undefined];
    for (let flag = 0; flag < 2; flag++) {
      const state = states[flag];
      if (!state) continue;
      const fromCut = run === n ? size : 0;
      for (let cut = fromCut; cut <= size; cut++) {
        const above = flag === 1;
        const below = cut > 0;
        let score = state.score + runScore(run, cut);
        if (above && below) score -= BOTH_SIDES_PENALTY;
        if (!above && !below) score -= missing(run - 1);
        const nextFlag = run < n && cut < size ? 1 : 0;
        if (!next[nextFlag] || score > next[nextFlag]!.score) next[nextFlag] = { score, cut, from: flag };
      }
    }
    states = next;
    history.push(states);
  }
  const cuts: number[] = new Array(n + 1).fill(0);
  let flag = !states[1] || (states[0] && states[0].score >= states[1].score) ? 0 : 1;
  for (let run = n; run >= 0; run--) {
    const state = history[run]![flag]!;
    cuts[run] = state.cut;
    flag = state.from;
  }

  const assigned: HeadingUnit[][] = Array.from({ length: n }, () => []);
  cuts.forEach((cut, run) => {
    runs[run]!.forEach((unit, index) => {
      const segment = index < cut ? run - 1 : Math.min(run, n - 1);
      assigned[segment]!.push(unit);
    });
  });
  return assigned;
}
