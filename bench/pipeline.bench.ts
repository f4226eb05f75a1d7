// Issue 5, points 1-2: the pipeline on the seed page, stage by stage, against a jieba + TextRank
// baseline in the same process, and both systems' ROUGE on the editors' summaries.
// Run alone: npx tsx bench/pipeline.bench.ts [--quick]
import { runPipeline } from '../worker/src/pipeline';
import { cleanText } from '../worker/src/pipeline/clean';
import { extractKeywords } from '../worker/src/pipeline/keywords';
import { detectLang } from '../worker/src/pipeline/lang';
import { splitArticles } from '../worker/src/pipeline/split';
import { summarize } from '../worker/src/pipeline/summarize';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readArticles, scoreSystem, SYSTEMS } from '../scripts/eval-rouge';
import { runChild } from './lib/child';
import type { ColdStart } from './lib/cold-start';
import { readSeedPage } from './lib/inputs';
import { baselineSummary } from './lib/jieba-textrank';
import { SUMMARIES_PATH } from './lib/paths';
import { formatTable, ms, row, summaryLine, times, type Row } from './lib/report';
import { measure, measureInterleaved, spread, type Timing } from './lib/timing';

const TARGET_PAGE_MS = 0.5;
const TARGET_SPEEDUP = 20;
const COLD_START_FILE = path.join(import.meta.dirname, 'lib', 'cold-start.ts');

/** Gzip size of jieba-wasm's WebAssembly module (its dictionary is inside). */
function jiebaWasmGzipBytes(): number {
  const entry = createRequire(import.meta.url).resolve('jieba-wasm');
  const wasm = path.join(path.dirname(entry), 'jieba_rs_wasm_bg.wasm');
  return gzipSync(readFileSync(wasm), { level: 9 }).length;
}

export async function benchPipeline(options: { quick: boolean }): Promise<Row[]> {
  const page = readSeedPage();
  const capturedAt = '2024-07-31T00:00:00.000Z';
  // Each stage is timed on the output of the one before, computed once outside the timing.
  const cleaned = cleanText(page);
  const parts = splitArticles(cleaned.lines);
  const langs = parts.map((part) => detectLang(part.paragraphs));
  let sink = 0;

  const timings = await measure(
    {
      pipeline: () => (sink += runPipeline({ text: page, capturedAt }).articles.length),
      cleanText: () => (sink += cleanText(page).lines.length),
      splitArticles: () => (sink += splitArticles(cleaned.lines).length),
      summarize: () => parts.forEach((part, i) => (sink += summarize(part.paragraphs, langs[i]!).length)),
      keywords: () => parts.forEach((part, i) => (sink += extractKeywords(part.title, part.paragraphs, langs[i]!).length)),
      'jieba + TextRank': () => parts.forEach((part) => (sink += baselineSummary(part.paragraphs).length)),
    },
    { time: options.quick ? 300 : 1000 },
  );
  if (sink === 0) throw new Error('the pipeline produced nothing');

  const withSpread = (timing: Timing) => `${ms(timing.medianMs)} ${spread(timing)}`;
  const ours = timings.get('pipeline')!;
  const section = 'pipeline';
  const rows: Row[] = [
    row(section, `whole pipeline per seed page (${parts.length} articles), CPU median ± MAD`, withSpread(ours), `≤ ${TARGET_PAGE_MS} ms`, ours.medianMs <= TARGET_PAGE_MS),
  ];
  for (const stage of ['cleanText', 'splitArticles', 'summarize', 'keywords']) {
    rows.push(row(section, `  stage ${stage}`, withSpread(timings.get(stage)!), '', null));
  }
  rows.push(row('baseline', 'jieba + TextRank on the same articles', withSpread(timings.get('jieba + TextRank')!), '', null));

  // The ratio from alternating slices of both, so that load changes on the machine hit both alike.
  const paired = measureInterleaved(
    {
      ours: () => runPipeline({ text: page, capturedAt }),
      baseline: () => parts.forEach((part) => baselineSummary(part.paragraphs)),
    },
    { time: options.quick ? 1000 : 4000, minRounds: 5, sliceMs: 50 },
  );
  const speedup = paired.get('baseline')!.medianMs / paired.get('ours')!.medianMs;
  // Like for like: the baseline only summarizes, so also set it against our summary stages alone.
  const summaryStages = timings.get('summarize')!.medianMs + timings.get('keywords')!.medianMs;
  rows.push(
    row('baseline', `speed-up: baseline ÷ ours, alternating (${ms(paired.get('baseline')!.medianMs)} ÷ ${ms(paired.get('ours')!.medianMs)})`, times(speedup), `≥ ${TARGET_SPEEDUP}×`, speedup >= TARGET_SPEEDUP),
    row('baseline', 'baseline ÷ our summarize + keywords stages only', times(timings.get('jieba + TextRank')!.medianMs / summaryStages), '', null),
  );

  // A new isolate pays for its first call: lazy compilation, and jieba builds its dictionary.
  const [oursCold, baselineCold] = await Promise.all(['ours', 'baseline'].map((which) => runChild<ColdStart>(COLD_START_FILE, [which], 60_000)));
  if (oursCold?.ok && baselineCold?.ok) {
    const { firstRunMs: ourFirst } = oursCold.value;
    const { firstRunMs: baselineFirst } = baselineCold.value;
    rows.push(row('baseline', `first run in a fresh process: baseline ${ms(baselineFirst)} ÷ ours ${ms(ourFirst)}`, times(baselineFirst / ourFirst), '', null));
  }
  rows.push(row('baseline', "baseline's jieba-wasm module, gzip (the free plan's Worker limit is 3 MB)", `${(jiebaWasmGzipBytes() / 1_048_576).toFixed(2)} MB`, '', null));

  const articles = readArticles(SUMMARIES_PATH);
  const ourScores = scoreSystem(articles, SYSTEMS.ours!);
  const baselineScores = scoreSystem(articles, (article) => baselineSummary(article.article.split(/\n+/).filter((p) => p.trim())));
  const pct = (value: number) => (100 * value).toFixed(1);
  const scores = (s: typeof ourScores) => `R1 ${pct(s.rouge1)} / R2 ${pct(s.rouge2)} / RL ${pct(s.rougeL)}`;
  rows.push(
    row('baseline', `ROUGE-L on ${articles.length} editors' summaries, ours (${scores(ourScores)})`, pct(ourScores.rougeL), `≥ baseline's ${pct(baselineScores.rougeL)}`, ourScores.rougeL >= baselineScores.rougeL),
    row('baseline', `ROUGE-L, baseline (${scores(baselineScores)})`, pct(baselineScores.rougeL), '', null),
  );
  return rows;
}

if (process.argv[1] === import.meta.filename) {
  const rows = await benchPipeline({ quick: process.argv.includes('--quick') });
  console.log(formatTable(rows));
  console.log(summaryLine(rows));
}
