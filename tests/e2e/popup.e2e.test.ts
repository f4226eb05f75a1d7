// The popup and the settings page as a person sees them, in the built extension in real Chromium
// against the real Worker: sizes read from computed styles, settings that survive a restart,
// delete with undo, re-saving a page that lost articles, and screenshots of every screen in
// English and Chinese (tests/e2e/artifacts/, gitignored).
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ArticleList, type Article } from '../../shared/src/schemas';
import type { Browser } from 'wxt/browser';
import {
  getExtensionStorage,
  launchExtensionBrowser,
  openPopup,
  setExtensionStorage,
  tabIdOf,
  unpackedExtensionId,
  type ExtensionBrowser,
} from '../../scripts/extension-browser';
import { freePort } from '../../scripts/lib/free-port';
import { DevWorker } from './harness/dev-worker';
import { ePaperPage, readSeedPage, singleArticlePage, TestPageServer } from './harness/test-pages';
import { seedArticles } from './harness/two-column-pdf';
import { structuredArticle } from '../fixtures/structured-article';
import { hasVirtualDisplayTools, VirtualDisplay } from './harness/virtual-display';

declare const chrome: typeof Browser;

const EXTENSION_DIR = inject('extensionDir');
// A folder of their own: extension.e2e.test.ts writes popup-*.png beside it.
const ARTIFACTS = new URL('./artifacts/popup/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

/** Chrome's largest popup; taller content is cut off. */
const POPUP_MAX_HEIGHT = 600;
const MIN_BODY_TEXT_PX = 14;

let worker: DevWorker;
let pages: TestPageServer;
let browser: ExtensionBrowser;
/** The seed page, saved by the first scenario: six articles. */
let seedUrl: string;

async function apiArticles(): Promise<ArticleList['articles']> {
  const response = await worker.api('/v1/articles?limit=100');
  expect(response.status).toBe(200);
  return ArticleList.parse(await response.json()).articles;
}

/** Opens `url` in a tab, then the popup aimed at it, and presses "Save this page". */
async function saveFromPopup(inBrowser: ExtensionBrowser, url: string): Promise<{ popup: Page; tab: Page }> {
  const tab = await inBrowser.context.newPage();
  await tab.goto(url);
  const popup = await openPopup(inBrowser, await tabIdOf(inBrowser, tab));
  await popup.getByTestId('save-page').click();
  await popup.locator('[data-testid="save-result"], [data-testid="save-queued"], [data-testid="save-error"]').first().waitFor();
  return { popup, tab };
}

/** Computed font size in px of the first element matching `selector`. */
function fontSize(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
}

/** The popup's own height: what Chrome sizes its popup window to (the page's body). */
function popupHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.body.getBoundingClientRect().height);
}

/** Writes a screenshot of the popup at its own size (the tab is wider and taller than a popup). */
async function popupScreenshot(page: Page, name: string): Promise<void> {
  await page.locator('body').screenshot({ path: `${ARTIFACTS}${name}` });
}

beforeAll(async () => {
  worker = await DevWorker.create();
  [pages] = await Promise.all([TestPageServer.start(), worker.start()]);
  browser = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR });
  await setExtensionStorage(browser, { serverUrl: worker.url, apiToken: worker.token });
});

afterAll(async () => {
  await browser?.dispose();
  await pages?.close();
  await worker?.dispose();
});

describe('a readable popup', () => {
  it('has body text of at least 14 px, titles no smaller than summaries, and stays within 600 px with six articles just saved', async () => {
    seedUrl = pages.serve('/epaper/2024-07-31/03.html', ePaperPage(readSeedPage()));
    const { popup, tab } = await saveFromPopup(browser, seedUrl);
    await popup.getByTestId('save-result').waitFor();
    expect(await popup.locator('[data-testid="save-result"] li').count()).toBe(6);
    await expect.poll(() => popup.locator('[data-testid="article-list"] .title').count()).toBeGreaterThanOrEqual(6);

    expect(await fontSize(popup, 'body')).toBeGreaterThanOrEqual(MIN_BODY_TEXT_PX);
    expect(await fontSize(popup, '[data-testid="save-page"]')).toBeGreaterThanOrEqual(MIN_BODY_TEXT_PX);
    expect(await fontSize(popup, '.articles .summary')).toBeGreaterThanOrEqual(MIN_BODY_TEXT_PX);
    expect(await fontSize(popup, '.articles .title')).toBeGreaterThanOrEqual(await fontSize(popup, '.articles .summary'));
    expect(await popupHeight(popup)).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    // What does not fit scrolls inside the list, not off the bottom of the popup.
    const list = popup.getByTestId('article-list');
    expect(await list.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
    expect(await list.evaluate((element) => getComputedStyle(element).overflowY)).toBe('auto');
    await popupScreenshot(popup, 'list-en.png');

    // The article: text at least 14 px, the headline the largest, captions no larger than the text.
    await popup.locator('[data-testid="article-list"] .item').first().click();
    const view = popup.getByTestId('article-view');
    await view.waitFor();
    const textSize = await fontSize(popup, '[data-testid="article-text"] p:not(.caption)');
    expect(textSize).toBeGreaterThanOrEqual(MIN_BODY_TEXT_PX);
    expect(await fontSize(popup, '.article-body h2')).toBeGreaterThan(textSize);
    expect(await fontSize(popup, '.article-body .summary p')).toBeGreaterThanOrEqual(MIN_BODY_TEXT_PX);
    expect(await popupHeight(popup)).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    await popupScreenshot(popup, 'article-en.png');

    // An article with a photo caption: the caption is no larger than the text it goes with.
    const fromPage = (await apiArticles()).filter((article) => article.url === seedUrl);
    const withCaption = (await Promise.all(fromPage.map((article) => worker.api(`/v1/articles/${article.id}`).then((response) => response.json() as Promise<Article>))))
      .find((article) => article.captions.length > 0);
    expect(withCaption).toBeDefined();
    await view.getByRole('button', { name: 'Back' }).click();
    await popup.locator(`[data-article-id="${withCaption!.id}"]`).click();
    await expect.poll(() => view.locator('h2').textContent()).toBe(withCaption!.title);
    expect(await fontSize(popup, '[data-testid="article-text"] .caption')).toBeLessThan(await fontSize(popup, '[data-testid="article-text"] p:not(.caption)'));
    await Promise.all([popup.close(), tab.close()]);
  });
});

/** Opens the options page in a tab of a desktop window's size. */
async function openOptions(inBrowser: ExtensionBrowser): Promise<Page> {
  const options = await inBrowser.context.newPage();
  await options.setViewportSize({ width: 1000, height: 720 });
  await options.goto(`chrome-extension://${inBrowser.extensionId}/options.html`);
  await options.locator('#token').waitFor();
  return options;
}

describe('an article with a structured body', () => {
  it('shows its section headings, list, quote and captions with credits in reading order, at readable sizes', async () => {
    // Drawn from the copy this browser keeps for reading offline: the server is unreachable here.
    const closedPort = await freePort();
    const cached = { id: structuredArticle.id, captureId: structuredArticle.captureId, title: structuredArticle.title, summary: structuredArticle.summary, url: structuredArticle.url, capturedAt: structuredArticle.capturedAt };
    await setExtensionStorage(browser, {
      serverUrl: `http://127.0.0.1:${closedPort}`,
      articleBodies: { [structuredArticle.id]: structuredArticle },
      articleCache: [cached],
      articleCacheHead: [cached],
    });
    const popup = await openPopup(browser);
    try {
      await popup.locator(`[data-article-id="${structuredArticle.id}"]`).click();
      const text = popup.getByTestId('article-text');
      await text.waitFor();
      expect(await text.locator('h3, h4').allTextContents()).toEqual(['Where the heat collects', 'What it costs']);
      expect(await text.locator('li').allTextContents()).toEqual(['A listed point.', 'Another point.']);
      expect(await text.locator('.caption').textContent()).toBe('Workers paint a roof white. Photo: Li Hua');
      expect(await fontSize(popup, '[data-testid="article-text"] h3')).toBeGreaterThan(await fontSize(popup, '[data-testid="article-text"] p'));
      expect(await fontSize(popup, '[data-testid="article-text"] .caption')).toBeLessThan(await fontSize(popup, '[data-testid="article-text"] p'));
      expect(await popup.locator('.article-body .keywords li').allTextContents()).toEqual(structuredArticle.keywords);
      expect(await popupHeight(popup)).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
      await popup.getByTestId('article-text').locator('h3').first().scrollIntoViewIfNeeded();
      await popupScreenshot(popup, 'article-blocks-en.png');
    } finally {
      await popup.close();
      await setExtensionStorage(browser, { serverUrl: worker.url });
    }
  });
});

describe('settings that stick', () => {
  it('are saved by a successful Test connection and are still there after a browser restart', async () => {
    const fresh = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR });
    const userDataDir = fresh.userDataDir;
    let restarted: ExtensionBrowser | undefined;
    try {
      // With no token the popup says so once (not for the save and again for the list), with a way to the settings.
      const url = pages.serve('/news/no-token.html', singleArticlePage({ title: '没有令牌时的页面', byline: '', paragraphs: ['这一页不会被保存。'.repeat(20)] }));
      const { popup, tab } = await saveFromPopup(fresh, url);
      await tab.close();
      expect(await popup.getByRole('alert').allTextContents()).toEqual([expect.stringContaining('No token is set')]);
      expect(await popup.getByRole('alert').getByRole('button', { name: 'Settings' }).count()).toBe(1);
      await popup.close();

      const options = await openOptions(fresh);
      await options.locator('#server-url').fill(worker.url);
      await options.getByRole('button', { name: 'Test connection' }).click();
      // On the settings page itself, the message says what to fill in, not to open the settings.
      await expect.poll(() => options.getByTestId('connection-result').textContent()).toBe('Enter your token.');
      expect(await options.locator('body').textContent()).not.toContain('Open the settings');

      await options.locator('#token').fill(worker.token);
      await options.getByRole('button', { name: 'Test connection' }).click();
      await expect.poll(() => options.getByTestId('connection-result').textContent()).toContain('Connected');
      expect(await options.getByTestId('connection-result').textContent()).toContain('Settings saved.');
      // A page of its own: a centred column wider than the popup, not the popup's 420 px at the left.
      const column = await options.locator('main.settings').boundingBox();
      expect(column!.width).toBeGreaterThan(420);
      expect(Math.abs(column!.x - (1000 - column!.x - column!.width))).toBeLessThanOrEqual(2);
      expect(await fontSize(options, '#token')).toBeGreaterThanOrEqual(MIN_BODY_TEXT_PX);
      await options.screenshot({ path: `${ARTIFACTS}settings-en.png` });
      await fresh.close();

      restarted = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR, userDataDir });
      expect(await getExtensionStorage(restarted, 'apiToken')).toBe(worker.token);
      expect(await getExtensionStorage(restarted, 'serverUrl')).toBe(worker.url);
      const reopened = await openPopup(restarted);
      const titles = (await apiArticles()).map((article) => article.title);
      await expect.poll(() => reopened.locator('[data-testid="article-list"] .title').allTextContents()).toEqual(titles.slice(0, 30));
      expect(await reopened.getByRole('alert').count()).toBe(0);
    } finally {
      await restarted?.dispose();
      await fresh.dispose();
    }
  });
});

describe('nothing lost on delete', () => {
  it('offers to undo a delete for a few seconds, and Undo brings the article back', async () => {
    const [target] = (await apiArticles()).filter((article) => article.url === seedUrl);
    const popup = await openPopup(browser);
    await popup.locator(`[data-article-id="${target!.id}"]`).click();
    await popup.getByTestId('article-view').waitFor();
    await popup.getByTestId('delete-article').click();
    await popup.getByTestId('undo-delete').waitFor();
    expect(await popup.getByTestId('undo-delete').textContent()).toContain(`Deleted “${target!.title}”.`);
    expect(await popup.locator(`[data-article-id="${target!.id}"]`).count()).toBe(0);
    expect((await worker.api(`/v1/articles/${target!.id}`)).status).toBe(404);
    await popupScreenshot(popup, 'undo-en.png');

    await popup.getByTestId('undo-delete').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => popup.locator(`[data-article-id="${target!.id}"]`).count()).toBe(1);
    expect((await worker.api(`/v1/articles/${target!.id}`)).status).toBe(200);
    expect((await apiArticles()).map((article) => article.id)).toContain(target!.id);
    await popup.close();
  });

  it('restores a deleted article when its page is saved again', async () => {
    const fromPage = (await apiArticles()).filter((article) => article.url === seedUrl);
    expect(fromPage).toHaveLength(6);
    const deleted = fromPage[2]!;
    expect((await worker.api(`/v1/articles/${deleted.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await apiArticles()).map((article) => article.id)).not.toContain(deleted.id);

    const { popup, tab } = await saveFromPopup(browser, seedUrl);
    await popup.getByTestId('save-result').waitFor();
    expect(await popup.locator('[data-testid="save-result"] li').count()).toBe(6);
    expect(await popup.locator('[data-testid="save-result"] li').allTextContents()).toContain(deleted.title);
    expect((await apiArticles()).filter((article) => article.url === seedUrl).map((article) => article.id)).toEqual(fromPage.map((article) => article.id));
    await expect.poll(() => popup.locator(`[data-article-id="${deleted.id}"]`).count()).toBe(1);
    await Promise.all([popup.close(), tab.close()]);
  });
});

describe('selections from one page', () => {
  it('are titled from their own text, not the page title', async () => {
    const [article] = seedArticles(['commentary', 'cooling-spots']);
    const url = pages.serve('/news/2024/07/31/commentary-selections.html', singleArticlePage({ ...article, byline: '' }));
    const tab = await browser.context.newPage();
    await tab.goto(url);
    const titles: string[] = [];
    for (const index of [1, 3]) {
      await tab.evaluate((which) => {
        const paragraph = document.querySelectorAll('article p:not(.byline)')[which]!;
        const range = document.createRange();
        range.selectNodeContents(paragraph);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
      }, index);
      const popup = await openPopup(browser, await tabIdOf(browser, tab));
      await popup.getByTestId('save-page').click();
      await popup.getByTestId('save-result').waitFor();
      titles.push(...(await popup.locator('[data-testid="save-result"] li').allTextContents()));
      await popup.close();
    }
    expect(titles).toHaveLength(2);
    expect(titles[0]).not.toBe(titles[1]);
    for (const [position, index] of [1, 3].entries()) {
      const title = titles[position]!.replace(/…$/, '');
      expect(article.paragraphs[index]!.startsWith(title)).toBe(true);
      expect(title).not.toContain(article.title);
    }
    await tab.close();
  });
});

/** Saves a page while the server is down (a port nothing listens on) so that it waits in the queue. */
async function queueOnePage(inBrowser: ExtensionBrowser, name: string): Promise<Page> {
  const closedPort = await freePort();
  await setExtensionStorage(inBrowser, { serverUrl: `http://127.0.0.1:${closedPort}` });
  const [article] = seedArticles(['leader-visit', 'commentary']);
  const url = pages.serve(`/news/2024/07/31/${name}.html`, singleArticlePage({ ...article, byline: '记者 陈元洪' }));
  const { popup, tab } = await saveFromPopup(inBrowser, url);
  await popup.getByTestId('save-queued').waitFor();
  await expect.poll(() => popup.getByTestId('waiting').getAttribute('data-count')).toBe('1');
  await tab.close();
  return popup;
}

describe('a capture waiting for the server', () => {
  it('shows how many wait, then sends them when the server is back', async () => {
    const popup = await queueOnePage(browser, 'queued-en');
    expect(await popupHeight(popup)).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    await popupScreenshot(popup, 'queue-en.png');
    await setExtensionStorage(browser, { serverUrl: worker.url });
    await popup.getByRole('button', { name: 'Retry now' }).click();
    await expect.poll(() => popup.getByTestId('waiting').count()).toBe(0);
    await popup.close();
  });
});

describe('the popup and settings in Chinese', () => {
  it('writes screenshots of the list, an article, the settings and the queue', async () => {
    const chinese = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR, locale: 'zh-CN' });
    try {
      await setExtensionStorage(chinese, { serverUrl: worker.url, apiToken: worker.token });
      const { popup, tab } = await saveFromPopup(chinese, seedUrl);
      await expect.poll(() => popup.locator('[data-testid="save-result"] strong').first().textContent()).toBe('之前已保存：6 篇文章');
      await expect.poll(() => popup.locator('[data-testid="article-list"] .title').count()).toBeGreaterThanOrEqual(6);
      expect(await fontSize(popup, 'body')).toBeGreaterThanOrEqual(MIN_BODY_TEXT_PX);
      expect(await popupHeight(popup)).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
      await popupScreenshot(popup, 'list-zh.png');

      await popup.locator('[data-testid="article-list"] .item').first().click();
      await popup.getByTestId('article-view').waitFor();
      expect(await popup.locator('.article-body .summary .label').textContent()).toBe('摘要');
      await popupScreenshot(popup, 'article-zh.png');
      await Promise.all([popup.close(), tab.close()]);

      const options = await openOptions(chinese);
      await options.getByRole('button', { name: '测试连接' }).click();
      await expect.poll(() => options.getByTestId('connection-result').textContent()).toContain('连接成功');
      await options.screenshot({ path: `${ARTIFACTS}settings-zh.png` });
      await options.close();

      const queued = await queueOnePage(chinese, 'queued-zh');
      expect(await queued.getByTestId('waiting').textContent()).toContain('1 个待发送');
      await popupScreenshot(queued, 'queue-zh.png');
      await setExtensionStorage(chinese, { serverUrl: worker.url });
      await queued.getByRole('button', { name: '立即重试' }).click();
      await expect.poll(() => queued.getByTestId('waiting').count()).toBe(0);
    } finally {
      await chinese.dispose();
    }
  });
});

describe('the toolbar button, clicked', () => {
  /** Pure red, as the icon's square and the popup's Save button are (#b3261e). */
  const isAccent = ([red, green, blue]: [number, number, number]) => red > 140 && green < 80 && blue < 80;

  it.skipIf(!hasVirtualDisplayTools())(
    'opens the real popup, whose Save button saves a page the extension has no host permission for',
    async () => {
      const otherHost = await TestPageServer.start('127.0.0.2');
      const display = await VirtualDisplay.start();
      const headed = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR, display: display.display, pinAction: true });
      try {
        expect(headed.extensionId).toBe(unpackedExtensionId(EXTENSION_DIR));
        await setExtensionStorage(headed, { serverUrl: worker.url, apiToken: worker.token });
        const [, article] = seedArticles(['commentary', 'industry-growth']);
        const url = otherHost.serve('/news/2024/07/31/toolbar.html', singleArticlePage({ ...article, byline: '记者 王明' }));
        const tab = await headed.context.newPage();
        await tab.goto(url);
        await tab.bringToFront();

        // The pinned button: the icon's red square in the toolbar band at the top of the window.
        const toolbar = { x: 0, y: 0, width: 1280, height: 120 };
        let icon: ReturnType<ReturnType<VirtualDisplay['screen']>['regions']>[number] | undefined;
        await expect
          .poll(() => (icon = display.screen().regions(isAccent, toolbar).find((region) => region.width >= 12 && region.width <= 40)) !== undefined)
          .toBe(true);
        display.click(icon!.x + Math.floor(icon!.width / 2), icon!.y + Math.floor(icon!.height / 2));

        // The popup opens under it; its Save button is the largest red region below the toolbar.
        const serviceWorker = await headed.serviceWorker();
        await expect
          .poll(() => serviceWorker.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['POPUP' as never] }).then((contexts) => contexts.length)))
          .toBe(1);
        const belowTop = icon!.y + icon!.height + 8;
        const below = { x: 0, y: belowTop, width: 1280, height: 600 };
        let button: typeof icon;
        await expect
          .poll(() => (button = display.screen().regions(isAccent, below).find((region) => region.width >= 60 && region.height >= 24)) !== undefined)
          .toBe(true);
        // The real popup as Chrome draws it, with its sizes: the button's text at 14 px makes it at least 28 px tall.
        expect(button!.height).toBeGreaterThanOrEqual(28);
        display.screen().savePng(`${ARTIFACTS}toolbar-popup.png`, { x: Math.max(0, button!.x - 400), y: 0, width: 560, height: 640 });
        display.click(button!.x + Math.floor(button!.width / 2), button!.y + Math.floor(button!.height / 2));

        const savedTitles = async () => (await apiArticles()).filter((item) => item.url === url).map((item) => item.title);
        await expect.poll(savedTitles, { timeout: 30_000 }).toHaveLength(1);
        const tabId = await tabIdOf(headed, tab);
        await expect.poll(() => serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('✓');
      } finally {
        // The whole screen as the test left it: what went wrong, when something did.
        display.screen().savePng(`${ARTIFACTS}toolbar-screen.png`);
        await headed.dispose();
        display.stop();
        await otherHost.close();
      }
    },
  );
});
