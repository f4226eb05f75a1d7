import { Window } from 'happy-dom';
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
