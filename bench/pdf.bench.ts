// The PDF corpus (scripts/pdf-corpus: real pages typeset by Chromium and WeasyPrint), page by page:
// - the extension's extraction time per page (extension/utils/pdf-text.ts readPdf, run by pdf.js's
//   legacy build in Node, where the extension runs the browser build);
// - the pipeline's CPU per page on the layout route (a page's layout and text, as one page of a
//   capture), on each whole capture as the extension sends it (every page of a document, one request),
//   and on the text a copy of the same page gives (pdftotext -raw, PDFium: the paste route).
// The pipeline is timed warm: every input runs once before any is timed, as a Worker isolate that has
// served pages before runs it (the corpus's first page used to be its slowest, the JIT's warm-up
// charged to it). What a new isolate pays on its first page is a figure of its own, from a fresh
// process. The seed page, timed in the same process, sets every figure against a known workload.
// Run alone: npx tsx bench/pdf.bench.ts [--quick]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runPipeline, type PipelineInput } from '../worker/src/pipeline';
import { ENGINES } from '../scripts/pdf-corpus/corpus';
import { runChild } from './lib/child';
import { readSeedPage } from './lib/inputs';
import { readPdfCorpusInputs, type PdfCase } from './lib/pdf-inputs';
import type { FirstRun } from './lib/pdf-first-run';
import { formatTable, ms, row, summaryLine, times, type Row } from './lib/report';
import { cpuNow, timingOf } from './lib/timing';

/** The free plan's CPU limit per request: every page's pipeline must fit in it. */
const PAGE_CPU_LIMIT_MS = 10;
const FIRST_RUN_FILE = path.join(import.meta.dirname, 'lib', 'pdf-first-run.ts');

/**
 * Median CPU time of one pipeline run per input, over `rounds` rounds that each run every input once
 * (the caller warms them up first): a burst of load on the machine lands on one sample of many inputs
 * rather than on every sample of one.
 */
function medianCpus(inputs: PipelineInput[], rounds: number): number[] {
  const samples = inputs.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    inputs.forEach((input, k) => {
      const start = cpuNow();
      runPipeline(input);
      samples[k]!.push(cpuNow() - start);
    });
  }
  return samples.map((values) => timingOf('run', values).medianMs);
}

const quantileOf = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;

export async function benchPdf(options: { quick: boolean }): Promise<Row[]> {
  const { routes, documents, extractionCpuMs: extraction, extractionWallMs: extractionWall } = await readPdfCorpusInputs(options);
  const seed: PipelineInput = { text: readSeedPage(), capturedAt: '2026-01-01T00:00:00.000Z' };
  const all = [...Object.values(routes).flat().map((c) => c.input), seed];
  // Warm-up: the code a Worker runs once it has served a few pages.
  for (const input of all) runPipeline(input);
  const rounds = options.quick ? 5 : 15;
  const timed = (cases: PdfCase[]) => medianCpus(cases.map((c) => c.input), rounds).map((median, k) => ({ name: cases[k]!.name, ms: median }));
  const layout = timed(routes.layout);
  const capture = timed(routes.capture);
  const copies = { 'pdftotext-raw': timed(routes['pdftotext-raw']), pdfium: timed(routes.pdfium) };
  const seedMs = medianCpus([seed], rounds * 4)[0]!;
  const slowest = (entries: { name: string; ms: number }[]) => entries.reduce((a, b) => (b.ms > a.ms ? b : a));
  const spread = (entries: { ms: number }[]) => {
    const values = entries.map((entry) => entry.ms);
    return `${ms(quantileOf(values, 0.5))} / ${ms(quantileOf(values, 0.9))}`;
  };
  const worst = slowest(layout);

  // A new isolate's first page: the slowest page, first run in a fresh process.
  const dir = mkdtempSync(path.join(tmpdir(), 'bz-pdf-bench-'));
  let firstRun: Awaited<ReturnType<typeof runChild<FirstRun>>>;
  try {
    const file = path.join(dir, 'page.json');
    writeFileSync(file, JSON.stringify(routes.layout.find((c) => c.name === worst.name)!.input));
    firstRun = await runChild<FirstRun>(FIRST_RUN_FILE, [file], 60_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const section = 'pdf';
  const count = `${layout.length} pages of ${documents} documents × ${ENGINES.length} engines`;
  const limit = `≤ ${PAGE_CPU_LIMIT_MS} ms`;
  const rows: Row[] = [
    row(section, `extraction in the extension per page (readPdf: pdf.js legacy build in Node), CPU median / p90 / max, ${count}`, `${ms(quantileOf(extraction, 0.5))} / ${ms(quantileOf(extraction, 0.9))} / ${ms(Math.max(...extraction))}`, '', null),
    row(section, '  same, wall time median / max', `${ms(quantileOf(extractionWall, 0.5))} / ${ms(Math.max(...extractionWall))}`, '', null),
    row(section, `pipeline CPU per page, warm, layout route (one page per run): median / p90; the seed page ${ms(seedMs)} in the same process`, spread(layout), '', null),
    row(section, `pipeline CPU per page, layout route: slowest page (${worst.name}; ${times(worst.ms / seedMs)} the seed page)`, ms(worst.ms), limit, worst.ms <= PAGE_CPU_LIMIT_MS),
  ];
  for (const [reader, entries] of Object.entries(copies)) {
    const slow = slowest(entries);
    rows.push(row(section, `pipeline CPU per page, text copied from the page (${reader}): median / p90, slowest ${slow.name} ${ms(slow.ms)}`, spread(entries), '', null));
    rows.push(row(section, `  slowest page, copied text (${reader})`, ms(slow.ms), limit, slow.ms <= PAGE_CPU_LIMIT_MS));
  }
  const slowCapture = slowest(capture);
  rows.push(row(section, `pipeline CPU per capture as the extension sends it (all of a document's pages, one request): median / p90, slowest ${slowCapture.name}`, `${spread(capture)} / ${ms(slowCapture.ms)}`, '', null));
  rows.push(
    firstRun.ok
      ? row(section, `a new isolate's first run (fresh process, code not yet compiled) on the slowest page: ${times(firstRun.value.firstRunMs / worst.ms)} its warm time`, ms(firstRun.value.firstRunMs), '', null)
      : row(section, "a new isolate's first run on the slowest page", `error: ${firstRun.reason}`, '', null),
  );
  return rows;
}

if (process.argv[1] === import.meta.filename) {
  const rows = await benchPdf({ quick: process.argv.includes('--quick') });
  console.log(formatTable(rows));
  console.log(summaryLine(rows));
}
