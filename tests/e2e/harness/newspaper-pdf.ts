// Prints newspaper pages to PDF with real Chromium, as an e-paper's PDF is made: an HTML page in
// columns set in WenQuanYi Zen Hei, each page with a running head and a page number, articles with
// their headline above, beside or after the body. The gold split comes from the same articles.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

export interface NewspaperArticle {
  title: string;
  kicker?: string;
  subtitle?: string;
  byline?: string;
  paragraphs: string[];
  /** Columns the body is set in (one unless given). */
  columns?: number;
  /** A sentence of the body set again, large, after its first paragraph (a pull quote: not gold). */
  pullQuote?: string;
  /** A line under the pull quote naming whom it quotes (——某某), right-aligned in smaller type (not gold). */
  pullQuoteBy?: string;
}

/** Where an article's headline stands: over its body, in a narrow column left of it, under it, or set top to bottom right of it. */
export type HeadlinePlace = 'above' | 'beside' | 'after' | 'vertical';

export interface NewspaperPage {
  /** Running head along the page's top (or its foot), e.g. the paper's name and date. */
  runningHead: string;
  headAtFoot?: boolean;
  pageNumber: number;
  /** The lead article spans the page in `leadColumns` columns; the rest share a grid of `columns`. */
  lead: NewspaperArticle;
  leadColumns: number;
  columns: number;
  articles: Array<NewspaperArticle & { headline: HeadlinePlace }>;
}

interface SourceItem {
  kind: string;
  title: string;
  paragraphs: string[];
}

/** Articles of a real People's Daily page (../shared/corpus/pages-zh), cut to whole paragraphs that fit a frame. */
export function articlesOf(page: string, count: number, maxChars: number): NewspaperArticle[] {
  const source = JSON.parse(readFileSync(new URL(`../../../../shared/corpus/pages-zh/${page}.json`, import.meta.url), 'utf8')) as { items: SourceItem[] };
  return source.items
    .filter((item) => item.kind === 'article')
    .slice(0, count)
    .map((item) => {
      const paragraphs: string[] = [];
      let chars = 0;
      for (const paragraph of item.paragraphs.filter((text) => text.trim())) {
        if (paragraphs.length > 0 && chars + paragraph.length > maxChars) break;
        paragraphs.push(paragraph);
        chars += paragraph.length;
      }
      return { title: item.title, paragraphs };
    });
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function headline(article: NewspaperArticle): string {
  return [
    article.kicker ? `<div class="kicker">${escape(article.kicker)}</div>` : '',
    `<h2>${escape(article.title)}</h2>`,
    article.subtitle ? `<div class="subtitle">${escape(article.subtitle)}</div>` : '',
  ].join('');
}

function body(article: NewspaperArticle): string {
  const byline = article.byline ? `<div class="byline">${escape(article.byline)}</div>` : '';
  const by = article.pullQuoteBy ? `<div class="by">${escape(article.pullQuoteBy)}</div>` : '';
  const quote = article.pullQuote ? `<blockquote class="pull">${escape(article.pullQuote)}${by}</blockquote>` : '';
  return byline + article.paragraphs.map((paragraph, index) => `<p>${escape(paragraph)}</p>${index === 0 ? quote : ''}`).join('');
}

function placed(article: NewspaperArticle & { headline: HeadlinePlace }): string {
  if (article.headline === 'beside') return `<article class="beside"><header>${headline(article)}</header><div>${body(article)}</div></article>`;
  const columns = article.columns ? ` style="columns:${article.columns};column-gap:14px"` : '';
  if (article.headline === 'vertical') return `<article class="vertical"><header>${headline(article)}</header><div${columns}>${body(article)}</div></article>`;
  if (article.headline === 'after') return `<article>${body(article)}<header>${headline(article)}</header></article>`;
  return `<article><header>${headline(article)}</header>${body(article)}</article>`;
}

const STYLE = `
@page { size: 794px 1123px; margin: 0 }
* { box-sizing: border-box }
body { margin: 0; font-family: 'WenQuanYi Zen Hei', sans-serif; font-size: 10px; line-height: 1.5 }
.page { width: 794px; height: 1123px; padding: 44px 40px; position: relative; break-after: page; overflow: hidden }
.running-head { position: absolute; top: 16px; left: 40px; right: 40px; font-size: 9px; border-bottom: 1px solid #000; display: flex; justify-content: space-between }
.folio { position: absolute; bottom: 14px; left: 0; right: 0; text-align: center; font-size: 9px }
.lead h2 { font-size: 24px; margin: 4px 0 6px }
.lead .text { column-gap: 16px; margin-bottom: 14px; border-bottom: 1px solid #000; padding-bottom: 8px }
.grid { display: grid; column-gap: 16px; row-gap: 14px; align-items: start }
h2 { font-size: 17px; line-height: 1.3; margin: 2px 0 4px }
.kicker, .subtitle { font-size: 12px; line-height: 1.4 }
.byline { font-size: 9px; margin: 2px 0 }
p { margin: 0; text-indent: 2em; text-align: justify }
article.beside { display: flex; gap: 10px }
article.beside header { width: 28%; flex: none }
article header { margin: 4px 0 }
.pull { margin: 6px 0; padding: 4px 0; border-top: 1px solid #000; border-bottom: 1px solid #000; font-size: 15px; text-align: center }
.pull .by { font-size: 11px; text-align: right; margin-top: 2px }
article.vertical { display: flex; flex-direction: row-reverse; gap: 10px }
article.vertical header { writing-mode: vertical-rl; flex: none; margin: 0 }
.running-head.at-foot { top: auto; bottom: 30px; border-bottom: none; border-top: 1px solid #000 }
`;

/** The pages as one HTML document, a CSS page each. */
export function newspaperHtml(pages: NewspaperPage[]): string {
  const sheets = pages.map(
    (page) => `<section class="page">
<div class="running-head${page.headAtFoot ? ' at-foot' : ''}"><span>${escape(page.runningHead)}</span><span>第${page.pageNumber}版</span></div>
<div class="lead"><header>${headline(page.lead)}</header><div class="text" style="columns:${page.leadColumns}">${body(page.lead)}</div></div>
<div class="grid" style="grid-template-columns:repeat(${page.columns},1fr)">${page.articles.map(placed).join('')}</div>
<div class="folio">— ${page.pageNumber} —</div>
</section>`,
  );
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${sheets.join('')}</body></html>`;
}

/** Prints the pages to PDF with headless Chromium. */
export async function printNewspaperPdf(pages: NewspaperPage[]): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage();
    await page.setContent(newspaperHtml(pages), { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  } finally {
    await browser.close();
  }
}

/** The gold split of the pages, in the shape `../shared/tools/score-split.mjs` reads. */
export function newspaperGold(pages: NewspaperPage[]) {
  return {
    articles: pages.flatMap((page) =>
      [page.lead, ...page.articles].map((article) => ({
        title: article.title,
        ...(article.kicker ? { kicker: article.kicker } : {}),
        ...(article.subtitle ? { subtitle: article.subtitle } : {}),
        accept_titles: [article.title],
        paragraphs: article.paragraphs,
        captions: [],
      })),
    ),
  };
}
