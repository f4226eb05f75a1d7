// PDF text extraction needs a document context: Chrome's service worker has none, so an
// offscreen page does it there; Firefox's background is an event page and does it itself.
import { browser } from 'wxt/browser';
import { sendMessage } from '../../utils/messaging';
import type { PdfReading } from '../../utils/pdf-text';

const OFFSCREEN_PATH = '/offscreen.html';

async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const existing = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [url],
  });
  if (existing.length > 0) return;
  try {
    await browser.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['WORKERS' as Browser.offscreen.Reason],
      justification: 'Read the text of a PDF with pdf.js',
    });
  } catch (error) {
    // Two saves at once may both try to create it; one document is all that is needed.
    if (!String(error).includes('single offscreen')) throw error;
  }
}

export async function readPdfFromBase64(base64: string): Promise<PdfReading> {
  if (import.meta.env.FIREFOX) {
    const [{ readPdf }, pdfjs, { base64ToBytes }] = await Promise.all([
      import('../../utils/pdf-text'),
      import('../../utils/pdfjs-browser'),
      import('../../utils/page-capture'),
    ]);
    return readPdf(base64ToBytes(base64), pdfjs.pdfjs, { cMapUrl: pdfjs.cMapUrl() });
  }
  await ensureOffscreenDocument();
  return sendMessage('readPdf', { base64 });
}
