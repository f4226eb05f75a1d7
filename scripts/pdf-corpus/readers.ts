// The ways a PDF's text reaches Baozhai: the extension's PDF-in-tab route, and a copy of the text
// as pdftotext (-raw: content order; default: its reading-order guess) and PDFium (the engine of
// Chrome's PDF viewer: select all, copy) give it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PDFiumLibrary as PdfiumLibraryType } from '@hyzyla/pdfium';
import { readPdfInTab, type TabCapture } from './tab-route';

const run = promisify(execFile);

export const READERS = ['tab', 'pdftotext-raw', 'pdftotext', 'pdfium'] as const;
export type ReaderName = (typeof READERS)[number];

/** Readers whose output depends only on the PDF (not on this project's code), so it can be cached. */
export const COPY_READERS: ReaderName[] = ['pdftotext-raw', 'pdftotext', 'pdfium'];

async function pdftotext(pdfPath: string, raw: boolean): Promise<string> {
  const { stdout } = await run('pdftotext', [...(raw ? ['-raw'] : []), '-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 });
  // Pages end in a form feed; a paste of several pages has a line break there.
  return stdout.replace(/\f/g, '\n');
}

let pdfium: Promise<PdfiumLibraryType> | undefined;
let pdfiumDocuments = 0;
/**
 * The wrapper never closes the pages it opens, so its WebAssembly memory (2 GB at most) grows with
 * every document; a fresh instance every so many documents keeps it small (the corpus's 9 MB
 * Chromium PDFs ran it out of memory after about 150).
 */
const PDFIUM_DOCUMENTS_PER_INSTANCE = 20;

async function pdfiumText(bytes: Uint8Array): Promise<string> {
  if (pdfiumDocuments++ % PDFIUM_DOCUMENTS_PER_INSTANCE === 0) await destroyReaders();
  pdfium ??= import('@hyzyla/pdfium').then(({ PDFiumLibrary }) => PDFiumLibrary.init());
  const library = await pdfium;
  const document = await library.loadDocument(bytes);
  try {
    // Chrome's viewer copies a selection across pages with a line break between them.
    return [...document.pages()].map((page) => page.getText()).join('\n');
  } finally {
    document.destroy();
  }
}

export async function destroyReaders(): Promise<void> {
  if (pdfium) (await pdfium).destroy();
  pdfium = undefined;
}

export async function readPdf(reader: ReaderName, pdfPath: string, bytes: Uint8Array): Promise<TabCapture> {
  switch (reader) {
    case 'tab':
      return readPdfInTab(bytes);
    case 'pdftotext-raw':
      return { text: await pdftotext(pdfPath, true) };
    case 'pdftotext':
      return { text: await pdftotext(pdfPath, false) };
    case 'pdfium':
      return { text: await pdfiumText(bytes) };
  }
}
