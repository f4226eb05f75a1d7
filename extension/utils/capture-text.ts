// Decides what text a page capture sends. Pure apart from reading the Document it is given,
// so tests can hand it a document built by happy-dom.
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { CaptureSource } from '../../shared/src/schemas';

export interface ChosenText {
  text: string;
  /** The article's headline, when the page was read as one article; a selection's own title. */
  headline?: string;
  source: Extract<CaptureSource, 'page' | 'selection'>;
  /** How the text was found, for debugging and tests. */
  method: 'selection' | 'readability' | 'visible-text';
}

export interface ChooseTextOptions {
  /** What the user has selected on the page ('' when nothing). */
  selectionText?: string;
  /** Reads an element's rendered text; the browser's innerText, replaceable in tests. */
  readText?: (element: HTMLElement) => string;
}

/** An article shorter than this is not trusted as "the" article of the page. */
const MIN_ARTICLE_CHARS = 100;
/** Readability's article must hold at least this share of the page's main text. */
const MIN_ARTICLE_SHARE = 0.35;
/** Text laid out in lines (an e-paper page) has many short lines; Readability would re-flow it. */
const LAID_OUT_MIN_LINES = 30;
const LAID_OUT_MAX_MEDIAN_LINE_CHARS = 30;
/** Substantial <article> elements: two or more mean a page of several articles. */
const SUBSTANTIAL_ARTICLE_CHARS = 300;
const MAX_HEADLINE_CHARS = 200;
/** A selection's title: about a headline's length (the seed page's six run 4 to 28 characters). */
const MAX_SELECTION_TITLE_CHARS = 40;

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

function defaultReadText(element: HTMLElement): string {
  return element.innerText ?? element.textContent ?? '';
}

/** Collapses runs of spaces but keeps line breaks, and drops blank-only edges. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function charCount(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/**
 * The blocks (paragraphs, headings, list items, captions) of an element, each as text with
 * its <br> line breaks kept; whitespace inside <pre> is kept as written.
 */
export function blockTexts(root: Node): string[] {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const text = tidy(current);
    if (text) blocks.push(text);
    current = '';
  };
  const walk = (node: Node, inPre: boolean) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      current += inPre ? value : value.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') return;
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) flush();
    for (const child of Array.from(element.childNodes)) walk(child, inPre || tag === 'PRE');
    if (isBlock) flush();
  };
  walk(root, false);
  flush();
  return blocks;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** True for text set in short lines (copied from a printed page), which must keep its line breaks. */
export function isLaidOutInLines(blocks: string[]): boolean {
  const lines = blocks.flatMap((block) => block.split('\n')).filter((line) => line.trim());
  if (lines.length < LAID_OUT_MIN_LINES) return false;
  return median(lines.map((line) => line.trim().length)) <= LAID_OUT_MAX_MEDIAN_LINE_CHARS;
}

/** The element holding the page's main content: <main> when it holds most of the text, else <body>. */
export function mainContentElement(document: Document, readText = defaultReadText): HTMLElement | null {
  const body = document.body;
  if (!body) return null;
  const bodyChars = charCount(readText(body));
  const candidates = Array.from(document.querySelectorAll<HTMLElement>('main, [role="main"]'));
  for (const candidate of candidates) {
    if (charCount(readText(candidate)) >= bodyChars * 0.4) return candidate;
  }
  return body;
}

function countSubstantialArticles(document: Document): number {
  return Array.from(document.querySelectorAll('article')).filter(
    (article) => charCount(article.textContent ?? '') >= SUBSTANTIAL_ARTICLE_CHARS,
  ).length;
}

/** The single article of the page as title, byline and paragraphs, or null when the page is not one article. */
export function singleArticleText(document: Document, pageChars: number): { headline: string; text: string } | null {
  // Readability's defaults (a 140-character block, score 20) suit English; a Chinese news
  // paragraph says as much in half the characters.
  if (!isProbablyReaderable(document, { minContentLength: 60, minScore: 8 })) return null;
  if (countSubstantialArticles(document) >= 2) return null;
  const clone = document.cloneNode(true) as Document;
  const article = new Readability<Node>(clone, { serializer: (node) => node }).parse();
  if (!article?.content) return null;
  const paragraphs = blockTexts(article.content);
  const articleChars = charCount(paragraphs.join(''));
  if (articleChars < MIN_ARTICLE_CHARS) return null;
  if (pageChars > 0 && articleChars < pageChars * MIN_ARTICLE_SHARE) return null;
  if (isLaidOutInLines(paragraphs)) return null;
  const headline = headlineOf(document, article.title ?? '');
  return { headline, text: articleBlocks(headline, article.byline?.trim() ?? '', paragraphs).join('\n\n') };
}

/**
 * The article's headline: its <h1> when it has one (Readability may drop the <h1> from the
 * content, and its own title is the document's, often with the site's name), else the document
 * title without the site's name.
 */
export function headlineOf(document: Document, documentTitle: string): string {
  const heading = document.querySelector('article h1, main h1, h1')?.textContent?.replace(/\s+/g, ' ').trim();
  if (heading && heading.length <= MAX_HEADLINE_CHARS) return heading;
  const parts = documentTitle.split(/\s+[-|–—]\s+|\s*[|_｜]\s*/).map((part) => part.trim()).filter(Boolean);
  return parts.reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}

/**
 * Title, byline, then the body. The document title often carries the site's name ("Title - Site"):
 * when the article's own headline is among its first blocks, that headline is used instead.
 */
export function articleBlocks(title: string, byline: string, paragraphs: string[]): string[] {
  const headlineIndex = title
    ? paragraphs.slice(0, 3).findIndex((block) => block.length <= 200 && (title.includes(block) || block.includes(title)))
    : -1;
  const head = headlineIndex === -1 ? (title ? [title] : []) : paragraphs.slice(0, headlineIndex + 1);
  const body = headlineIndex === -1 ? paragraphs : paragraphs.slice(headlineIndex + 1);
  const bylineShown = !byline || [...head, ...body.slice(0, 3)].some((block) => block.includes(byline));
  return [...head, ...(bylineShown ? [] : [byline]), ...body];
}

/**
 * A selection's own title, so that several selections from one page are told apart: its first
 * line up to the end of its first sentence, cut at a word (or character, in CJK) near
 * MAX_SELECTION_TITLE_CHARS with an ellipsis.
 */
export function selectionTitle(selection: string): string {
  const firstLine = selection.split('\n').map((line) => line.trim()).find(Boolean) ?? '';
  const sentence = firstLine.match(/^.+?[。！？!?]|^.+?\.(?=\s|$)/u)?.[0] ?? firstLine;
  if (sentence.length <= MAX_SELECTION_TITLE_CHARS) return sentence;
  const cut = sentence.slice(0, MAX_SELECTION_TITLE_CHARS);
  const atWord = cut.replace(/\s+\S*$/u, '');
  return `${atWord.length >= MAX_SELECTION_TITLE_CHARS / 2 ? atWord : cut}…`;
}

/**
 * What to capture from a page: the selection if there is one; else the page's single article
 * (Readability on a clone); else the visible text of the main content in reading order.
 */
export function chooseCaptureText(document: Document, options: ChooseTextOptions = {}): ChosenText {
  const readText = options.readText ?? defaultReadText;
  const selection = tidy(options.selectionText ?? '');
  if (selection) return { text: selection, headline: selectionTitle(selection), source: 'selection', method: 'selection' };

  const main = mainContentElement(document, readText);
  const visibleText = main ? tidy(readText(main)) : '';
  const article = singleArticleText(document, charCount(visibleText));
  if (article) return { text: article.text, headline: article.headline || undefined, source: 'page', method: 'readability' };
  return { text: visibleText, source: 'page', method: 'visible-text' };
}

/** True when the document is a PDF shown by the browser's viewer. */
export function isPdfDocument(document: Pick<Document, 'contentType'>, url: string): boolean {
  if (document.contentType === 'application/pdf') return true;
  try {
    return new URL(url).pathname.toLowerCase().endsWith('.pdf');
  } catch {
    return false;
  }
}
