// npm run eval  (this script, then the ROUGE table of eval:rouge)
// npx tsx scripts/eval.ts [--only NAME-PREFIX] [--verbose] [--show] [--check-scorer] [--json FILE] [--fresh N] [--by-feature] [--no-blanks] [--blank-paragraphs]
//
// Splits every gold page we have with the real pipeline (in process) and scores it with the
// figures of ../shared/tools/score-split.mjs: the three shared gold pages, the hand-made pages of
// tests/fixtures/pages, then the generated pages of scripts/lib/page-set.ts (PDF copies, web
// copies, site copies, English, single articles).
// --check-scorer also runs the shared scorer itself on every page and stops if any figure differs.
// --fresh N scores N more PDF and N more web pages at seeds the fixed set does not use (from 1001),
// to see whether a change generalizes or only fits the fixed pages.
// --no-blanks also scores every PDF copy (the seed page, the PDF pages, and with --fresh the new
// ones) with all its blank lines removed, as many PDF viewers copy text: pages named nb-…,
// families suffixed -nb.
// --blank-paragraphs also scores every web copy (fixed, and with --fresh the new ones) with a blank
// line after every paragraph, as many browsers copy a page: pages named bp-…, families suffixed -bp.
// --show prints the gold and the predicted split of each page side by side (use with --only).
// --by-feature adds one row per kind of damage or layout (head-after, doubled-art…) over the pages
// that carry it, to see which ones the splitter still gets wrong.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline } from '../worker/src/pipeline';
import type { ArticleDraft } from '../shared/src';
import { generatedPageSet, literalPages, pdfPage, webPage } from './lib/page-set';
import { scoreLine, scoreSplit } from './lib/score';
import type { GoldPage, SplitScore } from './lib/score';
import { CORPUS_DIR, SHARED_DIR } from './lib/source-articles';

interface EvalPage {
  name: string;
  family: string;
  text: string;
  gold: GoldPage;
  features?: string[];
}

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    'check-scorer': { type: 'boolean', default: false },
    json: { type: 'string' },
    fresh: { type: 'string' },
    'by-feature': { type: 'boolean', default: false },
    show: { type: 'boolean', default: false },
    'no-blanks': { type: 'boolean', default: false },
    'blank-paragraphs': { type: 'boolean', default: false },
  },
});

const SHARED_PAGES = ['seed-page', 'rmrb-2025-03-01-01-web', 'rmrb-2025-03-01-04-web'];

function sharedPages(): EvalPage[] {
  return SHARED_PAGES.map((name) => ({
    name,
    family: 'shared',
    text: readFileSync(join(CORPUS_DIR, `${name}.txt`), 'utf8'),
    gold: JSON.parse(readFileSync(join(CORPUS_DIR, `${name}.gold.json`), 'utf8')) as GoldPage,
  }));
}

function freshPages(count: number): EvalPage[] {
  const seeds = Array.from({ length: count }, (_, i) => 1001 + i);
  return [...seeds.map(pdfPage), ...seeds.map(webPage)].map((page) => ({ ...page, family: `${page.family}-new` }));
}

/** The PDF copies again, as a viewer that drops blank lines copies them. */
function withoutBlankLines(pages: EvalPage[]): EvalPage[] {
  const isPdfCopy = (page: EvalPage) => page.name === 'seed-page' || page.family === 'pdf' || page.family === 'pdf-new';
  return pages.filter(isPdfCopy).map((page) => ({
    ...page,
    name: `nb-${page.name}`,
    family: `${page.family === 'shared' ? 'seed' : page.family}-nb`,
    text: page.text.replace(/^[ \t\u3000]*\n/gm, ''),
  }));
}

/** The web copies again, as a browser that puts a blank line after every paragraph copies them. */
function withBlankParagraphs(pages: EvalPage[]): EvalPage[] {
  return pages
    .filter((page) => page.family === 'web' || page.family === 'web-new')
    .map((page) => ({ ...page, name: `bp-${page.name}`, family: `${page.family}-bp`, text: page.text.replace(/\n+/g, '\n').split('\n').join('\n\n') }));
}

/** One line per paragraph, its start and end only, for reading a split at a glance. */
function showSplits(gold: GoldPage, predicted: ArticleDraft[]): void {
  const clip = (text: string) => (text.length <= 34 ? text : `${text.slice(0, 16)}…${text.slice(-16)}`);
  const describe = (label: string, a: { title: string; subtitle?: string; kicker?: string; paragraphs: string[]; captions: string[] }) => {
    console.log(`  ${label} ${a.kicker ? `[${a.kicker}] ` : ''}${a.title}${a.subtitle ? ` / ${a.subtitle}` : ''}`);
    for (const p of a.paragraphs) console.log(`        ¶ ${clip(p)}`);
    for (const c of a.captions) console.log(`        ▣ ${clip(c)}`);
  };
  console.log('  gold:');
  gold.articles.forEach((a, i) => describe(`  G${i + 1}`, a));
  console.log('  predicted:');
  predicted.forEach((a, i) => describe(`  P${i + 1}`, a));
}

const allPages = [...sharedPages(), ...literalPages(), ...generatedPageSet(), ...freshPages(Number(values.fresh ?? 0))];
const variants = [...(values['no-blanks'] ? withoutBlankLines(allPages) : []), ...(values['blank-paragraphs'] ? withBlankParagraphs(allPages) : [])];
allPages.push(...variants);
const pages = allPages.filter(
  (page) => !values.only || page.name.startsWith(values.only),
);
const scratch = values['check-scorer'] ? mkdtempSync(join(tmpdir(), 'baozhai-eval-')) : undefined;

const results: { page: EvalPage; score: SplitScore }[] = [];
const pad = (text: string | number, width: number) => String(text).padEnd(width);
const padStart = (text: string | number, width: number) => String(text).padStart(width);
console.log(`${pad('page', 24)}${pad('family', 9)}${padStart('arts', 6)}${padStart('F1', 7)}${padStart('recovered', 11)}${padStart('titles', 8)}${padStart('captions', 10)}${padStart('spaces', 8)}`);
for (const page of pages) {
  const output = runPipeline({ text: page.text, capturedAt: '2025-01-01T00:00:00.000Z' });
  const score = scoreSplit(page.gold, output.articles);
  results.push({ page, score });
  const flag = score.predictedArticles === score.goldArticles ? ' ' : '*';
  console.log(
    pad(page.name, 24) +
      pad(page.family, 9) +
      padStart(`${score.predictedArticles}/${score.goldArticles}${flag}`, 6) +
      padStart(score.f1.toFixed(3), 7) +
      padStart(`${score.recovered}/${score.goldSentences}`, 11) +
      padStart(`${score.titlesOk}/${score.goldArticles}`, 8) +
      padStart(`${score.captionsOk}/${score.captionsTotal}`, 10) +
      padStart(score.spaces, 8),
  );
  if (values.verbose) {
    for (const row of score.rows) {
      console.log(`    ${row.titleOk ? 'ok ' : 'BAD'} ${row.title}  <-  ${row.predictedTitle === null ? '(no article)' : JSON.stringify(row.predictedTitle)}  sentences ${row.found}/${row.sentences}`);
    }
  }
  if (values.show) showSplits(page.gold, output.articles);
  if (scratch) {
    const goldPath = join(scratch, 'gold.json');
    const predPath = join(scratch, 'pred.json');
    writeFileSync(goldPath, JSON.stringify(page.gold));
    writeFileSync(predPath, JSON.stringify(output));
    const printed = execFileSync(process.execPath, [join(SHARED_DIR, 'tools', 'score-split.mjs'), goldPath, predPath], { encoding: 'utf8' });
    const reference = printed.trim().split('\n').at(-1);
    if (reference !== scoreLine(score)) {
      console.error(`scorer mismatch on ${page.name}:\n  shared: ${reference}\n  ours:   ${scoreLine(score)}`);
      process.exitCode = 1;
    }
  }
}
if (scratch) rmSync(scratch, { recursive: true, force: true });

interface Aggregate {
  family: string;
  pages: number;
  meanF1: number;
  recovered: number;
  titles: number;
  captions: number;
  spaces: number;
  countExact: number;
}

function aggregate(family: string, rows: typeof results): Aggregate {
  const sum = (pick: (s: SplitScore) => number) => rows.reduce((total, row) => total + pick(row.score), 0);
  const ratio = (part: number, whole: number) => (whole ? part / whole : 1);
  return {
    family,
    pages: rows.length,
    meanF1: ratio(sum((s) => s.f1), rows.length),
    recovered: ratio(sum((s) => s.recovered), sum((s) => s.goldSentences)),
    titles: ratio(sum((s) => s.titlesOk), sum((s) => s.goldArticles)),
    captions: ratio(sum((s) => s.captionsOk), sum((s) => s.captionsTotal)),
    spaces: sum((s) => s.spaces),
    countExact: ratio(rows.filter((row) => row.score.predictedArticles === row.score.goldArticles).length, rows.length),
  };
}

const families = [...new Set(results.map((row) => row.page.family))];
const aggregates = families.map((family) => aggregate(family, results.filter((row) => row.page.family === family)));
// (The copies with blank lines removed or added have their own rows: they would hide a change in the others.)
const generatedRows = results.filter((row) => !['shared', 'literal'].includes(row.page.family) && !/-(?:nb|bp)$/.test(row.page.family));
if (generatedRows.length > 0 && families.length > 1) aggregates.push(aggregate('generated', generatedRows));
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
console.log(`\n${pad('family', 11)}${padStart('pages', 6)}${padStart('mean F1', 9)}${padStart('recovered', 11)}${padStart('titles', 9)}${padStart('captions', 10)}${padStart('spaces', 8)}${padStart('count ok', 10)}`);
for (const a of aggregates) {
  console.log(
    pad(a.family, 11) +
      padStart(a.pages, 6) +
      padStart(a.meanF1.toFixed(3), 9) +
      padStart(percent(a.recovered), 11) +
      padStart(percent(a.titles), 9) +
      padStart(percent(a.captions), 10) +
      padStart(a.spaces, 8) +
      padStart(percent(a.countExact), 10),
  );
}
if (values['by-feature']) {
  const features = [...new Set(results.flatMap((row) => row.page.features ?? []))].sort();
  const rows = features.map((feature) => aggregate(feature, results.filter((row) => row.page.features?.includes(feature))));
  rows.sort((a, b) => a.meanF1 - b.meanF1);
  console.log(`\n${pad('feature', 26)}${padStart('pages', 6)}${padStart('mean F1', 9)}${padStart('recovered', 11)}${padStart('titles', 9)}${padStart('captions', 10)}${padStart('count ok', 10)}`);
  for (const a of rows) {
    console.log(pad(a.family, 26) + padStart(a.pages, 6) + padStart(a.meanF1.toFixed(3), 9) + padStart(percent(a.recovered), 11) + padStart(percent(a.titles), 9) + padStart(percent(a.captions), 10) + padStart(percent(a.countExact), 10));
  }
}
if (values.json) {
  writeFileSync(values.json, JSON.stringify({ pages: results.map(({ page, score }) => ({ name: page.name, family: page.family, ...score })), aggregates }, null, 2));
}
