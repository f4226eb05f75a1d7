// The PDF in the tab, over the PDF corpus (scripts/pdf-corpus: real pages typeset by Chromium and
// WeasyPrint): the extension's extraction time per page (extension/utils/pdf-text.ts readPdf, run
// by pdf.js's legacy build in Node, where the extension runs the browser build), and the pipeline's
// CPU per page on the layout route (a page's layout and text, as one page of a capture).
// Run alone: npx tsx bench/pdf.bench.ts [--quick]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfPage } from '../shared/src';
import { pageText } from '../extension/utils/pdf-layout';
import { readPdf } from '../extension/utils/pdf-text';
import { runPipeline } from '../worker/src/pipeline';
import { buildCorpus, corpusDocs, ENGINES } from '../scripts/pdf-corpus/corpus';
import { formatTable, ms, row, summaryLine, type Row } from './lib/report';
import { cpuNow, timingOf } from './lib/timing';

/** The free plan's CPU limit per request: every page's pipeline must fit in it. */
const PAGE_CPU_LIMIT_MS = 10;

const cMapUrl = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/cmaps/`;

/** Median CPU time of `task` over `runs` calls, after one call of warm-up. */
function medianCpu(task: () => unknown, runs: number): number {
  task();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = cpuNow();
    task();
    samples.push(cpuNow() - start);
  }
  return timingOf('task', samples).medianMs;
}

async function medianCpuAsync(task: () => Promise<unknown>, runs: number): Promise<{ cpu: number; wall: number }> {
  await task();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let run = 0; run < runs; run++) {
    const startCpu = cpuNow();
    const startWall = performance.now();
    await task();
    cpu.push(cpuNow() - startCpu);
    wall.push(performance.now() - startWall);
  }
  return { cpu: timingOf('cpu', cpu).medianMs, wall: timingOf('wall', wall).medianMs };
}

const quantileOf = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;

export async function benchPdf(options: { quick: boolean }): Promise<Row[]> {
  const docs = corpusDocs();
  const built = await buildCorpus(options.quick ? docs.filter((_, index) => index % 4 === 0) : docs);
  const extraction: number[] = [];
  const extractionWall: number[] = [];
  const pipeline: Array<{ ms: number; name: string }> = [];
  const capturedAt = '2026-01-01T00:00:00.000Z';
  for (const doc of built) {
    for (const engine of ENGINES) {
      const bytes = new Uint8Array(readFileSync(doc.pdfs[engine]));
      let pages: PdfPage[] = [];
      const timing = await medianCpuAsync(async () => {
        // pdf.js takes the buffer it is given: a copy each time.
        pages = (await readPdf(bytes.slice(), { getDocument }, { cMapUrl })).pdf.pages;
      }, 1);
      extraction.push(timing.cpu / pages.length);
      extractionWall.push(timing.wall / pages.length);
      for (const page of pages) {
        const input = { text: pageText(page), pdf: { pages: [page] }, capturedAt };
        pipeline.push({ ms: medianCpu(() => runPipeline(input), options.quick ? 5 : 15), name: `${doc.doc.name} p${page.number} (${engine})` });
      }
    }
  }
  const pageTimes = pipeline.map((entry) => entry.ms);
  const worst = pipeline.reduce((a, b) => (b.ms > a.ms ? b : a));
  const section = 'pdf';
  const count = `${pipeline.length} pages of ${built.length} documents × ${ENGINES.length} engines`;
  return [
    row(section, `extraction in the extension per page (readPdf: pdf.js legacy build in Node), CPU median / p90 / max, ${count}`, `${ms(quantileOf(extraction, 0.5))} / ${ms(quantileOf(extraction, 0.9))} / ${ms(Math.max(...extraction))}`, '', null),
    row(section, '  same, wall time median / max', `${ms(quantileOf(extractionWall, 0.5))} / ${ms(Math.max(...extractionWall))}`, '', null),
    row(section, 'pipeline CPU per page, layout route: median / p90', `${ms(quantileOf(pageTimes, 0.5))} / ${ms(quantileOf(pageTimes, 0.9))}`, '', null),
    row(section, `pipeline CPU per page, layout route: slowest page (${worst.name})`, ms(worst.ms), `≤ ${PAGE_CPU_LIMIT_MS} ms`, worst.ms <= PAGE_CPU_LIMIT_MS),
  ];
}

if (process.argv[1] === import.meta.filename) {
  const rows = await benchPdf({ quick: process.argv.includes('--quick') });
  console.log(formatTable(rows));
  console.log(summaryLine(rows));
}
