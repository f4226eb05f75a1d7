// pdf.js for extension pages. Its worker runs in the same thread ("fake worker"): importing the
// worker module up front means pdf.js needs no separate worker file or dynamic import.
import * as pdfjs from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

export { pdfjs };

/** The CMaps copied into the extension at build time, for PDFs with non-embedded CJK fonts. */
export function cMapUrl(): string {
  // Extension pages (and Firefox's background page) are served from the extension's origin.
  return new URL('/cmaps/', location.origin).href;
}
