// An article's HTML as the plain text a copy and paste gives: the rendered-text rules a browser
// follows (HTML's innerText): each block element on lines of its own, a blank line around the
// elements that have vertical margins (paragraphs, headings, quotes, lists), table cells apart by
// a space, <br> a line break, runs of white space one space. Images give nothing.
import { Window } from 'happy-dom';

/** Elements that start and end a line of their own. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
/** Block elements with vertical margins by default: a paste sets them apart with a blank line. */
const SPACED_BLOCKS = new Set(['BLOCKQUOTE', 'DL', 'FIGURE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'OL', 'P', 'PRE', 'UL']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'svg', 'SVG']);

export interface PastedLine {
  text: string;
  /** The innermost block element the line comes from (P, H2, FIGCAPTION, LI…); BODY for loose text. */
  tag: string;
  /** A blank line stands before it. */
  blankBefore: boolean;
}

interface Walked {
  nodeType: number;
  nodeValue: string | null;
  tagName?: string;
  childNodes: ArrayLike<Walked>;
  getAttribute?: (name: string) => string | null;
}

/** The lines of `html` as a paste gives them (see the file's head), each with the block it comes from. */
export function pasteLines(html: string): PastedLine[] {
  const window = new Window();
  window.document.body.innerHTML = html;
  const lines: PastedLine[] = [];
  let current = '';
  let currentTag = 'BODY';
  let blankBefore = false;
  // Line breaks the blocks passed since the last text ask for: 1, or 2 for a blank line.
  let pending = 0;
  const endLine = () => {
    const text = current.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (text) lines.push({ text, tag: currentTag, blankBefore: blankBefore && lines.length > 0 });
    if (text) blankBefore = false;
    current = '';
  };
  const walk = (node: Walked, tag: string, inPre: boolean) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      // White space alone between blocks renders as nothing.
      if (!value.trim() && (pending || !current.trim())) return;
      if (pending) {
        endLine();
        blankBefore ||= pending >= 2;
        pending = 0;
      }
      if (!current.trim()) currentTag = tag;
      if (!inPre) {
        current += value;
        return;
      }
      // Preformatted text keeps its line breaks.
      const [first = '', ...rest] = value.split('\n');
      current += first;
      for (const piece of rest) {
        endLine();
        currentTag = tag;
        current = piece;
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.tagName!.toUpperCase();
    if (SKIPPED.has(name) || node.getAttribute?.('hidden') !== null) return;
    if (name === 'BR') {
      endLine();
      return;
    }
    if (name === 'TD' || name === 'TH') current += ' ';
    const breaks = SPACED_BLOCKS.has(name) ? 2 : BLOCKS.has(name) ? 1 : 0;
    pending = Math.max(pending, breaks);
    const children = node.childNodes;
    for (let k = 0; k < children.length; k++) walk(children[k]!, breaks ? name : tag, inPre || name === 'PRE');
    pending = Math.max(pending, breaks);
  };
  walk(window.document.body as unknown as Walked, 'BODY', false);
  endLine();
  window.close();
  return lines;
}

export interface PasteOptions {
  /** Blank lines around paragraphs and headings, as a browser copies (default), or none at all. */
  blankLines?: boolean;
}

/** The plain text of `html` as a paste gives it (see the file's head). */
export function pasteText(html: string, options: PasteOptions = {}): string {
  return joinPasted(pasteLines(html), options);
}

export function joinPasted(lines: PastedLine[], options: PasteOptions = {}): string {
  return lines.map((line, k) => (k > 0 && line.blankBefore && options.blankLines !== false ? '\n' : '') + line.text).join('\n');
}
