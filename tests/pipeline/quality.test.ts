// The quality bars of issue 3 on the three shared gold pages, and floors on the generated pages,
// scored with the figures of ../shared/tools/score-split.mjs. `npm run eval` prints them all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../worker/src/pipeline';
import { scoreSplit } from '../../scripts/lib/score';
import type { GoldPage } from '../../scripts/lib/score';
import { CORPUS_DIR } from '../../scripts/lib/source-articles';
import { englishPage, generatedPageSet, pdfPage } from '../../scripts/lib/page-set';
import { pastedArticles, scorePaste, type Half, type PasteVariant } from '../../scripts/lib/paste-eval';

function scoreSharedPage(name: string) {
  const text = readFileSync(join(CORPUS_DIR, `${name}.txt`), 'utf8');
  const gold = JSON.parse(readFileSync(join(CORPUS_DIR, `${name}.gold.json`), 'utf8')) as GoldPage;
  return scoreSplit(gold, runPipeline({ text, capturedAt: '2025-01-01T00:00:00.000Z' }).articles);
}

describe('split quality', () => {
  it('splits the seed page into its six articles exactly', () => {
    const actual = scoreSharedPage('seed-page');
    expect({
      f1: actual.f1,
      recovered: `${actual.recovered}/${actual.goldSentences}`,
      titles: `${actual.titlesOk}/${actual.goldArticles}`,
      captions: `${actual.captionsOk}/${actual.captionsTotal}`,
      spaces: actual.spaces,
      articles: actual.predictedArticles,
    }).toEqual({ f1: 1, recovered: '59/59', titles: '6/6', captions: '3/3', spaces: 0, articles: 6 });
  });

  it.each(['rmrb-2025-03-01-01-web', 'rmrb-2025-03-01-04-web'])('splits the People\'s Daily page %s with F1 ≥ 0.98 and every title', (name) => {
    const actual = scoreSharedPage(name);
    expect(actual.f1).toBeGreaterThanOrEqual(0.98);
    expect(actual.titlesOk).toBe(4);
    expect(actual.spaces).toBe(0);
  });
});

// Floors a little under the figures `npm run eval` printed for the generated pages in the second
// session (mean F1 0.966, 99.3% of sentences recovered, 89% of titles; PDF 0.935, web 0.99, site
// 0.997; PDF pages at unseen seeds 0.91, with no blank lines 0.91): a change that drops below them
// made the splitter worse. Raise them as it improves.
describe('split quality on generated pages', () => {
  const families = new Map<string, ReturnType<typeof scoreSplit>[]>();
  for (const page of generatedPageSet()) {
    const score = scoreSplit(page.gold, runPipeline({ text: page.text, capturedAt: '2025-01-01T00:00:00.000Z' }).articles);
    families.set(page.family, [...(families.get(page.family) ?? []), score]);
  }
  const all = [...families.values()].flat();
  const meanF1 = (scores: ReturnType<typeof scoreSplit>[]) => scores.reduce((sum, s) => sum + s.f1, 0) / scores.length;
  const share = (scores: ReturnType<typeof scoreSplit>[], part: (s: ReturnType<typeof scoreSplit>) => number, whole: (s: ReturnType<typeof scoreSplit>) => number) =>
    scores.reduce((sum, s) => sum + part(s), 0) / scores.reduce((sum, s) => sum + whole(s), 0);

  it('keeps the mean F1, sentences recovered and titles above their floors', () => {
    expect(meanF1(all)).toBeGreaterThanOrEqual(0.955);
    expect(share(all, (s) => s.recovered, (s) => s.goldSentences)).toBeGreaterThanOrEqual(0.98);
    expect(share(all, (s) => s.titlesOk, (s) => s.goldArticles)).toBeGreaterThanOrEqual(0.86);
  });

  it.each([
    ['pdf', 0.92],
    ['web', 0.98],
    ['site', 0.98],
  ])('keeps the mean F1 of the %s family at %f or more', (family, floor) => {
    expect(meanF1(families.get(family)!)).toBeGreaterThanOrEqual(floor);
  });

  // Pages the rules were never tuned on: a rule that only fits the fixed set shows here.
  it('keeps the mean F1 of PDF pages at unseen seeds at 0.88 or more', () => {
    const unseen = Array.from({ length: 20 }, (_, k) => pdfPage(1001 + k)).map((page) =>
      scoreSplit(page.gold, runPipeline({ text: page.text, capturedAt: '2025-01-01T00:00:00.000Z' }).articles),
    );
    expect(meanF1(unseen)).toBeGreaterThanOrEqual(0.88);
  });

  // Many PDF viewers copy a page with no blank lines at all.
  it('keeps the mean F1 of the PDF pages copied with no blank lines at 0.89 or more', () => {
    const pages = generatedPageSet().filter((page) => page.family === 'pdf');
    const scores = pages.map((page) =>
      scoreSplit(page.gold, runPipeline({ text: page.text.replace(/^[ \t\u3000]*\n/gm, ''), capturedAt: '2025-01-01T00:00:00.000Z' }).articles),
    );
    expect(meanF1(scores)).toBeGreaterThanOrEqual(0.89);
  });

  it('keeps the mean F1 of English PDF and web copies at unseen seeds at 0.88 or more', () => {
    const unseen = Array.from({ length: 10 }, (_, k) => [englishPage('pdf', k + 1), englishPage('web', k + 1)]).flat().map((page) =>
      scoreSplit(page.gold, runPipeline({ text: page.text, capturedAt: '2025-01-01T00:00:00.000Z' }).articles),
    );
    expect(meanF1(unseen)).toBeGreaterThanOrEqual(0.88);
  });
});

// A single article pasted as plain text comes out as one article (`npm run eval:paste`):
// Readability's article of each of the 130 real test pages, pasted with and without blank lines,
// split into the half the rules were tuned on and a held-out half. Floors a little under what
// the eval printed when they were set; raise them as the splitter improves.
describe('single articles pasted as plain text', () => {
  const pages = pastedArticles();
  const shareOneArticle = (half: Half, variant: PasteVariant) => {
    const scores = pages.filter((page) => page.half === half).flatMap((page) => scorePaste(page, variant) ?? []);
    return scores.filter((score) => score.articles.length === 1).length / scores.length;
  };

  it.each([
    ['tuned', 'blank lines', 0.87],
    ['tuned', 'no blank lines', 0.8],
    ['held-out', 'blank lines', 0.87],
    ['held-out', 'no blank lines', 0.88],
  ] as const)('keeps %s pages pasted with %s as one article at %f or more', (half, variant, floor) => {
    expect(shareOneArticle(half, variant)).toBeGreaterThanOrEqual(floor);
  });

  it('keeps each of the real Chinese articles of summaries-zh.jsonl as one article', () => {
    const articles = readFileSync(join(CORPUS_DIR, 'summaries-zh.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: string; article: string });
    const split = articles.filter((item) => runPipeline({ text: item.article, capturedAt: '2025-01-01T00:00:00.000Z' }).articles.length !== 1).map((item) => item.id);
    expect(split).toEqual([]);
  });
});
