// The Firefox build, for real: Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the
// built extension installed, saves a page into the real Worker (wrangler dev, local KV) and the
// popup lists what was saved. `web-ext lint` (Mozilla's add-on checks) passes on the same build.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleList } from '../../shared/src/schemas';
import { REPO_ROOT } from '../../scripts/extension-browser';
import { DevWorker } from './harness/dev-worker';
import { ePaperPage, readSeedPage, TestPageServer } from './harness/test-pages';

const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });
/** The manifest's gecko id, and the moz-extension:// host pinned for it so pages can be opened by address. */
const EXTENSION_ID = 'baozhai@example.org';
const EXTENSION_UUID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

let buildDir: string;
let extensionDir: string;
let profileDir: string;
let worker: DevWorker;
let pages: TestPageServer;
let firefox: Browser;
/** web-ext lint's JSON report, started as soon as the build is there (it takes a while). */
let lintReport: Promise<string>;

declare const browser: {
  tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> };
  storage: { local: { set(items: object): Promise<void> } };
};

/**
 * Opens an extension page in a new tab. A navigation to moz-extension:// may never report its
 * end over BiDi, so it is not awaited: the page's own content says it is there. The page is asked
 * again and again rather than waited on with waitForSelector, because a query that lands while the
 * tab is between about:blank and the extension page fails outright in Firefox ("right-hand side of
 * 'in' should be an object, got null") instead of waiting.
 */
async function openExtensionPage(pathname: string, ready: string): Promise<Page> {
  const page = await firefox.newPage();
  void page.goto(`${EXTENSION_ORIGIN}${pathname}`).catch(() => undefined);
  const deadline = Date.now() + 30_000;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      if (await page.$(ready)) return page;
    } catch (error) {
      lastError = error; // the tab is between documents: ask again
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${pathname} never showed ${ready} within 30 s${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}

beforeAll(async () => {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`No Firefox at ${FIREFOX_PATH}: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
  buildDir = mkdtempSync(path.join(tmpdir(), 'baozhai-e2e-firefox-'));
  const build = spawnSync('npm', ['run', '--silent', 'build:extension:firefox'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, BAOZHAI_EXTENSION_OUT_DIR: buildDir },
  });
  if (build.status !== 0) throw new Error(`npm run build:extension:firefox failed:\n${build.stdout}\n${build.stderr}`);
  extensionDir = path.join(buildDir, 'firefox-mv3');
  const webExt = path.join(REPO_ROOT, 'node_modules', '.bin', 'web-ext');
  lintReport = promisify(execFile)(webExt, ['lint', '--source-dir', extensionDir, '--output', 'json', '--no-config-discovery'], {
    cwd: REPO_ROOT,
    maxBuffer: 16 * 1024 * 1024,
  }).then(({ stdout }) => stdout);
  lintReport.catch(() => undefined); // awaited (and reported) by its test

  worker = await DevWorker.create();
  [pages] = await Promise.all([TestPageServer.start(), worker.start()]);
  profileDir = mkdtempSync(path.join(tmpdir(), 'baozhai-firefox-'));
  firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profileDir,
    // Lets the test open the extension's own moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }) },
  });
  expect(await firefox.installExtension(extensionDir)).toBe(EXTENSION_ID);
});

afterAll(async () => {
  await firefox?.close().catch(() => undefined);
  await pages?.close();
  await worker?.dispose();
  for (const directory of [buildDir, profileDir]) if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('the Firefox build in Firefox ESR', () => {
  it('saves a page of several articles from the popup, and the popup lists them', async () => {
    const url = pages.serve('/epaper/2024-07-31/03.html', ePaperPage(readSeedPage()));
    const tab = await firefox.newPage();
    await tab.goto(url);

    const setup = await openExtensionPage('/popup.html', '[data-testid="save-page"]');
    await setup.evaluate((settings) => browser.storage.local.set(settings), { serverUrl: worker.url, apiToken: worker.token });
    const tabId = await setup.evaluate((target) => browser.tabs.query({}).then((tabs) => tabs.find((item) => item.url === target)?.id), url);
    expect(tabId).toBeGreaterThan(0);
    await setup.close();

    const popup = await openExtensionPage(`/popup.html?tab=${tabId}`, '[data-testid="save-page"]');
    await popup.setViewport({ width: 420, height: 600 });
    await popup.click('[data-testid="save-page"]');
    await popup.waitForSelector('[data-testid="save-result"], [data-testid="save-error"], [data-testid="save-queued"]', { timeout: 30_000 });
    const error = await popup.$eval('[data-testid="save-error"]', (element) => element.textContent).catch(() => null);
    expect(error).toBeNull();
    const savedTitles = await popup.$$eval('[data-testid="save-result"] li', (items) => items.map((item) => item.textContent));
    expect(savedTitles).toHaveLength(6);

    const response = await worker.api('/v1/articles?limit=100');
    const listed = ArticleList.parse(await response.json()).articles.filter((article) => article.url === url);
    expect(listed.map((article) => article.title).sort()).toEqual([...savedTitles].sort());
    await popup.waitForFunction((count) => document.querySelectorAll('[data-testid="article-list"] .title').length >= count, {}, listed.length);
    const popupTitles = await popup.$$eval('[data-testid="article-list"] .title', (titles) => titles.map((title) => title.textContent));
    expect(popupTitles).toEqual(listed.map((article) => article.title));
    // Firefox sets no 75 % on extension pages, but the sizes must hold here too.
    expect(await popup.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(14);
    await popup.screenshot({ path: `${ARTIFACTS}firefox-popup-list.png` });
  });

  it('passes web-ext lint with no errors', async () => {
    const report = JSON.parse(await lintReport) as { summary: { errors: number }; errors: Array<{ code: string; message: string }> };
    expect(report.errors.map((error) => `${error.code}: ${error.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
