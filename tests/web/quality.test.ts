// Quality floors for single articles saved from real web pages (npm run eval:web prints the same
// figures). Each floor is the level reached when it was set; a change that saves fewer pages as
// one whole article with its own title fails here.
import { beforeAll, describe, expect, it } from 'vitest';
import { readabilityPages, reasons, scorePages, summarize, type PageScore } from '../../scripts/lib/web-pages';
import { zhPortalPages } from '../../scripts/lib/web-zh-portal-pages';

let scores: PageScore[] = [];

beforeAll(async () => {
  scores = await scorePages([...readabilityPages(), ...zhPortalPages()]);
});

/** The pages failing `test`, with why, so a broken floor names them. */
const failing = (pages: PageScore[], test: (score: PageScore) => boolean) =>
  pages.filter((score) => !test(score)).map((score) => `${score.name}: ${reasons(score).join('; ')}`);

describe("readability's 130 test pages, captured in Chromium and saved", () => {
  const readability = () => scores.filter((score) => score.group === 'readability');

  it.each([
    ['tuned', false],
    ['held-out', true],
  ])('the %s half keeps each page one article, whole, under its title, with the text Readability finds', (_half, heldOut) => {
    const half = readability().filter((score) => score.heldOut === heldOut);
    const summary = summarize(half);
    expect(summary.pages).toBeGreaterThan(50);
    expect(summary.oneArticle, failing(half, (score) => score.articles === 1).join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(summary.intact, failing(half, (score) => score.intact).join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(summary.titleRight, failing(half, (score) => score.titleRight).join('\n')).toBeGreaterThanOrEqual(0.93);
    expect(summary.capturedF1).toBeGreaterThanOrEqual(0.98);
  });

  it('sends the structure for real news pages: the capture found the article on nearly all', () => {
    const real = readability().filter((score) => score.real);
    const withArticle = real.filter((score) => score.method === 'article').length / real.length;
    expect(withArticle, failing(real, (score) => score.method === 'article').join('\n')).toBeGreaterThanOrEqual(0.98);
  });
});

describe('Chinese portal pages (menu bars, toolbars, comments)', () => {
  it('saves each as one whole article under its own headline', () => {
    const zh = scores.filter((score) => score.group === 'zh-portal');
    const summary = summarize(zh);
    expect(summary.pages).toBe(12);
    expect(summary.oneArticle).toBe(1);
    expect(summary.intact, failing(zh, (score) => score.intact).join('\n')).toBe(1);
    expect(summary.titleRight, failing(zh, (score) => score.titleRight).join('\n')).toBe(1);
    expect(summary.capturedF1).toBeGreaterThanOrEqual(0.97);
  });
});
