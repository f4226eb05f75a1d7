// Child process for the scaling bench: runs one case against the pipeline and prints its
// figures as JSON on the last line. The parent kills it after a deadline, so a quadratic
// path shows up as a failure rather than a hang.
// Usage: node --expose-gc --import tsx bench/lib/pipeline-case.ts CASE [--quick]
import { runPipeline } from '../../worker/src/pipeline';
import { MAX_TEXT_CHARS } from '../../shared/src/schemas';
import { joinedPages, longerArticlesPage, oneCharacterLines, readSeedPage, runOnPage } from './inputs';
import { cpuNow, measure, timingOf, type Timing } from './timing';

export type CaseName = 'scaling' | 'run-on' | 'one-char-lines' | 'text-limit' | 'memory';

export interface CaseResult {
  timings: Record<string, Timing>;
  /** Characters of each input. */
  chars: Record<string, number>;
  articles: Record<string, number>;
  heap?: { inputBytes: number; afterRunBytes: number; retainedBytes: number };
}

const capturedAt = '2024-07-31T00:00:00.000Z';
const page = readSeedPage();
const run = (text: string) => runPipeline({ text, capturedAt });

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
}

function warmUp(): void {
  for (let i = 0; i < 30; i++) run(page);
}

/** A single large input: a few timed runs after one untimed. */
function timeOnce(name: string, text: string, runs: number): CaseResult {
  warmUp();
  const articles = run(text).articles.length;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = cpuNow();
    run(text);
    samples.push(cpuNow() - start);
  }
  return { timings: { [name]: timingOf(name, samples) }, chars: { [name]: text.length }, articles: { [name]: articles } };
}

async function scaling(quick: boolean): Promise<CaseResult> {
  const inputs: Record<string, string> = {
    '1×': page,
    '8×': joinedPages(page, 8),
    '64×': joinedPages(page, 64),
    'longer 1×': longerArticlesPage(1),
    'longer 64×': longerArticlesPage(64),
  };
  // Each input in its own block with its own warm-up: interleaved with the large inputs, the
  // small ones would pay for collecting the large ones' garbage.
  const timings = await measure(
    Object.fromEntries(Object.entries(inputs).map(([name, text]) => [name, () => run(text)])),
    { time: quick ? 300 : 1000, iterations: quick ? 5 : 15 },
  );
  return {
    timings: Object.fromEntries(timings),
    chars: Object.fromEntries(Object.entries(inputs).map(([name, text]) => [name, text.length])),
    articles: Object.fromEntries(Object.entries(inputs).map(([name, text]) => [name, run(text).articles.length])),
  };
}

/** Heap used after a run of the 64× input, before any collection and with its result still held. */
function memory(): CaseResult {
  warmUp();
  const text = joinedPages(page, 64);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const result = run(text);
  const afterRun = process.memoryUsage().heapUsed;
  collectGarbage();
  const retained = process.memoryUsage().heapUsed;
  return {
    timings: {},
    chars: { '64×': text.length },
    articles: { '64×': result.articles.length },
    heap: { inputBytes: Buffer.byteLength(text), afterRunBytes: afterRun - before, retainedBytes: retained - before },
  };
}

const name = process.argv[2] as CaseName;
const quick = process.argv.includes('--quick');
const cases: Record<CaseName, () => CaseResult | Promise<CaseResult>> = {
  scaling: () => scaling(quick),
  'run-on': () => timeOnce('1 MB run-on line', runOnPage(page, 1_000_000), quick ? 3 : 5),
  'one-char-lines': () => timeOnce('100,000 one-character lines', oneCharacterLines(page, 100_000), quick ? 3 : 5),
  // The longest text the API accepts, made of whole seed pages.
  'text-limit': () => timeOnce('text at the API limit', joinedPages(page, Math.ceil(MAX_TEXT_CHARS / page.length)).slice(0, MAX_TEXT_CHARS), quick ? 1 : 3),
  memory,
};
if (!cases[name]) throw new Error(`unknown case ${name}`);
console.log(JSON.stringify(await cases[name]()));
