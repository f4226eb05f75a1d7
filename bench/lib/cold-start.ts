// Child process: the CPU a fresh process spends on its first summary of the seed page, as a new
// Worker isolate would (code compiled lazily, caches empty; jieba also builds its dictionary).
// Prints JSON on its last line. Usage: node --import tsx bench/lib/cold-start.ts ours|baseline
import { cleanText } from '../../worker/src/pipeline/clean';
import { splitArticles } from '../../worker/src/pipeline/split';
import { readSeedPage } from './inputs';
import { cpuNow } from './timing';

export interface ColdStart {
  firstRunMs: number;
}

const capturedAt = '2024-07-31T00:00:00.000Z';
const page = readSeedPage();

/** Each returns the function to time, loaded but never run. */
const loaders: Record<string, () => Promise<() => unknown>> = {
  async ours() {
    const { runPipeline } = await import('../../worker/src/pipeline');
    return () => runPipeline({ text: page, capturedAt });
  },
  async baseline() {
    // The baseline summarizes the articles our split finds; finding them is not timed.
    const parts = splitArticles(cleanText(page).lines);
    const { baselineSummary } = await import('./jieba-textrank');
    return () => parts.map((part) => baselineSummary(part.paragraphs));
  },
};

const load = loaders[process.argv[2] ?? ''];
if (!load) throw new Error('usage: cold-start.ts ours|baseline');
const firstRun = await load();
const started = cpuNow();
firstRun();
console.log(JSON.stringify({ firstRunMs: cpuNow() - started } satisfies ColdStart));
