import { Window } from 'happy-dom';
import { render } from 'preact';
import { blockTexts } from '../../extension/utils/capture-text';

/** A document parsed by happy-dom, as a page in the browser would have it. */
export function documentFrom(html: string, url = 'https://news.example.com/2024/07/30/story.html'): Document {
  const window = new Window({ url });
  window.document.write(html);
  return window.document as unknown as Document;
}

/**
 * happy-dom has no layout, so its innerText drops line breaks; this stands in for the browser's
 * rendered text: block by block, <br> as a line break, hidden elements left out.
 */
export function renderedText(element: HTMLElement): string {
  const clone = element.cloneNode(true) as HTMLElement;
  for (const hidden of Array.from(clone.querySelectorAll('[hidden], [style*="display:none"], [style*="display: none"]'))) {
    hidden.remove();
  }
  return blockTexts(clone).join('\n');
}

/**
 * An element in a happy-dom page at an extension's address, to render components into; `close`
 * unmounts them and puts the previous global document back.
 */
export function mountPoint(url = 'chrome-extension://abcdefghijklmnop/popup.html'): { window: Window; root: HTMLElement; close(): void } {
  const window = new Window({ url });
  const previousDocument = globalThis.document;
  globalThis.document = window.document as unknown as Document;
  const root = window.document.createElement('div') as unknown as HTMLElement;
  window.document.body.appendChild(root as never);
  return {
    window,
    root,
    close() {
      render(null, root);
      globalThis.document = previousDocument;
      window.close();
    },
  };
}
