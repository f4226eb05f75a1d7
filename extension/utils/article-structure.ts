// The structure of the article Readability found: its body as blocks (paragraphs, section headings
// with their level, list items, quotes, captions with their credit apart, tables as text), and what
// the page says about itself (JSON-LD NewsArticle/Article, og: and author meta tags).
// Pure apart from reading the nodes it is given, so tests can hand it happy-dom documents.
import type { ArticleBlock, BlockKind } from '../../shared/src/schemas';

/** What a page's JSON-LD says about its article. */
export interface PageMetadata {
  headline?: string;
  author?: string;
  datePublished?: string;
  articleBody?: string;
  publisher?: string;
}

/** Tags that end a line of text: each starts and ends a block. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'CAPTION',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA']);
/** Inside a table cell these mean a layout table (a page laid out in a grid), not data. */
const LAYOUT_TABLE_CONTENT = 'p, div, h1, h2, h3, h4, h5, h6, ul, ol, table, blockquote, figure';
/** How a photo credit is marked up inside a caption. */
const CREDIT_MARKUP = /credit|copyright|byline|author|photographer|attribution|source|courtesy/i;
/** A credit written at the end of a caption: "Credit…", "Photo: …", "(AP Photo/…)", "（记者 … 摄）". */
const CREDIT_TAIL =
  /(?:(?<=^|\s)(?:Photo(?:graph)?s?|Image|Picture|Illustration|Credit)(?:\s+(?:by|credit))?\s*[:：]?\s+\S[^.。]{0,80}|\((?:AP|AFP|Reuters|Getty)[^()]{0,80}\)|[（(][^（()）]{1,30}摄[)）])$/i;
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/;

function squeeze(text: string): string {
  return text.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim();
}

function tagOf(node: Node): string {
  return (node as Element).tagName?.toUpperCase() ?? '';
}

function isDataTable(table: Element): boolean {
  return !table.querySelector(LAYOUT_TABLE_CONTENT);
}

/** A data table as text: one line per row, cells apart by " | ". */
function tableText(table: Element): string {
  return Array.from(table.querySelectorAll('tr'))
    .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => squeeze(cell.textContent ?? '')).filter(Boolean).join(' | '))
    .filter(Boolean)
    .join('\n');
}

/** A caption's text and its credit: marked up apart, or written at its end. */
export function splitCredit(caption: Element): { text: string; credit?: string } {
  const clone = caption.cloneNode(true) as Element;
  const marked = Array.from(clone.querySelectorAll('*')).filter((element) =>
    CREDIT_MARKUP.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('itemprop') ?? ''}`),
  );
  const credits: string[] = [];
  for (const element of marked) {
    if (!clone.contains(element)) continue; // inside a credit already taken
    const credit = squeeze(element.textContent ?? '');
    if (credit) credits.push(credit);
    element.remove();
  }
  let text = squeeze(clone.textContent ?? '');
  if (credits.length === 0) {
    const tail = CREDIT_TAIL.exec(text);
    if (tail && tail.index > 0) {
      credits.push(tail[0].trim());
      text = text.slice(0, tail.index).trim();
    }
  }
  return credits.length > 0 ? { text, credit: credits.join(' ') } : { text };
}

/**
 * The blocks of an article body in reading order. A `<br>` ends a block (portals write
 * paragraphs apart by `<br>`); inside a `<blockquote>` text is a quote, inside a `<figure>` a caption.
 */
export function articleBodyBlocks(root: Node): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let current = '';
  let currentKind: BlockKind = 'paragraph';
  const flush = () => {
    const text = squeeze(current);
    if (text) blocks.push({ kind: currentKind, text });
    current = '';
  };
  const push = (block: ArticleBlock) => {
    flush();
    if (block.text) blocks.push(block);
  };

  const walk = (node: Node, kind: BlockKind) => {
    if (node.nodeType === 3) {
      if (!current.trim()) currentKind = kind;
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = tagOf(element);
    if (SKIPPED_TAGS.has(tag) || SKIPPED_TAGS.has(element.tagName)) return;
    if (tag === 'BR' || tag === 'HR') {
      flush();
      return;
    }
    const heading = /^H([1-6])$/.exec(tag);
    if (heading) {
      push({ kind: 'heading', level: Number(heading[1]), text: squeeze(element.textContent ?? '') });
      return;
    }
    if (tag === 'FIGCAPTION' || (tag === 'CAPTION' && kind !== 'table')) {
      const { text, credit } = splitCredit(element);
      push(credit ? { kind: 'caption', text, credit } : { kind: 'caption', text });
      return;
    }
    if (tag === 'TABLE' && isDataTable(element)) {
      push({ kind: 'table', text: tableText(element) });
      return;
    }
    const inner: BlockKind =
      tag === 'LI' ? 'list-item' : tag === 'BLOCKQUOTE' ? 'quote' : tag === 'FIGURE' ? 'caption' : kind;
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) flush();
    for (const child of Array.from(element.childNodes)) walk(child, inner);
    if (isBlock) flush();
  };
  walk(root, 'paragraph');
  flush();
  return blocks;
}

/** A JSON-LD author: a name, an object with a name, or a list of either. */
function authorName(value: unknown): string | undefined {
  if (typeof value === 'string') return squeeze(value) || undefined;
  if (Array.isArray(value)) {
    const names = value.map(authorName).filter((name): name is string => Boolean(name));
    return names.length > 0 ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object' && 'name' in value) return authorName((value as { name: unknown }).name);
  return undefined;
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function isArticleNode(node: Record<string, unknown>): boolean {
  const types = ([] as unknown[]).concat(node['@type'] ?? []);
  return types.some((type) => typeof type === 'string' && ARTICLE_TYPE.test(type));
}

/** Every object in a JSON-LD value: top level, lists and @graph. */
function* jsonLdNodes(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) {
    for (const item of value) yield* jsonLdNodes(item);
  } else if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    yield node;
    if (node['@graph']) yield* jsonLdNodes(node['@graph']);
  }
}

/** What the page's JSON-LD says about its article (the first NewsArticle, Article or BlogPosting). */
export function pageMetadata(document: Document): PageMetadata {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a page's broken JSON-LD says nothing
    }
    for (const node of jsonLdNodes(parsed)) {
      if (!isArticleNode(node)) continue;
      const publisher = node.publisher && typeof node.publisher === 'object' ? (node.publisher as { name?: unknown }).name : undefined;
      return {
        headline: stringField(node.headline) ?? stringField(node.name),
        author: authorName(node.author),
        datePublished: stringField(node.datePublished),
        articleBody: stringField(node.articleBody),
        publisher: stringField(publisher),
      };
    }
  }
  return {};
}

/** The content of a `<meta>` tag found by name or property, or undefined. */
export function metaContent(document: Document, key: string): string | undefined {
  const meta = document.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return squeeze(meta?.getAttribute('content') ?? '') || undefined;
}

/** A date as ISO 8601 when it reads as one; undefined otherwise. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return text.replace(' ', 'T');
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
