// A newspaper PDF open in the tab, saved with the keyboard shortcut: a real e-paper PDF printed by
// Chromium from HTML (two pages, columns, WenQuanYi Zen Hei, headlines above, beside and after
// their text, running heads and page numbers), opened in Chromium's PDF viewer on a virtual display,
// saved with a real Alt+Shift+S. The popup and the API then list its articles as printed.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ArticleList, CaptureResponse } from '../../shared/src/schemas';
import { launchExtensionBrowser, openPopup, setExtensionStorage, type ExtensionBrowser } from '../../scripts/extension-browser';
import { DevWorker } from './harness/dev-worker';
import { articlesOf, newspaperGold, printNewspaperPdf, type HeadlinePlace, type NewspaperPage } from './harness/newspaper-pdf';
import { TestPageServer } from './harness/test-pages';
import { hasVirtualDisplayTools, VirtualDisplay } from './harness/virtual-display';

const EXTENSION_DIR = inject('extensionDir');
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

const compact = (text: string) => text.replace(/\s+/g, '');

function newspaperPage(source: string, pageNumber: number, places: HeadlinePlace[]): NewspaperPage {
  const [lead, ...rest] = articlesOf(source, places.length + 1, 380);
  return {
    runningHead: '人民日报 2026年6月13日 星期六',
    pageNumber,
    lead: lead!,
    leadColumns: 3,
    columns: 2,
    articles: rest.map((article, index) => ({ ...article, headline: places[index]! })),
  };
}

let worker: DevWorker;
let pages: TestPageServer;

beforeAll(async () => {
  worker = await DevWorker.create();
  [pages] = await Promise.all([TestPageServer.start(), worker.start()]);
});

afterAll(async () => {
  await pages?.close();
  await worker?.dispose();
});

async function apiArticles(url: string) {
  const response = await worker.api('/v1/articles?limit=100');
  expect(response.status).toBe(200);
  return ArticleList.parse(await response.json()).articles.filter((article) => article.url === url);
}

describe('a two-page newspaper PDF open in the tab', () => {
  it.skipIf(!hasVirtualDisplayTools())(
    'is saved with Alt+Shift+S as its articles, titled by their headlines, in page order',
    async () => {
      const printed = [newspaperPage('rmrb-2026-06-13-02', 2, ['after', 'beside', 'above']), newspaperPage('rmrb-2026-06-13-03', 3, ['above', 'after', 'beside'])];
      const gold = newspaperGold(printed).articles;
      const url = pages.serve('/epaper/2026-06-13/02-03.pdf', { contentType: 'application/pdf', body: await printNewspaperPdf(printed) });

      const display = await VirtualDisplay.start();
      let headed: ExtensionBrowser | undefined;
      try {
        headed = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR, display: display.display });
        await setExtensionStorage(headed, { serverUrl: worker.url, apiToken: worker.token });
        const tab = await headed.context.newPage();
        await tab.goto(url);
        // On a loaded machine the viewer may not have the keyboard when the first press comes:
        // press again until the capture arrives (saving the same PDF twice keeps one copy).
        for (let attempt = 0; attempt < 6 && (await apiArticles(url)).length === 0; attempt++) {
          await tab.bringToFront();
          display.pressKeys('alt+shift+s');
          const deadline = Date.now() + 6_000;
          while (Date.now() < deadline && (await apiArticles(url)).length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
        }
        const listed = await apiArticles(url);
        expect(listed.length).toBeGreaterThan(0);

        // The capture holds the articles in the order the pages print them, each under its headline.
        const response = await worker.api(`/v1/captures/${encodeURIComponent(listed[0]!.captureId)}`);
        const { capture, articles } = CaptureResponse.parse(await response.json());
        expect(capture.source).toBe('pdf');
        const inOrder = capture.articleIds.map((id) => articles.find((article) => article.id === id)!);
        expect(inOrder.map((article) => compact(article.title))).toEqual(gold.map((article) => compact(article.title)));
        // Each article holds its own paragraphs, whole, and nothing of the running heads or page numbers.
        inOrder.forEach((article, index) => {
          const body = compact(article.paragraphs.join(''));
          for (const paragraph of gold[index]!.paragraphs) expect(body).toContain(compact(paragraph));
          expect(body).not.toContain('人民日报2026年6月13日');
          expect(body).not.toMatch(/第[23]版|—[23]—/);
        });

        // The popup lists what the API lists, newest first: these titles.
        const popup = await openPopup(headed);
        await expect
          .poll(() => popup.locator('[data-testid="article-list"] .title').allTextContents())
          .toEqual((await worker.api('/v1/articles?limit=100').then(async (r) => ArticleList.parse(await r.json()))).articles.map((article) => article.title));
        const popupTitles = (await popup.locator('[data-testid="article-list"] .title').allTextContents()).map(compact);
        for (const article of gold) expect(popupTitles).toContain(compact(article.title));
        await popup.screenshot({ path: `${ARTIFACTS}popup-pdf-tab.png`, fullPage: true });
        await tab.screenshot({ path: `${ARTIFACTS}pdf-tab.png` });
      } finally {
        await headed?.dispose();
        display.stop();
      }
    },
    180_000,
  );
});
