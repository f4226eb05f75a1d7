// Step 4 of the splitter: a body segment that received several headlines may hold several
// articles printed one after another (their headlines gathered below them). Try cutting its
// paragraphs into contiguous parts, one per headline, and keep the cut only when every part
// clearly talks about its own headline; otherwise the extra headlines are subtitles or kickers.
import type { HeadingUnit } from './model';
import type { ProbeIndex, ProbeSet, ProbeWeights } from '../similarity';

export interface Part {
  units: HeadingUnit[];
  paragraphs: string[];
}

/**
 * A part must share DOMINANCE times as much with its own headline as with each other one, plus
 * DOMINANCE_MARGIN, and cover at least MIN_OWN_COVERAGE of its headline's words. Set by hand with the
 * splitter's first version, no recorded evidence.
 */
const DOMINANCE = 1.5;
const DOMINANCE_MARGIN = 0.05;
const MIN_OWN_COVERAGE = 0.45;
/**
 * A headline on top of a segment and one printed after it frame two articles, the second one's
 * headline under its body. There one part may be claimed by elimination: with this little of its
 * headline's words, when the other part clearly has its own and shares nothing with it. Set by
 * hand, no recorded evidence.
 */
const MIN_FRAMED_COVERAGE = 0.05;
/** Most headlines a segment is cut for (the orderings tried grow fast with it): set by hand, no recorded evidence. */
const MAX_PARTS = 4;

export function partitionByHeadings(paragraphs: string[], units: HeadingUnit[], weights: ProbeWeights, index: ProbeIndex, segmentAt: number): Part[] {
  const titles = units.filter((unit) => unit.main.role === 'title');
  if (titles.length < 2 || paragraphs.length < 2) return [{ units, paragraphs }];

  const paragraphTerms = paragraphs.map((paragraph) => index.of(paragraph));
  const candidates = titles.slice(0, MAX_PARTS);
  const affinity = paragraphTerms.map((p) => candidates.map((unit) => weights.coverage(unit.terms, p)));

  let best: { order: number[]; cuts: number[]; score: number } | undefined;
  for (const order of orderings(candidates.length)) {
    // (A headline printed over the segment heads its first part: the text under it starts there.)
    if (order.some((unitIndex, k) => k > 0 && candidates[unitIndex]!.at < segmentAt)) continue;
    const split = bestCuts(affinity, order);
    const framed = order.length === 2 && candidates[order[0]!]!.at < segmentAt && candidates[order[1]!]!.at > segmentAt;
    if (!split || !accepted(split.cuts, order, affinity, paragraphTerms, candidates, weights, framed)) continue;
    if (!best || order.length > best.order.length || (order.length === best.order.length && split.score > best.score)) {
      best = { order, cuts: split.cuts, score: split.score };
    }
  }
  if (!best) return [{ units, paragraphs }];

  // Units that titled no part (subtitles, columns) stay with the part of the headline nearest above them.
  const parts: Part[] = best.order.map((unitIndex, k) => ({
    units: [candidates[unitIndex]!],
    paragraphs: paragraphs.slice(best!.cuts[k]!, best!.cuts[k + 1]!),
  }));
  for (const unit of units) {
    if (parts.some((part) => part.units.includes(unit))) continue;
    let host = parts[0]!;
    let hostAt = -Infinity;
    for (const part of parts) {
      const at = part.units[0]!.at;
      if (at <= unit.at && at > hostAt) [host, hostAt] = [part, at];
    }
    host.units.push(unit);
  }
  return parts;
}

/**
 * A segment with headlines over it and headlines printed after it holds two articles when it parts
 * between them: the first part under a headline over it, the last under one printed after it that
 * repeats that part's own words (a headline printed under its text repeats it; none is claimed
 * by elimination there).
 */
export function framesTwoArticles(paragraphs: string[], over: HeadingUnit[], after: HeadingUnit[], weights: ProbeWeights, index: ProbeIndex, segmentAt: number): boolean {
  // (No more headlines than a segment is cut for: the assignment asks about every cut of its runs,
  // and a run can be long, a page of nothing but short lines.)
  if (over.length + after.length > MAX_PARTS) return false;
  const parts = partitionByHeadings(paragraphs, [...over, ...after], weights, index, segmentAt);
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (parts.length < 2 || !over.includes(first.units[0]!) || !after.includes(last.units[0]!)) return false;
  return weights.coverageOfAny(last.units[0]!.terms, last.paragraphs.map((paragraph) => index.of(paragraph))) >= MIN_OWN_COVERAGE;
}

/** Every ordered choice of 2..n distinct headline indexes. */
function orderings(n: number): number[][] {
  const out: number[][] = [];
  const walk = (prefix: number[]) => {
    if (prefix.length >= 2) out.push(prefix);
    if (prefix.length === n) return;
    for (let i = 0; i < n; i++) if (!prefix.includes(i)) walk([...prefix, i]);
  };
  walk([]);
  return out;
}

/** Cut positions (with 0 and the end) giving each part to order[k] with the largest total affinity. */
function bestCuts(affinity: number[][], order: number[]): { cuts: number[]; score: number } | undefined {
  const n = affinity.length;
  const k = order.length;
  if (n < k) return undefined;
  // prefix[u][i]: total affinity of paragraphs 0..i-1 to headline u, so any part's total is O(1).
  const prefix = order.map((unit) => {
    const sums = [0];
    for (let i = 0; i < n; i++) sums.push(sums[i]! + affinity[i]![unit]!);
    return sums;
  });
  const partSum = (from: number, to: number, p: number) => prefix[p]![to]! - prefix[p]![from]!;
  // score[p][i]: best total for the first i paragraphs split into p+1 parts.
  const score: number[][] = [];
  const back: number[][] = [];
  for (let p = 0; p < k; p++) {
    score.push(new Array(n + 1).fill(-Infinity));
    back.push(new Array(n + 1).fill(0));
    for (let i = p + 1; i <= n; i++) {
      if (p === 0) {
        score[0]![i] = partSum(0, i, 0);
        continue;
      }
      for (let j = p; j < i; j++) {
        // Later cuts win ties: a short closing line stays with the article it closes.
        const candidate = score[p - 1]![j]! + partSum(j, i, p);
        if (candidate >= score[p]![i]!) {
          score[p]![i] = candidate;
          back[p]![i] = j;
        }
      }
    }
  }
  const cuts = [n];
  for (let p = k - 1, i = n; p > 0; p--) {
    i = back[p]![i]!;
    cuts.unshift(i);
  }
  cuts.unshift(0);
  return { cuts, score: score[k - 1]![n]! };
}

function sum(affinity: number[][], from: number, to: number, unit: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += affinity[i]![unit]!;
  return total;
}

function accepted(
  cuts: number[],
  order: number[],
  affinity: number[][],
  paragraphTerms: ProbeSet[],
  candidates: HeadingUnit[],
  weights: ProbeWeights,
  framed: boolean,
): boolean {
  let weakParts = 0;
  for (let k = 0; k < order.length; k++) {
    const own = sum(affinity, cuts[k]!, cuts[k + 1]!, order[k]!);
    let others = 0;
    for (const other of order) {
      if (other === order[k]) continue;
      const theirs = sum(affinity, cuts[k]!, cuts[k + 1]!, other);
      if (own < DOMINANCE * theirs + DOMINANCE_MARGIN) return false;
      others += theirs;
    }
    const part = paragraphTerms.slice(cuts[k]!, cuts[k + 1]!);
    const coverage = weights.coverageOfAny(candidates[order[k]!]!.terms, part);
    if (coverage >= MIN_OWN_COVERAGE) continue;
    if (!framed || coverage < MIN_FRAMED_COVERAGE || others > 0) return false;
    weakParts++;
  }
  return weakParts < order.length;
}
