// A capture that already found its one article (Readability's article, the page's JSON-LD) is kept
// whole: no split. Each block is cleaned as page text is, the headline loses the site's name, and
// the body keeps its structure (section headings, captions in place) beside the flat paragraphs.
// Pure: data in, data out.
import type { ArticleBlock, CapturedArticle } from '../../../shared/src';
import { cleanText } from './clean';
import type { ArticleParts } from './split';
import { ParagraphBuilder } from './text';

export interface StructuredParts extends ArticleParts {
  blocks: ArticleBlock[];
  publishedAt?: string;
  siteName?: string;
}

/**
 * What separates a headline from the site's name in a page title: " | ", " - ", " – ", " — ",
 * "_" and "--" (Chinese portals: 标题_新浪网, 标题--时政--人民网) and the full-width bar.
 */
const TITLE_SEPARATOR = /\s+[|\-–—]\s+|\s*(?:[_｜]|-{2,})\s*/g;
/** Host labels that name no site (www.example.co.uk: only "example" does). */
const GENERIC_HOST_LABEL = /^(?:www\d*|m|amp|mobile|news|com|net|org|gov|edu|co|cn|uk|de|fr|jp|html?)$/;
/** A site's name compared to a host label needs this many letters to be more than chance: set by hand, no recorded evidence. */
const MIN_SITE_KEY_CHARS = 3;

/** Letters and digits only, lower case: "The Verge" and "theverge" meet. */
function siteKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The names a site goes by, as keys: its own name, and the labels of the page's host. */
function siteKeys(siteName: string | undefined, url: string | undefined): string[] {
  const keys: string[] = [];
  if (siteName) keys.push(siteKey(siteName));
  if (url) {
    try {
      for (const label of new URL(url).hostname.split('.')) {
        if (!GENERIC_HOST_LABEL.test(label)) keys.push(siteKey(label));
      }
    } catch {
      // No usable url: the site's own name is the only evidence.
    }
  }
  return keys.filter((key) => key.length >= MIN_SITE_KEY_CHARS);
}

/** True when a piece of a page title names the site: it is, holds or abbreviates one of the site's names. */
function namesSite(piece: string, keys: string[]): boolean {
  const key = siteKey(piece);
  if (key.length < MIN_SITE_KEY_CHARS) return false;
  return keys.some((site) => site === key || site.startsWith(key) || key.includes(site));
}

/**
 * The headline without the site's name the page title carries ("Headline | Site", "Headline - Site",
 * "Site | Headline", "标题_新浪网"). Only a piece the site's own name or its address vouches for goes:
 * "Review - Part 2" keeps its part.
 */
export function headlineWithoutSite(title: string, siteName?: string, url?: string): string {
  const keys = siteKeys(siteName, url);
  let headline = title.replace(/\s+/g, ' ').trim();
  if (keys.length === 0) return headline;
  for (;;) {
    const separators = [...headline.matchAll(TITLE_SEPARATOR)];
    const last = separators.at(-1);
    const first = separators[0];
    if (!last || !first || last.index === undefined || first.index === undefined) return headline;
    const tail = headline.slice(last.index + last[0].length);
    const head = headline.slice(0, first.index);
    if (namesSite(tail, keys)) headline = headline.slice(0, last.index).trim();
    else if (namesSite(head, keys)) headline = headline.slice(first.index + first[0].length).trim();
    else return headline;
  }
}

/** A block's text cleaned as page text is: lines joined into one paragraph; a table keeps its rows. */
function cleanBlockText(text: string, kind: ArticleBlock['kind']): string {
  const lines = cleanText(text).lines.map((line) => line.text).filter(Boolean);
  if (kind === 'table') return lines.join('\n');
  const paragraph = new ParagraphBuilder();
  for (const line of lines) paragraph.add(line);
  return paragraph.take();
}

function cleanInline(text: string | undefined): string | undefined {
  return text === undefined ? undefined : cleanBlockText(text, 'paragraph') || undefined;
}

const sameText = (a: string, b: string) => siteKey(a) !== '' && siteKey(a) === siteKey(b);

/** A byline is printed among the article's first blocks. Set by hand with the web quality floors (tests/web), no recorded figure. */
const BYLINE_WITHIN_BLOCKS = 3;
/** A byline line is short: the name, maybe a role and a date ("By Jane Doe · Published Jan. 1, 2026"). Set by hand, no recorded evidence. */
const MAX_BYLINE_LINE_CHARS = 100;

/** True for a paragraph that is the byline, or a short line holding it. */
function isBylineLine(block: ArticleBlock, byline: string): boolean {
  if (block.kind !== 'paragraph') return false;
  if (sameText(block.text, byline)) return true;
  return block.text.length <= MAX_BYLINE_LINE_CHARS && siteKey(block.text).includes(siteKey(byline)) && !/[.。!?！？]["”’]?$/.test(block.text);
}

/** The flat text of a caption: its text, then its credit. */
function captionText(block: ArticleBlock): string {
  const paragraph = new ParagraphBuilder();
  paragraph.add(block.text);
  if (block.credit) paragraph.add(block.credit);
  return paragraph.take();
}

/**
 * The captured article as one article's parts, or null when no block holds text. The headline
 * repeated as the body's first heading, and the byline repeated as a block of its own, are
 * dropped from the body: they are shown as title and byline.
 */
export function structuredArticle(article: CapturedArticle, url?: string): StructuredParts | null {
  const siteName = cleanInline(article.siteName);
  // The site's name goes first: cleaning takes the spaces around " - " off next to Chinese text.
  const title = cleanInline(headlineWithoutSite(article.title, siteName, url)) ?? '';
  const byline = cleanInline(article.byline);
  const blocks: ArticleBlock[] = [];
  for (const block of article.blocks) {
    const text = cleanBlockText(block.text, block.kind);
    if (!text) continue;
    const cleaned: ArticleBlock = { kind: block.kind, text };
    if (block.kind === 'heading') cleaned.level = block.level ?? 2;
    const credit = block.kind === 'caption' ? cleanInline(block.credit) : undefined;
    if (credit) cleaned.credit = credit;
    blocks.push(cleaned);
  }
  const first = blocks[0];
  if (first?.kind === 'heading' && sameText(first.text, title)) blocks.shift();
  // The byline as the page prints it ("By Jane Doe · Published Jan. 1") says more than its name alone.
  const bylineAt = byline ? blocks.slice(0, BYLINE_WITHIN_BLOCKS).findIndex((block) => isBylineLine(block, byline)) : -1;
  const printedByline = bylineAt >= 0 ? blocks.splice(bylineAt, 1)[0]!.text : byline;
  if (blocks.length === 0) return null;

  const parts: StructuredParts = {
    title: title || blocks.find((block) => block.kind === 'heading')?.text || '',
    paragraphs: blocks.filter((block) => block.kind !== 'heading' && block.kind !== 'caption').map((block) => block.text),
    captions: blocks.filter((block) => block.kind === 'caption').map(captionText),
    blocks,
  };
  if (printedByline) parts.byline = printedByline;
  const publishedAt = cleanInline(article.publishedAt);
  if (publishedAt) parts.publishedAt = publishedAt;
  if (siteName) parts.siteName = siteName;
  return parts;
}
