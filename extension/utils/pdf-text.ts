// Reads a PDF's text with pdf.js and lays each page out in reading order.
// The caller passes the pdf.js module, so the browser build and Node's legacy build both work.
import type * as PdfJs from 'pdfjs-dist';
import { joinPages, layoutPageText, type PositionedText } from './pdf-layout';

type PdfJsModule = Pick<typeof PdfJs, 'getDocument'>;

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function textItems(items: readonly object[]): TextItemLike[] {
  return items.filter((item): item is TextItemLike => 'str' in item && 'transform' in item);
}

export function toPositionedText(item: TextItemLike): PositionedText {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
  return { text: item.str, x, y, width: item.width, size };
}

export interface PdfTextOptions {
  /** Where pdf.js finds its CMaps, for PDFs whose CJK fonts are not embedded. */
  cMapUrl?: string;
}

export async function extractPdfText(bytes: Uint8Array, pdfjs: PdfJsModule, options: PdfTextOptions = {}): Promise<string> {
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
    const pages: string[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber += 1) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      pages.push(layoutPageText(textItems(content.items).map(toPositionedText)));
      page.cleanup();
    }
    return joinPages(pages);
  } finally {
    await task.destroy();
  }
}
