// Injected only when the user asks to save (popup, context menu or shortcut), never on page load:
// registration 'runtime' with no matches, run through browser.scripting.executeScript.
import { chooseCaptureText, headlineOf, isPdfDocument } from '../utils/capture-text';
import { bytesToBase64, MAX_PDF_BYTES, type PageCapture } from '../utils/page-capture';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main(): Promise<PageCapture> {
    const url = location.href;
    const title = document.title.trim();
    if (isPdfDocument(document, url)) {
      // Same-origin fetch from inside the tab: needs no host permission.
      const response = await fetch(url);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.length > MAX_PDF_BYTES) throw new Error('PDF too large');
      return { kind: 'pdf', url, title, base64: bytesToBase64(bytes) };
    }
    const chosen = chooseCaptureText(document, { selectionText: window.getSelection()?.toString() ?? '' });
    const lang = document.documentElement.lang.trim() || undefined;
    // An article's own headline beats the document title, which often carries the site's name;
    // a page of several articles (an e-paper page) keeps the document title.
    const headline = chosen.headline ?? (chosen.source === 'selection' ? headlineOf(document, title) : undefined);
    const capture: PageCapture = { kind: 'text', url, title: headline || title, lang, text: chosen.text, source: chosen.source };
    if (chosen.article) capture.article = chosen.article;
    return capture;
  },
});
