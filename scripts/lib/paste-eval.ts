// Real single articles pasted as plain text (scripts/eval-paste.ts, tests/pipeline/quality.test.ts):
// Readability's article of each page of ../shared/corpus/web-articles/readability-test-pages as a
// paste gives it, with the page's headline on top, and how the pipeline splits it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../worker/src/pipeline';
import { joinPasted, pasteLines, type PastedLine } from './paste-text';
import { CORPUS_DIR } from './source-articles';

export const READABILITY_PAGES_DIR = join(CORPUS_DIR, 'web-articles', 'readability-test-pages');

export type Half = 'tuned' | 'held-out';
export type PasteVariant = 'blank lines' | 'no blank lines';

/** Which half a page is in, by a fixed rule: the first byte of the SHA-1 of its folder name, even = tuned. */
export function halfOf(name: string): Half {
  return createHash('sha1').update(name).digest()[0]! % 2 === 0 ? 'tuned' : 'held-out';
}

export interface PastedPage {
  name: string;
  half: Half;
  /** The page's headline (`expected-metadata.json`); '' when it has none. */
  title: string;
  /** The article's lines, headline first where a paste carries it. */
  lines: PastedLine[];
}

/** Every test page's article as pasted lines. */
export function pastedArticles(): PastedPage[] {
  return readdirSync(READABILITY_PAGES_DIR)
    .sort()
    .map((name) => {
      const dir = join(READABILITY_PAGES_DIR, name);
      const metadata = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as { title?: string };
      const title = (metadata.title ?? '').replace(/\s+/g, ' ').trim();
      const lines = pasteLines(readFileSync(join(dir, 'expected.html'), 'utf8'));
      // Readability often leaves the headline out of its article; a paste of the page carries it on top.
      const shown = lines.slice(0, 3).some((line) => normalized(line.text) === normalized(title));
      if (title && !shown) {
        if (lines[0]) lines[0].blankBefore = true;
        lines.unshift({ text: title, tag: 'H1', blankBefore: false });
      }
      return { name, half: halfOf(name), title, lines };
    });
}

export function pastedText(page: PastedPage, variant: PasteVariant): string {
  return joinPasted(page.lines, { blankLines: variant === 'blank lines' });
}

const normalized = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
/** As the shared scorer compares titles: no white space at all (cleaning may close up `A — B`). */
const squeezed = (text: string) => normalized(text).replace(/ /g, '');

/** Words of a text: Latin-script words and other letters one by one (a Han character is a word). */
function wordCount(text: string): number {
  return (text.match(/[\p{Script=Latin}\p{N}'’-]+|[\p{L}]/gu) ?? []).length;
}

/** A headline is right when it is the page's, or the page's without a site name around it (at least half of it). */
export function titleMatches(predicted: string, expected: string): boolean {
  const p = squeezed(predicted);
  const e = squeezed(expected);
  return p === e || (p.length > 0 && e.includes(p) && p.length * 2 >= e.length);
}

export interface PasteScore {
  name: string;
  half: Half;
  variant: PasteVariant;
  expectedTitle: string;
  articles: { title: string; paragraphs: string[]; words: number }[];
  /** Undefined when the page has no headline to check. */
  titleRight?: boolean;
  /** Share of the text's words in its largest article. */
  largestShare: number;
  /** One article holds at least 90 % of the words. */
  intact: boolean;
  /** The lines that opened the second and later articles, with the element each came from. */
  cuts: { text: string; tag: string }[];
}

const INTACT_SHARE = 0.9;

/** How the pipeline splits a pasted page; undefined when the paste holds no text. */
export function scorePaste(page: PastedPage, variant: PasteVariant): PasteScore | undefined {
  const text = pastedText(page, variant);
  if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
  const { articles } = runPipeline({ text, capturedAt: '2025-01-01T00:00:00.000Z' });
  if (articles.length === 0) return undefined;
  const counted = articles.map((article) => ({
    title: article.title,
    paragraphs: article.paragraphs,
    words: wordCount([article.kicker, article.title, article.subtitle, article.byline, ...article.paragraphs, ...article.captions].filter(Boolean).join(' ')),
  }));
  const total = counted.reduce((sum, article) => sum + article.words, 0);
  const largestShare = total ? Math.max(...counted.map((article) => article.words)) / total : 1;
  const lineOf = (start: string) => page.lines.find((line) => normalized(line.text).startsWith(normalized(start).slice(0, 40)));
  const cuts = articles.slice(1).map((article) => {
    const opening = [article.kicker, article.title, article.paragraphs[0]].filter((text): text is string => Boolean(text));
    for (const candidate of opening) {
      const line = lineOf(candidate);
      if (line) return { text: line.text, tag: line.tag };
    }
    return { text: article.title, tag: '?' };
  });
  return {
    name: page.name,
    half: page.half,
    variant,
    expectedTitle: page.title,
    articles: counted,
    titleRight: page.title ? titleMatches(articles[0]!.title, page.title) : undefined,
    largestShare,
    intact: largestShare >= INTACT_SHARE,
    cuts,
  };
}
