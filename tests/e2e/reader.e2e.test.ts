// The web reader the Worker serves, in a real Chromium against the real Worker (wrangler dev,
// local storage), at a phone's 360×740 and a desktop's 1280×800: sign in, the list with infinite
// scroll, one article, copying it as Markdown, delete and undo, full-text search of words that
// occur only in a body, the feed address and its rotation, the exports, the language switch and
// the dark scheme. axe-core checks every screen; screenshots are written to
// tests/e2e/artifacts/reader/.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Article, ArticleList } from '../../shared/src/schemas';
import { CHROMIUM_PATH } from '../../scripts/extension-browser';
import { DevWorker } from './harness/dev-worker';
import { readSeedPage } from './harness/test-pages';

const ARTIFACTS = new URL('./artifacts/reader/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const VIEWPORTS = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** More articles than one page of the list holds, so the list has to load more as it scrolls. */
const MIN_ARTICLES = 45;

let worker: DevWorker;
let browser: Browser;

const compact = (text: string) => text.replace(/\s+/g, '');

/** How long the page may take to show what a step expects: generous, as the machine may be loaded. */
const UI_WAIT_MS = 20_000;
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: UI_WAIT_MS, interval: 100 });

// ---- What the server holds, read through the API with the bearer token ----

function apiArticles(): Promise<ArticleList['articles']> {
  return worker.listArticles();
}

function apiArticle(id: string): Promise<Article> {
  return worker.getArticle(id);
}

async function save(text: string, url: string): Promise<void> {
  const response = await worker.api('/v1/captures', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, url }),
  });
  expect(response.status).toBe(201);
}

interface CorpusItem {
  kind: string;
  title: string;
  kicker?: string;
  subtitle?: string;
  byline?: string;
  paragraphs: string[];
  url?: string;
}

/**
 * Real text: the seed page (six articles from an e-paper copy), the English fixture articles and
 * People's Daily articles from ../shared, each saved as one capture, until there are enough.
 */
async function saveCorpus(): Promise<void> {
  await save(readSeedPage(), 'https://epaper.example.cn/2024-07-31/03.html');
  const english = JSON.parse(readFileSync(new URL('../fixtures/articles/english.json', import.meta.url), 'utf8')) as Array<
    CorpusItem & { id: string; reporters?: string[] }
  >;
  for (const article of english) {
    const lines = [article.title, article.subtitle, article.reporters?.length ? `By ${article.reporters.join(' and ')}` : undefined, ...article.paragraphs];
    await save(lines.filter(Boolean).join('\n'), `https://news.example.org/${article.id}`);
  }
  const pagesDir = new URL('../../../shared/corpus/pages-zh/', import.meta.url);
  for (const name of readdirSync(pagesDir).filter((file) => file.endsWith('.json')).sort()) {
    const page = JSON.parse(readFileSync(new URL(name, pagesDir), 'utf8')) as { items: CorpusItem[] };
    for (const item of page.items.filter((entry) => entry.kind === 'article' && entry.paragraphs.length >= 2)) {
      await save([item.kicker, item.title, item.subtitle, item.byline, ...item.paragraphs].filter(Boolean).join('\n'), item.url ?? `https://paper.example.cn/${name}`);
    }
    if ((await apiArticles()).length >= MIN_ARTICLES) return;
  }
}

/** Every field of an article a search may look at, apart from its body. */
function nonBodyText(article: Article): string {
  return [article.title, article.subtitle, article.kicker, article.byline, article.dateline, article.summary, ...article.keywords, ...article.captions]
    .filter(Boolean)
    .join('\n');
}

function bodyText(article: Article): string {
  return article.paragraphs.join('\n');
}

/**
 * A word to search for that occurs in one article's body only: not in its title, summary,
 * keywords or any other field, and nowhere in any other article, so the one right answer is
 * known. `candidates` lists possible words of the body in order; the first that fits is taken.
 */
function bodyOnlyWord(articles: Article[], candidates: (article: Article) => string[]): { word: string; article: Article } {
  for (const article of articles) {
    const others = articles.filter((other) => other.id !== article.id).map((other) => `${nonBodyText(other)}\n${bodyText(other)}`.toLowerCase());
    for (const word of candidates(article)) {
      const lower = word.toLowerCase();
      if (nonBodyText(article).toLowerCase().includes(lower)) continue;
      if (others.some((text) => text.includes(lower))) continue;
      return { word, article };
    }
  }
  throw new Error('no article has a body-only word of this kind');
}

/** Runs of exactly `length` Chinese characters standing between punctuation or other script: words and set phrases. */
function chineseRuns(length: number) {
  const pattern = new RegExp(`(?<![\\p{Script=Han}])\\p{Script=Han}{${length}}(?![\\p{Script=Han}])`, 'gu');
  return (article: Article) => (article.lang.startsWith('zh') ? [...bodyText(article).matchAll(pattern)].map((match) => match[0]) : []);
}

/** Capitalized words inside a sentence (not its first word): names. */
function englishNames(article: Article): string[] {
  return article.lang.startsWith('en') ? [...bodyText(article).matchAll(/(?<=[a-z,] )[A-Z][a-z]{3,}\b/g)].map((match) => match[0]) : [];
}

// ---- The reader in a browser ----

interface Reader {
  context: BrowserContext;
  page: Page;
  /** Every address the page asked for. */
  requests: string[];
  /** Console messages about the Content-Security-Policy. */
  cspViolations: string[];
}

async function openReader(viewport: (typeof VIEWPORTS)[number], options: { locale?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<Reader> {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: worker.url });
  // Navigations wait for a Worker that may share two cores with much else.
  context.setDefaultNavigationTimeout(60_000);
  const page = await context.newPage();
  const reader: Reader = { context, page, requests: [], cspViolations: [] };
  context.on('request', (request) => reader.requests.push(request.url()));
  page.on('console', (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) reader.cspViolations.push(message.text());
  });
  return reader;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
}

/** axe-core's serious and critical violations on the page as it is now. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline script) does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; impact?: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function listedIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid="article-list"] button.item').evaluateAll((items) => items.map((item) => item.getAttribute('data-article-id') ?? ''));
}

async function signIn(page: Page): Promise<void> {
  await page.locator('#token').fill(worker.token);
  await page.locator('[data-testid="sign-in"] button[type="submit"]').click();
  await page.getByTestId('article-list').waitFor();
}

/** Scrolls to the end of the list until nothing more loads. */
async function scrollToEnd(page: Page, expectedCount: number): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        return (await listedIds(page)).length;
      },
      { timeout: UI_WAIT_MS * 2, interval: 300 },
    )
    .toBe(expectedCount);
}

async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

beforeAll(async () => {
  worker = await DevWorker.create();
  await worker.start();
  await saveCorpus();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await worker?.dispose();
});

describe.each(VIEWPORTS)('the web reader at $width×$height', (viewport) => {
  const shot = (name: string) => `${viewport.name}-${name}`;

  it('signs in with the token once, then lists, opens and copies', async () => {
    const { context, page, requests, cspViolations } = await openReader(viewport);
    const first = await page.goto(`${worker.url}/`);
    // A strict policy on the page itself: own origin only, no inline script, no framing.
    const policy = first?.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    await page.locator('#token').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, shot('sign-in'));

    // A wrong token is refused with a message, and nothing is kept.
    await page.locator('#token').fill('not-the-token');
    await page.locator('[data-testid="sign-in"] button[type="submit"]').click();
    await eventually(() => page.getByRole('alert').textContent()).toMatch(/refused/);

    await signIn(page);
    // The session lives in an HttpOnly, SameSite=Strict cookie; the token is nowhere in the page.
    const cookies = await context.cookies(worker.url);
    const session = cookies.find((cookie) => cookie.name === 'bz_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(cookies.find((cookie) => cookie.name === 'bz_csrf')?.httpOnly).toBe(false);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href + document.cookie);
    expect(stored).not.toContain(worker.token);
    expect(requests.some((url) => url.includes(worker.token))).toBe(false);
    // With the cookie alone, a request that changes something is refused: it needs the CSRF header.
    const firstId = (await apiArticles())[0]!.id;
    const withoutHeader = await page.evaluate(async (id) => (await fetch(`/v1/articles/${encodeURIComponent(id)}`, { method: 'DELETE' })).status, firstId);
    expect(withoutHeader).toBe(403);

    // Newest first, as the API lists them; more load as the list scrolls.
    const expected = await apiArticles();
    expect(expected.length).toBeGreaterThanOrEqual(MIN_ARTICLES);
    const firstPage = await listedIds(page);
    expect(firstPage.length).toBeGreaterThan(0);
    expect(firstPage.length).toBeLessThan(expected.length);
    expect(firstPage).toEqual(expected.slice(0, firstPage.length).map((article) => article.id));
    await expectNoHorizontalScroll(page, viewport.width);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, shot('list'));
    await scrollToEnd(page, expected.length);
    expect(await listedIds(page)).toEqual(expected.map((article) => article.id));

    // Reloading keeps the session: the cookie, not the token, signs the requests.
    await page.reload();
    await page.getByTestId('article-list').waitFor();

    // The richest article of the seed page: the one with the most of kicker, subtitle, byline, dateline and captions.
    const seedArticles = await Promise.all(expected.filter((item) => item.url?.includes('epaper.example.cn')).map((item) => apiArticle(item.id)));
    const richness = (article: Article) => [article.kicker, article.subtitle, article.byline, article.dateline].filter(Boolean).length + article.captions.length;
    const article = seedArticles.sort((a, b) => richness(b) - richness(a))[0]!;
    await scrollToEnd(page, expected.length);
    await page.locator(`button.item[data-article-id="${article.id}"]`).click();
    const view = page.getByTestId('article-view');
    await view.waitFor();
    expect(page.url()).toBe(`${worker.url}/articles/${encodeURIComponent(article.id)}`);
    expect(compact((await view.locator('h2').first().textContent()) ?? '')).toBe(compact(article.title));
    const viewText = compact((await view.textContent()) ?? '');
    for (const part of [article.kicker, article.subtitle, article.byline, article.dateline, ...article.paragraphs, ...article.captions]) {
      if (part) expect(viewText).toContain(compact(part));
    }
    expect(await view.locator('.caption').count()).toBe(article.captions.length);
    const source = view.locator(`a[href="${article.url}"]`);
    expect(await source.getAttribute('rel')).toContain('noopener');

    // Reading typography: 16–18 px text, line height about 1.7, a bounded line length.
    const paragraph = view.locator('p', { hasText: article.paragraphs[0]!.slice(0, 12) }).first();
    const metrics = await paragraph.evaluate((element) => {
      const style = getComputedStyle(element);
      return { fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight), width: element.getBoundingClientRect().width };
    });
    expect(metrics.fontSize).toBeGreaterThanOrEqual(16);
    expect(metrics.fontSize).toBeLessThanOrEqual(18);
    expect(metrics.lineHeight / metrics.fontSize).toBeGreaterThanOrEqual(1.6);
    expect(metrics.lineHeight / metrics.fontSize).toBeLessThanOrEqual(1.8);
    expect(metrics.width / metrics.fontSize).toBeLessThanOrEqual(40);
    await expectNoHorizontalScroll(page, viewport.width);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, shot('article'));
    await page.screenshot({ path: `${ARTIFACTS}${shot('article-full')}.png`, fullPage: true });

    // Copy as Markdown puts exactly the API's Markdown on the clipboard.
    await view.getByRole('button', { name: 'Copy as Markdown' }).click();
    await view.getByRole('status').waitFor();
    const markdown = await (await worker.api(`/v1/articles/${encodeURIComponent(article.id)}?format=markdown`)).text();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(markdown);

    // Signing out ends the session: a reload shows the sign-in form again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#token').waitFor();
    await page.reload();
    await page.locator('#token').waitFor();

    expect(requests.filter((url) => !url.startsWith(`${worker.url}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 180_000);

  it('finds words that occur only in a body: two and four Chinese characters, an English name', async () => {
    const { context, page, requests, cspViolations } = await openReader(viewport, { locale: 'zh-CN' });
    await page.goto(`${worker.url}/`);
    await signIn(page);
    const articles = await Promise.all((await apiArticles()).map((item) => apiArticle(item.id)));
    const searches = [
      { kind: 'two-character', ...bodyOnlyWord(articles, chineseRuns(2)) },
      { kind: 'four-character', ...bodyOnlyWord(articles, chineseRuns(4)) },
      { kind: 'english-name', ...bodyOnlyWord(articles, englishNames) },
    ];
    for (const { kind, word, article } of searches) {
      await page.getByTestId('search').fill(word);
      await eventually(() => new URL(page.url()).searchParams.get('q')).toBe(word);
      await page.getByTestId('result-count').waitFor();
      // The one article whose body holds the word, and no other.
      await eventually(() => listedIds(page)).toEqual([article.id]);
      const item = page.locator(`button.item[data-article-id="${article.id}"]`);
      // The match is highlighted in the snippet, as text in a <mark>, never as markup.
      const marks = await item.locator('.snippet mark').allTextContents();
      expect(marks.length, `${kind} "${word}"`).toBeGreaterThan(0);
      for (const mark of marks) expect(mark.toLowerCase()).toBe(word.toLowerCase());
      expect(await item.locator('.snippet *:not(mark)').count()).toBe(0);
      await expectNoHorizontalScroll(page, viewport.width);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, shot(`search-${kind}`));
    }

    // A search that matches nothing says so.
    await page.getByTestId('search').fill('Zyxwvutsrq');
    await eventually(() => page.getByTestId('article-list').count()).toBe(0);
    await eventually(() => page.locator('main .muted').textContent()).toBe('没有匹配的文章。');

    expect(requests.filter((url) => !url.startsWith(`${worker.url}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 180_000);

  it('follows the browser language, switches it, and reads in the dark', async () => {
    const { context, page, cspViolations } = await openReader(viewport, { locale: 'zh-CN', colorScheme: 'dark' });
    await page.goto(`${worker.url}/`);
    // The browser's language first: Chinese here.
    await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await signIn(page);
    await page.getByRole('link', { name: '订阅与导出' }).waitFor();
    expect(await page.getByTestId('search').getAttribute('placeholder')).toBe('搜索已保存的文章');

    // The switch changes every word of the UI, and the choice stays after a reload.
    await page.getByTestId('language').click();
    await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('link', { name: 'Feed & export' }).waitFor();
    expect(await page.getByTestId('search').getAttribute('placeholder')).toBe('Search saved articles');
    await page.reload();
    await page.getByRole('link', { name: 'Feed & export' }).waitFor();
    await expectNoHorizontalScroll(page, viewport.width);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, shot('list-english-dark'));

    // The reading view in the dark, with the same contrast checks.
    await page.locator('button.item').first().click();
    await page.getByTestId('article-view').waitFor();
    await expectNoHorizontalScroll(page, viewport.width);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, shot('article-dark'));
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 180_000);

  it('deletes an article and brings it back with undo', async () => {
    const { context, page, cspViolations } = await openReader(viewport);
    await page.goto(`${worker.url}/`);
    await signIn(page);
    const expected = await apiArticles();
    const article = await apiArticle(expected[2]!.id);
    await page.locator(`button.item[data-article-id="${article.id}"]`).click();
    const view = page.getByTestId('article-view');
    await view.waitFor();

    // Delete: gone from the server and the list, with a few seconds to undo.
    const position = expected.findIndex((item) => item.id === article.id);
    await view.getByTestId('delete-article').click();
    await page.getByTestId('undo').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await listedIds(page)).not.toContain(article.id);
    expect((await worker.api(`/v1/articles/${encodeURIComponent(article.id)}`)).status).toBe(404);
    await screenshot(page, shot('deleted-undo'));
    await page.getByTestId('undo').click();
    await eventually(() => page.getByTestId('toast').textContent()).toBe('Restored.');
    expect((await worker.api(`/v1/articles/${encodeURIComponent(article.id)}`)).status).toBe(200);
    expect((await listedIds(page))[position]).toBe(article.id);
    expect((await apiArticles()).map((item) => item.id)).toEqual(expected.map((item) => item.id));

    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows the secret feed address and rotates it', async () => {
    const { context, page, cspViolations } = await openReader(viewport, { locale: 'zh-CN' });
    await page.goto(`${worker.url}/`);
    await signIn(page);
    await page.getByRole('link', { name: '订阅与导出' }).click();
    const feedField = page.getByTestId('feed-url');
    await eventually(() => feedField.inputValue()).toMatch(/^http/);
    const oldFeed = await feedField.inputValue();
    // The address alone opens the feed: no cookie, no token.
    const feed = await fetch(oldFeed);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('<feed');
    await expectNoHorizontalScroll(page, viewport.width);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, shot('feed-export'));

    await page.getByTestId('rotate-feed').click();
    await page.getByTestId('rotate-confirm').click();
    await eventually(() => feedField.inputValue()).not.toBe(oldFeed);
    expect((await fetch(await feedField.inputValue())).status).toBe(200);
    expect((await fetch(oldFeed)).status).toBeGreaterThanOrEqual(400);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);


  it('offers every article as JSON and as Markdown in a zip, and the listed ones as EPUB', async () => {
    const { context, page } = await openReader(viewport);
    await page.goto(`${worker.url}/`);
    await signIn(page);
    const listed = await listedIds(page);
    await page.getByRole('link', { name: 'Feed & export' }).click();
    await page.getByTestId('feed-export').waitFor();
    // The links download with the session cookie, as a click would.
    const download = async (selector: string) => {
      const href = await page.locator(selector).getAttribute('href');
      expect(href, selector).toBeTruthy();
      const response = await context.request.get(`${worker.url}${href}`);
      expect(response.status(), href!).toBe(200);
      return { href: href!, body: await response.body() };
    };
    const json = await download('a[href="/v1/export.json"]');
    expect(json.body.toString('utf8')).toContain(listed[0]!);
    const zip = await download('a[href="/v1/export.zip"]');
    expect(zip.body.subarray(0, 2).toString('latin1')).toBe('PK');
    const epub = await download('a[href^="/v1/export.epub?ids="]');
    expect(new URL(epub.href, worker.url).searchParams.get('ids')?.split(',')).toEqual(listed.slice(0, 50));
    expect(epub.body.subarray(30, 38).toString('latin1')).toBe('mimetype');
    await context.close();
  }, 120_000);
});
