// The PDF-in-tab route on layouts the corpus templates do not print, typeset for real by Chromium
// (the E2E harness's newspaper pages): headlines set top to bottom right of their text, in one
// column and in several, pull quotes, and a running head at the foot of every page of a two-page document.
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreSplit, type SplitScore } from '../../scripts/lib/score';
import { readPdfInTab } from '../../scripts/pdf-corpus/tab-route';
import { runPipeline } from '../../worker/src/pipeline';
import { articlesOf, newspaperGold, printNewspaperPdf, type HeadlinePlace, type NewspaperArticle, type NewspaperPage } from '../e2e/harness/newspaper-pdf';

/** Long titles cut short, as a vertical headline is. */
const shortTitled = (article: NewspaperArticle): NewspaperArticle => ({ ...article, title: article.title.length > 14 ? article.title.slice(0, 12) : article.title });

function newspaperPage(source: string, pageNumber: number, places: HeadlinePlace[], columns: number, bodyColumns?: number): NewspaperPage {
  const [lead, ...rest] = articlesOf(source, places.length + 1, bodyColumns ? 900 : 300).map(shortTitled);
  return {
    runningHead: '人民日报 2026年4月8日 星期三',
    headAtFoot: true,
    pageNumber,
    lead: lead!,
    leadColumns: 3,
    columns,
    articles: rest.map((article, index) => ({ ...article, headline: places[index]!, ...(bodyColumns ? { columns: bodyColumns, pullQuote: pullQuoteOf(article) } : {}) })),
  };
}

/** A whole sentence of the article, from its end, as a pull quote repeats one. */
const pullQuoteOf = (article: NewspaperArticle) =>
  [...article.paragraphs].reverse().flatMap((paragraph) => paragraph.split(/(?<=[。！？])/)).find((sentence) => sentence.length >= 10 && sentence.length <= 60 && /[。！？]$/.test(sentence));

const compact = (text: string) => text.replace(/\s+/g, '');
const printed = [newspaperPage('rmrb-2026-04-08-20', 3, ['vertical', 'vertical', 'vertical'], 3), newspaperPage('rmrb-2026-04-08-11', 4, ['vertical', 'vertical'], 1, 3)];
let titles: string[] = [];
let score: SplitScore;

beforeAll(async () => {
  const capture = await readPdfInTab(await printNewspaperPdf(printed));
  const result = runPipeline({ ...capture, capturedAt: '2026-04-08T00:00:00Z' });
  titles = result.articles.map((article) => compact(article.title));
  score = scoreSplit(newspaperGold(printed), result.articles.map((article) => ({ title: article.title, paragraphs: article.paragraphs, captions: article.captions })));
});

describe('a two-page PDF with vertical headlines, pull quotes and running heads at the foot, read in the tab', () => {
  it('titles every article by its vertical headline, in page order', () => {
    expect(titles).toEqual(printed.flatMap((page) => [page.lead, ...page.articles].map((article) => compact(article.title))));
  });

  it('sets pull quotes on the page', () => {
    expect(printed[1]!.articles.filter((article) => article.pullQuote).length).toBeGreaterThan(0);
  });

  it('gives each headline its own text, columns and all, and no pull quote a title', () => {
    expect(score.f1).toBeGreaterThanOrEqual(0.97);
  });

  it('never titles an article by the running head', () => {
    expect(titles.filter((title) => title.includes('人民日报') || title.includes('星期三'))).toEqual([]);
  });
});

/** A clause of the article's first paragraph, cut at a comma: words of the text and no sentence. */
const clauseOf = (article: NewspaperArticle) =>
  article.paragraphs[0]!.split(/[，。；]/).find((clause) => clause.length >= 10 && clause.length <= 24 && !/[“”]/.test(clause));

function quotedPage(): NewspaperPage {
  const [lead, spoken, cut] = articlesOf('rmrb-2026-06-13-02', 3, 700);
  return {
    runningHead: '人民日报 2026年6月13日 星期六',
    pageNumber: 2,
    lead: lead!,
    leadColumns: 3,
    columns: 2,
    articles: [
      // A speaker's words in quotation marks over a line naming them; a clause of the text above it.
      { ...spoken!, headline: 'above', columns: 2, pullQuote: `“${pullQuoteOf(spoken!)}”`, pullQuoteBy: '——村党支部书记王芳' },
      { ...cut!, headline: 'above', columns: 2, pullQuote: clauseOf(cut!) },
    ],
  };
}

describe('a PDF with pull quotes in their other forms, read in the tab', () => {
  const page = quotedPage();
  let quotedTitles: string[] = [];
  let quotedScore: SplitScore;

  beforeAll(async () => {
    const capture = await readPdfInTab(await printNewspaperPdf([page]));
    const result = runPipeline({ ...capture, capturedAt: '2026-06-13T00:00:00Z' });
    quotedTitles = result.articles.map((article) => compact(article.title));
    quotedScore = scoreSplit(newspaperGold([page]), result.articles.map((article) => ({ title: article.title, paragraphs: article.paragraphs, captions: article.captions })));
  });

  it('sets a quote with its speaker\'s line and a quote that is no sentence', () => {
    expect(page.articles.map((article) => article.pullQuote)).toEqual([expect.stringMatching(/^“.+[。！？]”$/), expect.stringMatching(/[^。！？]$/)]);
  });

  it('titles every article by its headline, never by a pull quote or a speaker\'s line', () => {
    expect(quotedTitles).toEqual([page.lead, ...page.articles].map((article) => compact(article.title)));
  });

  it('keeps each article whole across its pull quote', () => {
    expect(quotedScore.f1).toBeGreaterThanOrEqual(0.97);
  });
});
