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
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path, { dirname } from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfPage } from '../shared/src';
import { pageText, pdfLayoutThatFits } from '../extension/utils/pdf-layout';
import { readPdf } from '../extension/utils/pdf-text';
import { runPipeline, type PipelineInput } from '../worker/src/pipeline';
import { buildCorpus, corpusDocs, ENGINES } from '../scripts/pdf-corpus/corpus';
import { runChild } from './lib/child';
import { readSeedPage } from './lib/inputs';
import { formatTable, ms, row, summaryLine, times, type Row } from './lib/report';
import { cpuNow, timingOf } from './lib/timing';
import type { FirstRun } from './lib/pdf-first-run';

/** The free plan's CPU limit per request: every page's pipeline must fit in it. */
const PAGE_CPU_LIMIT_MS = 10;
const FIRST_RUN_FILE = path.join(import.meta.dirname, 'lib', 'pdf-first-run.ts');

const cMapUrl = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/cmaps/`;
const run = promisify(execFile);
const capturedAt = '2026-01-01T00:00:00.000Z';

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

/** The pipeline inputs of one route, each named for the table. */
interface Case {
  name: string;
  input: PipelineInput;
}

/** One page's text as `pdftotext` gives it (-raw: content order, as a copy of such a page pastes). */
async function pdftotextPage(pdfPath: string, page: number): Promise<string> {
  const { stdout } = await run('pdftotext', ['-raw', '-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.replace(/\f/g, '\n');
}

/** Each page's text as PDFium (Chrome's PDF viewer: select all, copy) gives it. */
async function pdfiumPages(bytes: Uint8Array): Promise<string[]> {
  const { PDFiumLibrary } = await import('@hyzyla/pdfium');
  // A fresh instance per document: the wrapper never frees the pages it opens (see scripts/pdf-corpus/readers.ts).
  const library = await PDFiumLibrary.init();
  try {
    const document = await library.loadDocument(bytes);
    return [...document.pages()].map((page) => page.getText());
  } finally {
    library.destroy();
  }
}

export async function benchPdf(options: { quick: boolean }): Promise<Row[]> {
  const docs = corpusDocs();
  const built = await buildCorpus(options.quick ? docs.filter((_, index) => index % 4 === 0) : docs);
  const extraction: number[] = [];
  const extractionWall: number[] = [];
  const routes: Record<'layout' | 'capture' | 'pdftotext-raw' | 'pdfium', Case[]> = { layout: [], capture: [], 'pdftotext-raw': [], pdfium: [] };
  for (const doc of built) {
    for (const engine of ENGINES) {
      const bytes = new Uint8Array(readFileSync(doc.pdfs[engine]));
      // pdf.js takes the buffer it is given: a copy each time. Warmed by the documents before it.
      const startCpu = cpuNow();
      const startWall = performance.now();
      const { text, pdf } = await readPdf(bytes.slice(), { getDocument }, { cMapUrl });
      extraction.push((cpuNow() - startCpu) / pdf.pages.length);
      extractionWall.push((performance.now() - startWall) / pdf.pages.length);
      const name = (page?: PdfPage) => `${doc.doc.name}${page ? ` p${page.number}` : ''} (${engine})`;
      routes.capture.push({ name: name(), input: { text, ...pdfLayoutThatFits(pdf), capturedAt } });
      const copied = await pdfiumPages(bytes);
      for (const page of pdf.pages) {
        routes.layout.push({ name: name(page), input: { text: pageText(page), pdf: { pages: [page] }, capturedAt } });
        routes['pdftotext-raw'].push({ name: name(page), input: { text: await pdftotextPage(doc.pdfs[engine], page.number), capturedAt } });
        routes.pdfium.push({ name: name(page), input: { text: copied[page.number - 1] ?? '', capturedAt } });
      }
    }
  }

  const seed: PipelineInput = { text: readSeedPage(), capturedAt };
  const all = [...Object.values(routes).flat().map((c) => c.input), seed];
  // Warm-up: the code a Worker runs once it has served a few pages.
  for (const input of all) runPipeline(input);
  const rounds = options.quick ? 5 : 15;
  const timed = (cases: Case[]) => medianCpus(cases.map((c) => c.input), rounds).map((median, k) => ({ name: cases[k]!.name, ms: median }));
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
  const count = `${layout.length} pages of ${built.length} documents × ${ENGINES.length} engines`;
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
