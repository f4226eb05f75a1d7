// Issue 5, points 1-2: the pipeline on the seed page, stage by stage, against a jieba + TextRank
// baseline in the same process, and both systems' ROUGE on the editors' summaries.
// Run alone: npx tsx bench/pipeline.bench.ts [--quick]
import { runPipeline } from '../worker/src/pipeline';
import { cleanText } from '../worker/src/pipeline/clean';
import { extractKeywords } from '../worker/src/pipeline/keywords';
import { detectLang } from '../worker/src/pipeline/lang';
import { splitArticles } from '../worker/src/pipeline/split';
import { summarize } from '../worker/src/pipeline/summarize';
import { readArticles, scoreSystem, SYSTEMS } from '../scripts/eval-rouge';
import { readSeedPage } from './lib/inputs';
import { baselineSummary } from './lib/jieba-textrank';
import { SUMMARIES_PATH } from './lib/paths';
import { formatTable, ms, row, summaryLine, times, type Row } from './lib/report';
import { measure, measureInterleaved, spread, type Timing } from './lib/timing';

const TARGET_PAGE_MS = 0.5;
const TARGET_SPEEDUP = 20;

export async function benchPipeline(options: { quick: boolean }): Promise<Row[]> {
  const page = readSeedPage();
  const capturedAt = '2024-07-31T00:00:00.000Z';
  // Each stage is timed on the output of the one before, computed once outside the timing.
  const cleaned = cleanText(page);
  const parts = splitArticles(cleaned.lines);
  const langs = parts.map((part) => detectLang(part.paragraphs.join('\n')));
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
