// One long article page (sections under <h2>, figures with credits, a byline then a dateline,
// comments and related links around it) saved from the popup of the built extension in Chromium
// into the real Worker: it comes back as ONE article under its headline, with its sections and
// captions, through the API and in the popup.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Article, ArticleList } from '../../shared/src/schemas';
import { launchExtensionBrowser, openPopup, setExtensionStorage, tabIdOf, type ExtensionBrowser } from '../../scripts/extension-browser';
import { DevWorker } from './harness/dev-worker';
import { TestPageServer } from './harness/test-pages';

const EXTENSION_DIR = inject('extensionDir');
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

const HEADLINE = 'Harbor Town rebuilds its sea wall, one stone at a time';
const SECTIONS = ['The night the water came', 'Who pays for the wall', 'Stone by stone', 'What the town wants next'];
const FIGURES = [
  { caption: 'Volunteers stack sandbags on the pier before dawn.', credit: 'Photo: Sam Lee for The Coastal Times' },
  { caption: 'The old harbor master’s office, half under water.', credit: 'Credit: Ana Ruiz/Coastal Times' },
];
const COMMENTS = ['Great reporting, I grew up on that pier and it breaks my heart.', 'Who approved the budget for this? Nobody asked the taxpayers.'];
const RELATED = ['Fishing fleet sits idle as prices fall', 'School board weighs a four-day week'];

/** Six plain sentences about one part of the story, different in every section. */
function paragraphs(section: string, index: number): string[] {
  const topic = section.toLowerCase();
  return [0, 1, 2].map(
    (n) =>
      `In the part of the story about ${topic}, residents told reporters detail number ${index * 3 + n + 1} of how the harbor changed. ` +
      `The council heard from ${n + 2} engineers, who described the stones, the tides and the cost of waiting another winter. ` +
      `Nobody in the hall expected the work to be quick, but most said it was overdue.`,
  );
}

function articlePage(): string {
  const sections = SECTIONS.map((section, index) => {
    const figure = FIGURES[index]
      ? `<figure><img src="/photo-${index}.jpg" width="640" height="360" alt=""><figcaption>${FIGURES[index]!.caption} <span class="credit">${FIGURES[index]!.credit}</span></figcaption></figure>`
      : '';
    return `<h2>${section}</h2>${paragraphs(section, index).map((text) => `<p>${text}</p>`).join('')}${figure}`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${HEADLINE} | The Coastal Times</title>
<meta property="og:site_name" content="The Coastal Times"><meta name="author" content="Jane Doe"></head><body>
<header><a href="/">The Coastal Times</a><nav><a href="/news">News</a> <a href="/sports">Sports</a> <a href="/opinion">Opinion</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><article>
<h1>${HEADLINE}</h1>
<p class="byline">By Jane Doe · Published Jan. 1, 2026</p>
<p>HARBOR TOWN — After the storm passed, the town council met in the school gym to plan the rebuilding of the harbor wall that had stood for a century.</p>
${sections}
</article>
<section class="comments"><h3>Comments</h3>${COMMENTS.map((comment, n) => `<article class="comment"><b>reader${n + 1}</b><p>${comment}</p></article>`).join('')}</section>
<aside class="related"><h3>Related</h3><ul>${RELATED.map((title) => `<li><a href="/x">${title}</a></li>`).join('')}</ul></aside>
</main><footer>© The Coastal Times · Privacy · Terms</footer></body></html>`;
}

let worker: DevWorker;
let pages: TestPageServer;
let browser: ExtensionBrowser;

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

describe('a long single article', () => {
  it('is saved as one article with its title, sections and captions, in the API and in the popup', async () => {
    const url = pages.serve('/2026/01/01/harbor-wall.html', { contentType: 'text/html; charset=utf-8', body: articlePage() });
    const tab = await browser.context.newPage();
    await tab.goto(url);
    const popup = await openPopup(browser, await tabIdOf(browser, tab));
    await popup.getByTestId('save-page').click();
    await popup.getByTestId('save-result').waitFor();
    expect(await popup.locator('[data-testid="save-result"] li').count()).toBe(1);

    // The API: one article under the headline without the site's name, sections and captions in place.
    const list = ArticleList.parse(await (await worker.api('/v1/articles?limit=100')).json());
    const saved = list.articles.filter((item) => item.url === url);
    expect(saved).toHaveLength(1);
    const article = Article.parse(await (await worker.api(`/v1/articles/${encodeURIComponent(saved[0]!.id)}`)).json());
    expect(article.title).toBe(HEADLINE);
    // The byline as printed, with its date; the body starts with the dateline, not the byline.
    expect(article.byline).toBe('By Jane Doe · Published Jan. 1, 2026');
    expect(article.siteName).toBe('The Coastal Times');
    const blocks = article.blocks ?? [];
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual(SECTIONS);
    expect(blocks.filter((block) => block.kind === 'caption')).toEqual(FIGURES.map(({ caption, credit }) => ({ kind: 'caption', text: caption, credit })));
    // Each caption right after its section's text, not among the paragraphs.
    const captionAt = blocks.findIndex((block) => block.kind === 'caption');
    expect(blocks[captionAt - 1]!.text).toBe(paragraphs(SECTIONS[0]!, 0)[2]);
    expect(article.paragraphs.join(' ')).not.toContain(FIGURES[0]!.caption);
    expect(article.paragraphs[0]).toContain('HARBOR TOWN — After the storm');
    const everything = JSON.stringify(article);
    for (const noise of [...COMMENTS, ...RELATED, 'Subscribe', 'Privacy']) expect(everything).not.toContain(noise);

    // The popup: the article opens with its sections as headings and its captions with credits.
    await popup.locator(`[data-article-id="${article.id}"]`).click();
    const view = popup.getByTestId('article-view');
    await view.waitFor();
    expect(await view.locator('h2').first().textContent()).toBe(HEADLINE);
    expect(await view.locator('.section-heading').allTextContents()).toEqual(SECTIONS);
    expect(await view.locator('.caption .credit').allTextContents()).toEqual(FIGURES.map(({ credit }) => ` ${credit}`));
    await popup.screenshot({ path: `${ARTIFACTS}single-article-popup.png`, fullPage: true });
    await Promise.all([popup.close(), tab.close()]);
  });
});
