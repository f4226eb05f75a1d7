// Real web pages through the extension's own capture code in Chromium, then through the pipeline
// as the background's save would send them, scored against the article each page holds.
// Used by `npm run eval:web` (prints) and tests/web (quality floors).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ArticleDraft } from '../../shared/src';
import { textCaptureInput } from '../../extension/utils/capture-input';
import type { PageCapture, TextCapture } from '../../extension/utils/page-capture';
import { runPipeline } from '../../worker/src/pipeline';
import { CHROMIUM_PATH, REPO_ROOT } from '../extension-browser';
import { halfOf, pastedArticles, pastedText, READABILITY_PAGES_DIR, titleMatches } from './paste-eval';

/** The address Readability's own tests give every page. */
export const PAGE_URL = 'http://fakehost/test/page.html';
const CAPTURED_AT = '2026-01-01T00:00:00.000Z';
/** One article holding this share of the expected article's words keeps the story intact. */
export const INTACT_SHARE = 0.9;
/** Pages of this size or more are real news and blog pages; the rest are Readability's feature tests. */
export const REAL_PAGE_BYTES = 10_000;

export interface WebPage {
  name: string;
  group: 'readability' | 'zh-portal';
  html: string;
  /** The article the page holds, as a paste of it would give it (title on top). */
  expectedText: string;
  expectedTitle: string;
  heldOut: boolean;
  real: boolean;
}

export interface PageScore {
  name: string;
  group: WebPage['group'];
  heldOut: boolean;
  real: boolean;
  method: string;
  articles: number;
  /** Share of the expected words the best article holds. */
  bestShare: number;
  intact: boolean;
  titleRight: boolean;
  title: string;
  expectedTitle: string;
  /** Word F1 of the text the capture sent against the expected article. */
  capturedF1: number;
  /** Articles the pipeline makes of the expected article pasted with no structure. */
  pastedArticles: number;
}

/**
 * Every page of mozilla/readability's test suite in ../shared, with its expected article as a paste
 * gives it (eval:paste's reading, headline on top) and its expected title. The held-out half is
 * eval:paste's too (a hash of the folder name): never looked at while tuning the capture.
 */
export function readabilityPages(): WebPage[] {
  return pastedArticles().map((pasted) => {
    const html = readFileSync(path.join(READABILITY_PAGES_DIR, pasted.name, 'source.html'), 'utf8');
    return {
      name: pasted.name,
      group: 'readability' as const,
      html,
      expectedText: pastedText(pasted, 'blank lines'),
      expectedTitle: pasted.title,
      heldOut: halfOf(pasted.name) === 'held-out',
      real: Buffer.byteLength(html) >= REAL_PAGE_BYTES,
    };
  });
}

/**
 * The extension's capture script (extension/entrypoints/capture.content.ts) bundled as it is, to
 * run in a page: WXT's `defineContentScript` hands back the definition, whose `main` is called.
 */
export async function bundleCaptureScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import definition from './extension/entrypoints/capture.content.ts';\nglobalThis.__baozhaiCapture = () => definition.main();`,
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    banner: { js: 'var defineContentScript = (definition) => definition;' },
  });
  return result.outputFiles[0]!.text;
}

/**
 * Chromium with page scripts and the network off; each page is served at PAGE_URL by routing, in
 * one tab: whatever else a page asks for is refused.
 */
export class WebCapturer {
  private html = '';

  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly script: string,
  ) {}

  static async start(): Promise<WebCapturer> {
    const [script, browser] = await Promise.all([
      bundleCaptureScript(),
      chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] }),
    ]);
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const capturer = new WebCapturer(browser, page, script);
    await page.route('**/*', (route) =>
      route.request().url() === PAGE_URL && route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: capturer.html })
        : route.abort(),
    );
    return capturer;
  }

  /** Loads `html` at PAGE_URL and runs the capture script on it. */
  async capture(html: string): Promise<PageCapture> {
    this.html = html;
    await this.page.goto(PAGE_URL, { waitUntil: 'domcontentloaded' });
    return (await this.page.evaluate(`${this.script}\n;globalThis.__baozhaiCapture()`)) as PageCapture;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Words for counting: Latin and other words whole, Han and kana one character each. */
export function words(text: string): string[] {
  const spaced = text.normalize('NFKC').toLowerCase().replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' $& ');
  return spaced.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function counts(tokens: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const token of tokens) map.set(token, (map.get(token) ?? 0) + 1);
  return map;
}

/** Words the two bags share, counting repeats. */
function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  for (const [token, count] of a) shared += Math.min(count, b.get(token) ?? 0);
  return shared;
}

export function wordF1(predicted: string, expected: string): number {
  const p = counts(words(predicted));
  const e = counts(words(expected));
  const pTotal = [...p.values()].reduce((sum, n) => sum + n, 0);
  const eTotal = [...e.values()].reduce((sum, n) => sum + n, 0);
  if (pTotal === 0 || eTotal === 0) return pTotal === eTotal ? 1 : 0;
  const shared = overlap(p, e);
  return shared === 0 ? 0 : (2 * shared) / (pTotal + eTotal);
}

function articleText(article: ArticleDraft): string {
  return [article.kicker, article.title, article.subtitle, article.byline, ...article.paragraphs, ...article.captions].filter(Boolean).join('\n');
}

/** Captures one page, runs it through the pipeline as the save would, and scores it. */
export async function scorePage(capturer: WebCapturer, page: WebPage): Promise<PageScore> {
  const capture = await capturer.capture(page.html);
  if (capture.kind !== 'text') throw new Error(`${page.name}: captured as ${capture.kind}`);
  const input = textCaptureInput(capture as TextCapture, CAPTURED_AT);
  const { articles } = runPipeline({ ...input, capturedAt: CAPTURED_AT });
  const expected = counts(words(page.expectedText));
  const expectedTotal = [...expected.values()].reduce((sum, n) => sum + n, 0) || 1;
  let best: ArticleDraft | undefined;
  let bestShare = 0;
  for (const article of articles) {
    const share = overlap(expected, counts(words(articleText(article)))) / expectedTotal;
    if (!best || share > bestShare) [best, bestShare] = [article, share];
  }
  const pasted = runPipeline({ text: page.expectedText, capturedAt: CAPTURED_AT });
  return {
    name: page.name,
    group: page.group,
    heldOut: page.heldOut,
    real: page.real,
    method: input.article ? 'article' : capture.source === 'page' ? 'visible-text' : capture.source,
    articles: articles.length,
    bestShare,
    intact: bestShare >= INTACT_SHARE,
    titleRight: titleMatches(best?.title ?? '', page.expectedTitle),
    title: best?.title ?? '',
    expectedTitle: page.expectedTitle,
    capturedF1: wordF1(input.text, page.expectedText),
    pastedArticles: pasted.articles.length,
  };
}

export interface Summary {
  pages: number;
  oneArticle: number;
  intact: number;
  titleRight: number;
  capturedF1: number;
  pastedOneArticle: number;
}

export function summarize(scores: PageScore[]): Summary {
  const share = (test: (score: PageScore) => boolean) => (scores.length ? scores.filter(test).length / scores.length : 0);
  return {
    pages: scores.length,
    oneArticle: share((score) => score.articles === 1),
    intact: share((score) => score.intact),
    titleRight: share((score) => score.titleRight),
    capturedF1: scores.length ? scores.reduce((sum, score) => sum + score.capturedF1, 0) / scores.length : 0,
    pastedOneArticle: share((score) => score.pastedArticles === 1),
  };
}

/** Why a page scored badly, worst first: split, story cut, wrong title, text lost or added. */
export function reasons(score: PageScore): string[] {
  const found: string[] = [];
  if (score.articles !== 1) found.push(`${score.articles} articles`);
  if (!score.intact) found.push(`best article holds ${(score.bestShare * 100).toFixed(0)}% of the words`);
  if (!score.titleRight) found.push(`title ${JSON.stringify(score.title)} ≠ ${JSON.stringify(score.expectedTitle)}`);
  if (score.capturedF1 < 0.95) found.push(`captured F1 ${score.capturedF1.toFixed(3)} (${score.method})`);
  return found;
}

/** Captures every page in one browser, in order. */
export async function scorePages(pages: WebPage[], onPage?: (score: PageScore) => void): Promise<PageScore[]> {
  const capturer = await WebCapturer.start();
  try {
    const scores: PageScore[] = [];
    for (const page of pages) {
      const score = await scorePage(capturer, page);
      onPage?.(score);
      scores.push(score);
    }
    return scores;
  } finally {
    await capturer.close();
  }
}
