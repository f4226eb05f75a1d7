// Decides what text a page capture sends. Pure apart from reading the Document it is given,
// so tests can hand it a document built by happy-dom.
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { ArticleBlock, CapturedArticle, CaptureSource } from '../../shared/src/schemas';
import { articleBodyBlocks, isoDate, metaContent, pageMetadata } from './article-structure';

export interface ChosenText {
  text: string;
  /** The article's headline, when the page was read as one article; a selection's own title. */
  headline?: string;
  /** The one article the page holds, with its structure, when Readability found it. */
  article?: CapturedArticle;
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
/** Text laid out in lines (an e-paper page) has many short lines; Readability would re-flow it. */
const LAID_OUT_MIN_LINES = 30;
const LAID_OUT_MAX_MEDIAN_LINE_CHARS = 30;
/** A block broken into this many lines is set in lines; fewer is a poem's stanza or an address. */
const LAID_OUT_MIN_LINES_PER_BLOCK = 4;
/** An <article> element with this much text is a story, not a teaser line or a short comment. */
const SUBSTANTIAL_ARTICLE_CHARS = 300;
/**
 * A page shows several articles side by side (a front page of teasers) when no single one of its
 * substantial <article> elements holds this share of their text. A story page's own article
 * dwarfs its comments and related-story teasers, which may be <article> elements too.
 */
const DOMINANT_ARTICLE_SHARE = 0.5;
/**
 * Readability's article under this share of the JSON-LD articleBody is a part of the story shown
 * (a paywall, a "read more" fold): the page's own full text is taken instead.
 */
const MIN_SHARE_OF_ARTICLE_BODY = 0.5;
const MAX_HEADLINE_CHARS = 200;
/** A selection's title: about a headline's length (the seed page's six run 4 to 28 characters). */
const MAX_SELECTION_TITLE_CHARS = 40;
const MAX_BYLINE_CHARS = 200;

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

/**
 * True for text set in short lines (copied from a printed page), which must keep its line breaks:
 * many short lines broken inside blocks (`<br>`), making up most of the text's lines. Lists, short
 * paragraphs and captions are blocks of their own, not lines of one.
 */
export function isLaidOutInLines(blocks: string[]): boolean {
  const linesOf = (block: string) => block.split('\n').filter((line) => line.trim());
  const allLines = blocks.reduce((count, block) => count + linesOf(block).length, 0);
  const brokenLines = blocks.map(linesOf).filter((lines) => lines.length >= LAID_OUT_MIN_LINES_PER_BLOCK).flat();
  if (brokenLines.length < LAID_OUT_MIN_LINES || brokenLines.length * 2 < allLines) return false;
  return median(brokenLines.map((line) => line.trim().length)) <= LAID_OUT_MAX_MEDIAN_LINE_CHARS;
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

/** Where a page keeps what is not its story: comments, related links, sidebars. */
const BESIDE_THE_STORY = 'aside, nav, footer, [class*="comment" i], [id*="comment" i], [class*="related" i], [class*="recommend" i], [class*="sidebar" i]';

/**
 * True when the page shows several articles side by side (a front page of teasers): two or more
 * substantial <article> elements, each under its own heading and not nested in one another nor
 * beside the story (comments, related links), and none of them holding most of their text.
 */
export function showsSeveralArticles(document: Document): boolean {
  const articles = Array.from(document.querySelectorAll('article')).filter(
    (article) => !article.parentElement?.closest('article') && !article.closest(BESIDE_THE_STORY) && article.querySelector('h1, h2, h3, h4'),
  );
  const sizes = articles.map((article) => charCount(article.textContent ?? '')).filter((chars) => chars >= SUBSTANTIAL_ARTICLE_CHARS);
  if (sizes.length < 2) return false;
  const total = sizes.reduce((sum, chars) => sum + chars, 0);
  return Math.max(...sizes) < total * DOMINANT_ARTICLE_SHARE;
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The page title's pieces around " | ", " - ", "_", "--" (标题--时政--人民网) and the like. */
function titlePieces(title: string): string[] {
  return title.split(/\s+[-|–—·:]\s+|\s*(?:[|_｜]|-{2,})\s*/).map((piece) => piece.trim()).filter(Boolean);
}

/**
 * The article's headline from the page's title for it, as Readability reads it (JSON-LD headline,
 * og:title and the like, else the document title): the page's <h1> when that title is the <h1>
 * with the site's or section's name beside it, else the title as it is. The Worker takes off a
 * site name it can vouch for.
 */
export function articleHeadline(document: Document, pageTitle: string): string {
  const title = squeeze(pageTitle);
  const heading = squeeze(document.querySelector('article h1, main h1, h1')?.textContent ?? '');
  const usableHeading = heading.length <= MAX_HEADLINE_CHARS ? heading : '';
  if (!title) return usableHeading;
  if (!usableHeading || usableHeading === title) return title;
  const pieces = titlePieces(title);
  const at = pieces.indexOf(usableHeading);
  // "Site | Headline": the headline is the last piece and the longest.
  const isLongest = pieces.every((piece) => piece.length <= usableHeading.length);
  const headlineWithSite = pieces.length > 1 && (at === 0 || (at === pieces.length - 1 && isLongest) || title.startsWith(usableHeading));
  return headlineWithSite ? usableHeading : title;
}

/** The site's name: as the page states it, else the piece of the document title beside the headline. */
function siteNameOf(document: Document, stated: string | undefined, headline: string): string | undefined {
  const named = stated ?? metaContent(document, 'og:site_name') ?? metaContent(document, 'application-name');
  if (named) return named;
  const pieces = titlePieces(document.title);
  if (pieces.length === 2 && pieces.includes(headline)) return pieces.find((piece) => piece !== headline);
  return undefined;
}

/** A copy of the article without its code blocks, whose lines are short by nature. */
function withoutCode(content: Node): Node {
  const copy = content.cloneNode(true) as Element;
  for (const pre of Array.from(copy.querySelectorAll?.('pre') ?? [])) pre.remove();
  return copy;
}

function plausibleByline(byline: string | undefined | null): string | undefined {
  const text = squeeze(byline ?? '');
  if (!text || text.length > MAX_BYLINE_CHARS || /^https?:\/\//i.test(text)) return undefined;
  return text;
}

/** The page's single article as title, byline and text, and as structure; null when it has none. */
export function singleArticle(document: Document): { headline: string; text: string; article: CapturedArticle } | null {
  // Readability's defaults (a 140-character block, score 20) suit English; a Chinese news
  // paragraph says as much in half the characters.
  if (!isProbablyReaderable(document, { minContentLength: 60, minScore: 8 })) return null;
  const clone = document.cloneNode(true) as Document;
  // Classes kept: they tell a caption's credit apart (`<span class="credit">`).
  const parsed = new Readability<Node>(clone, { serializer: (node) => node, keepClasses: true }).parse();
  if (!parsed?.content) return null;
  const metadata = pageMetadata(document);
  let paragraphs = blockTexts(parsed.content);
  let blocks: ArticleBlock[] = articleBodyBlocks(parsed.content);
  const fullBody = metadata.articleBody && !metadata.articleBody.includes('<') ? metadata.articleBody : undefined;
  if (fullBody && charCount(paragraphs.join('')) < charCount(fullBody) * MIN_SHARE_OF_ARTICLE_BODY) {
    paragraphs = fullBody.split(/\n+/).map(squeeze).filter(Boolean);
    blocks = paragraphs.map((text) => ({ kind: 'paragraph', text }));
  }
  if (charCount(paragraphs.join('')) < MIN_ARTICLE_CHARS || blocks.length === 0) return null;
  if (isLaidOutInLines(blockTexts(withoutCode(parsed.content)))) return null;
  const headline = articleHeadline(document, parsed.title || metadata.headline || document.title);
  const byline = plausibleByline(parsed.byline) ?? plausibleByline(metadata.author) ?? plausibleByline(metaContent(document, 'author'));
  const article: CapturedArticle = { title: headline, blocks };
  if (byline) article.byline = byline;
  const publishedAt = isoDate(parsed.publishedTime ?? metadata.datePublished ?? metaContent(document, 'article:published_time'));
  if (publishedAt) article.publishedAt = publishedAt;
  const siteName = siteNameOf(document, parsed.siteName ?? metadata.publisher ?? undefined, headline);
  if (siteName) article.siteName = siteName;
  const lang = document.documentElement?.lang?.trim() || parsed.lang?.trim();
  if (lang) article.lang = lang;
  return { headline, text: articleBlocks(headline, byline ?? '', paragraphs).join('\n\n'), article };
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
 * What to capture from a page: the selection if there is one; the visible text of the main
 * content, in reading order, when the page shows several articles side by side; else the page's
 * single article (Readability on a clone) with its structure; else the visible text.
 */
export function chooseCaptureText(document: Document, options: ChooseTextOptions = {}): ChosenText {
  const readText = options.readText ?? defaultReadText;
  const selection = tidy(options.selectionText ?? '');
  if (selection) return { text: selection, headline: selectionTitle(selection), source: 'selection', method: 'selection' };

  const found = showsSeveralArticles(document) ? null : singleArticle(document);
  if (found) {
    return { text: found.text, headline: found.headline || undefined, article: found.article, source: 'page', method: 'readability' };
  }
  const main = mainContentElement(document, readText);
  return { text: main ? tidy(readText(main)) : '', source: 'page', method: 'visible-text' };
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
