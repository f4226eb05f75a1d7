// The PDF corpus (scripts/pdf-corpus) as pipeline inputs, each route a list of named cases: one page's
// layout (the tab route, one page of a capture), a whole capture as the extension sends it, and one
// page's text as a copy gives it (pdftotext -raw; PDFium, the engine of Chrome's PDF viewer). Also the
// extension's extraction time per page (readPdf with pdf.js's legacy build, as the extension runs the
// browser build). Shared by bench/pdf.bench.ts and bench/compare-revision.ts --pdf.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfPage } from '../../shared/src';
import { pageText, pdfLayoutThatFits } from '../../extension/utils/pdf-layout';
import { readPdf } from '../../extension/utils/pdf-text';
import type { PipelineInput } from '../../worker/src/pipeline';
import { buildCorpus, corpusDocs, ENGINES } from '../../scripts/pdf-corpus/corpus';
import { cpuNow } from './timing';

const cMapUrl = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/cmaps/`;
const run = promisify(execFile);
const capturedAt = '2026-01-01T00:00:00.000Z';

export interface PdfCase {
  name: string;
  input: PipelineInput;
}

export const PDF_ROUTES = ['layout', 'capture', 'pdftotext-raw', 'pdfium'] as const;
export type PdfRoute = (typeof PDF_ROUTES)[number];

export interface PdfCorpusInputs {
  routes: Record<PdfRoute, PdfCase[]>;
  documents: number;
  /** CPU and wall time of the extension's extraction, per page, one figure per PDF. */
  extractionCpuMs: number[];
  extractionWallMs: number[];
}

/** One page's text as `pdftotext -raw` gives it (content order, as a copy of such a page pastes). */
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

/** Every document of the corpus (a quarter with `quick`), both engines. Builds what the cache lacks. */
export async function readPdfCorpusInputs(options: { quick: boolean }): Promise<PdfCorpusInputs> {
  const docs = corpusDocs();
  const built = await buildCorpus(options.quick ? docs.filter((_, index) => index % 4 === 0) : docs);
  const routes: Record<PdfRoute, PdfCase[]> = { layout: [], capture: [], 'pdftotext-raw': [], pdfium: [] };
  const extractionCpuMs: number[] = [];
  const extractionWallMs: number[] = [];
  for (const doc of built) {
    for (const engine of ENGINES) {
      const bytes = new Uint8Array(readFileSync(doc.pdfs[engine]));
      const startCpu = cpuNow();
      const startWall = performance.now();
      // pdf.js takes the buffer it is given: pass a copy.
      const { text, pdf } = await readPdf(bytes.slice(), { getDocument }, { cMapUrl });
      extractionCpuMs.push((cpuNow() - startCpu) / pdf.pages.length);
      extractionWallMs.push((performance.now() - startWall) / pdf.pages.length);
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
  return { routes, documents: built.length, extractionCpuMs, extractionWallMs };
}
