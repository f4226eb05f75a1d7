// npm run eval:paste [-- --worst N] [--only NAME] [--show] [--json FILE]
//
// Single articles pasted as plain text must come out as ONE article with its own title. Takes the
// article Readability finds on each of the 130 real pages of ../shared/corpus/web-articles/
// readability-test-pages (`expected.html`) as a paste gives it (scripts/lib/paste-text.ts: block
// elements on lines of their own), the page's headline (`expected-metadata.json`) on top, and runs
// it through `runPipeline`, twice: as a browser copies it (a blank line around paragraphs and
// headings) and with no blank lines at all. Prints % one article, % title right and % story intact
// (one article holds ≥ 90 % of the words), for the tuned half and the held-out half of the pages
// (a fixed rule: the first byte of the SHA-1 of the folder name, even = tuned), then the worst
// pages with the reason: the lines that opened the extra articles and the element each came from.
// Also runs the 12 real Chinese single articles of ../shared/corpus/summaries-zh.jsonl: each must
// stay one article.
//
// Tune rules on the tuned half only; the held-out half shows whether they generalize.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline } from '../worker/src/pipeline';
import { CORPUS_DIR } from './lib/source-articles';
import { pastedArticles, scorePaste, type PasteScore } from './lib/paste-eval';

const { values } = parseArgs({
  options: {
    worst: { type: 'string', default: '15' },
    only: { type: 'string' },
    show: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});

const pages = pastedArticles().filter((page) => !values.only || page.name.startsWith(values.only));
const results: PasteScore[] = [];
for (const page of pages) {
  for (const variant of ['blank lines', 'no blank lines'] as const) {
    const score = scorePaste(page, variant);
    if (score) results.push(score);
    if (values.show && score) {
      console.log(`\n== ${page.name} (${variant}): ${score.articles.length} articles`);
      for (const article of score.articles) console.log(`  [${article.title}] ${article.paragraphs.length} ¶, ${article.words} words`);
    }
  }
}

const percent = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '-');
const pad = (text: string | number, width: number) => String(text).padEnd(width);
const padStart = (text: string | number, width: number) => String(text).padStart(width);
console.log(`${pad('half', 10)}${pad('paste', 16)}${padStart('pages', 6)}${padStart('one article', 13)}${padStart('title right', 13)}${padStart('intact', 9)}`);
for (const half of ['tuned', 'held-out'] as const) {
  for (const variant of ['blank lines', 'no blank lines'] as const) {
    const rows = results.filter((row) => row.half === half && row.variant === variant);
    const titled = rows.filter((row) => row.titleRight !== undefined);
    console.log(
      pad(half, 10) +
        pad(variant, 16) +
        padStart(rows.length, 6) +
        padStart(percent(rows.filter((row) => row.articles.length === 1).length, rows.length), 13) +
        padStart(percent(titled.filter((row) => row.titleRight).length, titled.length), 13) +
        padStart(percent(rows.filter((row) => row.intact).length, rows.length), 9),
    );
  }
}

// The 12 real Chinese single articles: each one article.
const zh = readFileSync(join(CORPUS_DIR, 'summaries-zh.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { id: string; article: string });
const zhSplit = zh.filter((item) => runPipeline({ text: item.article, capturedAt: '2025-01-01T00:00:00.000Z' }).articles.length !== 1);
console.log(`\nChinese single articles (summaries-zh.jsonl): ${zh.length - zhSplit.length}/${zh.length} one article${zhSplit.length ? `; split: ${zhSplit.map((item) => item.id).join(', ')}` : ''}`);

// Worst pages first: most articles, then least of the story in one.
const worst = results
  .filter((row) => row.articles.length !== 1 || row.titleRight === false)
  .sort((a, b) => b.articles.length - a.articles.length || a.largestShare - b.largestShare)
  .slice(0, Number(values.worst));
if (worst.length > 0) console.log(`\nworst pages (of ${results.filter((row) => row.articles.length !== 1 || row.titleRight === false).length} not right):`);
for (const row of worst) {
  const clip = (text: string) => (text.length <= 60 ? text : `${text.slice(0, 57)}…`);
  console.log(`  ${pad(row.name, 30)} ${pad(row.half, 9)} ${pad(row.variant, 15)} ${row.articles.length} articles, largest holds ${(row.largestShare * 100).toFixed(0)}%`);
  if (row.titleRight === false) console.log(`      title ${JSON.stringify(clip(row.articles[0]?.title ?? ''))}, expected ${JSON.stringify(clip(row.expectedTitle))}`);
  for (const cut of row.cuts.slice(0, 4)) console.log(`      cut at <${cut.tag.toLowerCase()}> ${JSON.stringify(clip(cut.text))}`);
  if (row.cuts.length > 4) console.log(`      … ${row.cuts.length - 4} more cuts`);
}
if (values.json) writeFileSync(values.json, JSON.stringify(results.map(({ articles, ...row }) => ({ ...row, articles: articles.length })), null, 2));
