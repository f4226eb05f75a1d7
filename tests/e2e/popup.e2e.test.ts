// The popup and the settings page as a person sees them, in the built extension in real Chromium
// against the real Worker: sizes read from computed styles, settings that survive a restart,
// delete with undo, re-saving a page that lost articles, and screenshots of every screen in
// English and Chinese (tests/e2e/artifacts/, gitignored).
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ArticleList } from '../../shared/src/schemas';
import {
  getExtensionStorage,
  launchExtensionBrowser,
  openPopup,
  setExtensionStorage,
  tabIdOf,
  type ExtensionBrowser,
} from '../../scripts/extension-browser';
import { freePort } from '../../scripts/lib/free-port';
import { DevWorker } from './harness/dev-worker';
import { ePaperPage, readSeedPage, singleArticlePage, TestPageServer } from './harness/test-pages';
import { seedArticles } from './harness/two-column-pdf';

const EXTENSION_DIR = inject('extensionDir');
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

/** Chrome's largest popup; taller content is cut off. */
const POPUP_MAX_HEIGHT = 600;
const MIN_BODY_TEXT_PX = 14;

let worker: DevWorker;
let pages: TestPageServer;
let browser: ExtensionBrowser;

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
    const url = pages.serve('/epaper/2024-07-31/03.html', ePaperPage(readSeedPage()));
    const { popup, tab } = await saveFromPopup(browser, url);
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
    await popupScreenshot(popup, 'popup-list.png');

    // The article: text at least 14 px, the headline the largest, captions no larger than the text.
    await popup.locator('[data-testid="article-list"] .item').first().click();
    const view = popup.getByTestId('article-view');
    await view.waitFor();
    const textSize = await fontSize(popup, '[data-testid="article-text"] p:not(.caption)');
    expect(textSize).toBeGreaterThanOrEqual(MIN_BODY_TEXT_PX);
    expect(await fontSize(popup, '.article-body h2')).toBeGreaterThan(textSize);
    expect(await fontSize(popup, '.article-body .summary p')).toBeGreaterThanOrEqual(MIN_BODY_TEXT_PX);
    expect(await popupHeight(popup)).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    await popupScreenshot(popup, 'popup-article.png');
    await Promise.all([popup.close(), tab.close()]);
  });
});
