// The PDF-in-tab route as the extension runs it, in Node: the PDF's bytes in, what the capture
// sends the Worker out (without the capture time). This is the one place the corpus calls the
// extension's PDF code: when the route changes (a layout-aware reader, a capture field carrying
// the PDF's structure), change this function and every corpus figure follows.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfLayoutThatFits } from '../../extension/utils/pdf-layout';
import { readPdf } from '../../extension/utils/pdf-text';
import type { PipelineInput } from '../../worker/src/pipeline';

export type TabCapture = Omit<PipelineInput, 'capturedAt'>;

const cMapUrl = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/cmaps/`;

export async function readPdfInTab(bytes: Uint8Array): Promise<TabCapture> {
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  // What the extension sends: the text, and the pages' layout when it is within the API's limits.
  const { text, pdf } = await readPdf(new Uint8Array(bytes), { getDocument }, { cMapUrl });
  return { text, ...pdfLayoutThatFits(pdf) };
}
