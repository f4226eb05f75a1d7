// The inputs the bench feeds the pipeline: the seed page, pages built from it at larger scales,
// and hostile shapes. All are derived from the corpus at run time, never stored.
import { readFileSync } from 'node:fs';
import { SEED_GOLD_PATH, SEED_PAGE_PATH } from './paths';

export function readSeedPage(): string {
  return readFileSync(SEED_PAGE_PATH, 'utf8');
}

/** `count` copies of the page one after another, as a capture of several pages would arrive. */
export function joinedPages(page: string, count: number): string {
  return Array.from({ length: count }, () => page).join('\n\n');
}

interface GoldArticle {
  title: string;
  subtitle?: string;
  paragraphs: string[];
}

/** The printed column width of the seed page, in characters per line. */
const COLUMN_CHARS = 26;

function wrapColumn(paragraph: string): string {
  const characters = Array.from(paragraph);
  const lines: string[] = [];
  for (let start = 0; start < characters.length; start += COLUMN_CHARS) lines.push(characters.slice(start, start + COLUMN_CHARS).join(''));
  return lines.join('\n');
}

/**
 * The seed page's articles (from its gold split) with each article's paragraphs repeated
 * `factor` times, laid out in a column of the page's width: same article count, longer articles.
 */
export function longerArticlesPage(factor: number): string {
  const gold = JSON.parse(readFileSync(SEED_GOLD_PATH, 'utf8')) as { articles: GoldArticle[] };
  return gold.articles
    .map((article) => {
      const headline = [article.title, article.subtitle].filter(Boolean).join('\n');
      const body = Array.from({ length: factor }, () => article.paragraphs.map(wrapColumn).join('\n\n')).join('\n\n');
      return `${headline}\n\n${body}`;
    })
    .join('\n\n');
}

/** One line of about `bytes` UTF-8 bytes: the page's letters and digits only, repeated. */
export function runOnPage(page: string, bytes: number): string {
  const letters = page.replace(/[^\p{L}\p{N}]/gu, '');
  const bytesPerRepeat = Buffer.byteLength(letters);
  let text = letters.repeat(Math.ceil(bytes / bytesPerRepeat));
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, Math.floor(text.length * 0.999));
  return text;
}

/** `count` lines of one character each, cycling through the page's letters. */
export function oneCharacterLines(page: string, count: number): string {
  const letters = Array.from(page.replace(/[^\p{L}\p{N}]/gu, ''));
  return Array.from({ length: count }, (_, index) => letters[index % letters.length]).join('\n');
}
