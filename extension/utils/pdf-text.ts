// Reads a PDF with pdf.js: each page's text items in the content stream's order, laid out into
// blocks of positioned lines (pdf-layout.ts). The caller passes the pdf.js module, so the browser
// build and Node's legacy build both work.
import type * as PdfJs from 'pdfjs-dist';
import type { PdfLayout, PdfPage } from '../../shared/src/schemas';
import { documentText, layoutPage, type PdfTextItem } from './pdf-layout';

type PdfJsModule = Pick<typeof PdfJs, 'getDocument'>;

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName?: string;
}

interface Viewport {
  width: number;
  height: number;
  /** From PDF space to the page as shown (y down). */
  transform: number[];
  convertToViewportPoint(x: number, y: number): number[];
}

function textItems(items: readonly object[]): TextItemLike[] {
  return items.filter((item): item is TextItemLike => 'str' in item && 'transform' in item);
}

/** A string runs down the page when its writing direction points down this many times more than across (a quarter turn; a slanted string does not). */
const DOWNWARD = 4;

/**
 * A pdf.js text item in the page's top-left coordinates (as the page is shown, rotation included).
 * A string whose writing runs down the shown page (turned a quarter clockwise, as Latin inside a
 * vertical headline is) or set in a vertical font is marked vertical, with the length it runs.
 */
export function toPdfTextItem(item: TextItemLike, viewport: Viewport, verticalFont = false): PdfTextItem {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
  const [x = e, y = f] = viewport.convertToViewportPoint(e, f);
  const [va = 1, vb = 0, vc = 0, vd = 1] = viewport.transform;
  // The writing direction on the shown page: the text's x axis through the viewport's transform.
  const across = va * a + vc * b;
  const down = vb * a + vd * b;
  const base = { text: item.str, x, y, width: item.width, size, font: item.fontName ?? '' };
  if (verticalFont) return { ...base, width: size, vertical: { height: item.height } };
  if (down > 0 && down > Math.abs(across) * DOWNWARD) return { ...base, width: size, vertical: { height: item.width } };
  return base;
}

export interface PdfTextOptions {
  /** Where pdf.js finds its CMaps, for PDFs whose CJK fonts are not embedded. */
  cMapUrl?: string;
}

/** What a PDF capture sends: the layout of every page, and the same lines as plain text. */
export interface PdfReading {
  text: string;
  pdf: PdfLayout;
}

export async function readPdf(bytes: Uint8Array, pdfjs: PdfJsModule, options: PdfTextOptions = {}): Promise<PdfReading> {
  const task = pdfjs.getDocument({
    data: bytes,
    cMapUrl: options.cMapUrl,
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0, // errors only: pdf.js warns about every font it cannot render, which text does not need
  });
  const pdf = await task.promise;
  try {
    const pages: PdfPage[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber += 1) {
      const page = await pdf.getPage(pageNumber);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const verticalFonts = new Set(Object.entries(content.styles).filter(([, style]) => style.vertical).map(([name]) => name));
      const items = textItems(content.items).map((item) => toPdfTextItem(item, viewport, verticalFonts.has(item.fontName ?? '')));
      pages.push(layoutPage(items, { number: pageNumber, width: viewport.width, height: viewport.height }));
      page.cleanup();
    }
    return { text: documentText(pages), pdf: { pages } };
  } finally {
    await task.destroy();
  }
}

/** The PDF's text alone, in the same reading order. */
export async function extractPdfText(bytes: Uint8Array, pdfjs: PdfJsModule, options: PdfTextOptions = {}): Promise<string> {
  return (await readPdf(bytes, pdfjs, options)).text;
}

