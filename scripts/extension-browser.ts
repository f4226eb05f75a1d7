// Launches Debian's Chromium with the built extension loaded, for the end-to-end tests and the
// extension benchmark. Headless Chromium has no toolbar to click, so the popup page is opened
// in a tab of its own and told which tab to save with `?tab=<id>`; on a virtual X display the
// browser runs headed and a real key press can use the extension's shortcut.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';

declare const chrome: typeof Browser;

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
export const CHROME_EXTENSION_DIR = path.join(REPO_ROOT, '.output', 'chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  serviceWorker(): Promise<Worker>;
  /** Closes the browser; the profile (and the extension's storage) stays for a relaunch. */
  close(): Promise<void>;
  /** Closes the browser and deletes its profile. */
  dispose(): Promise<void>;
}

export async function launchExtensionBrowser(
  options: {
    extensionDir?: string;
    userDataDir?: string;
    locale?: string;
    /** An X display (Xvfb) to run a headed browser on, which real key presses can reach. */
    display?: string;
    /** Pins the extension's button to the toolbar (a new profile's extensions sit in the puzzle menu). */
    pinAction?: boolean;
  } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? CHROME_EXTENSION_DIR;
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'baozhai-chromium-'));
  if (options.pinAction) {
    mkdirSync(path.join(userDataDir, 'Default'), { recursive: true });
    const preferences = { extensions: { pinned_extensions: [unpackedExtensionId(extensionDir)] } };
    writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.display === undefined,
    env: options.display === undefined ? process.env : { ...process.env, DISPLAY: options.display },
    locale: options.locale ?? 'en-US',
    viewport: { width: 1000, height: 800 },
    // Playwright disables extensions by default.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const serviceWorker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
    return running ?? context.waitForEvent('serviceworker', { timeout: 20_000 });
  };
  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    userDataDir,
    serviceWorker,
    close: () => context.close(),
    async dispose() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The id Chromium gives an extension loaded unpacked from `directory`: the SHA-256 of its absolute
 * path, first 32 hex digits, each written as a letter from a to p.
 */
export function unpackedExtensionId(directory: string): string {
  const hex = createHash('sha256').update(path.resolve(directory)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

/** Writes values straight into the extension's local storage (keys as utils/storage.ts names them). */
export async function setExtensionStorage(browser: ExtensionBrowser, values: Record<string, unknown>): Promise<void> {
  const worker = await browser.serviceWorker();
  await worker.evaluate((items) => chrome.storage.local.set(items), values);
}

export async function getExtensionStorage(browser: ExtensionBrowser, key: string): Promise<unknown> {
  const worker = await browser.serviceWorker();
  return worker.evaluate((name) => chrome.storage.local.get(name).then((items) => items[name]), key);
}

/** The browser's id for the tab showing `page`. */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  const worker = await browser.serviceWorker();
  const url = page.url();
  const id = await worker.evaluate(
    (target) => chrome.tabs.query({}).then((tabs) => tabs.find((tab) => tab.url === target)?.id),
    url,
  );
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Opens the popup page in a tab, aimed at the tab to save (when given). */
export async function openPopup(browser: ExtensionBrowser, targetTabId?: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 440, height: 620 });
  const query = targetTabId === undefined ? '' : `?tab=${targetTabId}`;
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html${query}`);
  return page;
}
