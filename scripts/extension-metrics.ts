// Figures about the built extension for the benchmark (issue 5): the gzip size of each entry
// (with the chunks it loads) and the popup's time to its first list with many cached articles.
// `npm run --silent bench:extension` prints them as JSON; the functions can be imported.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  CHROME_EXTENSION_DIR,
  getExtensionStorage,
  launchExtensionBrowser,
  REPO_ROOT,
  setExtensionStorage,
  type ExtensionBrowser,
} from './extension-browser';

export interface EntrySize {
  entry: string;
  files: string[];
  bytes: number;
  gzipBytes: number;
  /** The offscreen PDF reader carries pdf.js; the size target is for the entries without it. */
  includesPdfJs: boolean;
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The files an entry loads: scripts and styles of an HTML page, then static imports of each script. */
function entryFiles(outputDir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (relative: string) => {
    const normalized = path.posix.normalize(relative.replace(/^\//, ''));
    if (seen.has(normalized) || !existsSync(path.join(outputDir, normalized))) return;
    seen.add(normalized);
    const source = readFileSync(path.join(outputDir, normalized), 'utf8');
    const directory = path.posix.dirname(normalized);
    const references = normalized.endsWith('.html')
      ? [...source.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? '')
      : [...source.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)].map((match) => match[1] ?? '');
    for (const reference of references) {
      visit(reference.startsWith('/') ? reference : path.posix.join(directory, reference));
    }
  };
  visit(entry);
  return [...seen];
}

export function measureBundleSizes(outputDir = CHROME_EXTENSION_DIR): EntrySize[] {
  const entries = filesUnder(outputDir)
    .map((file) => path.relative(outputDir, file).split(path.sep).join('/'))
    .filter((file) => file.endsWith('.html') || file === 'background.js' || file.startsWith('content-scripts/'));
  return entries.map((entry) => {
    const files = entryFiles(outputDir, entry);
    const contents = files.map((file) => readFileSync(path.join(outputDir, file)));
    return {
      entry,
      files,
      bytes: contents.reduce((total, content) => total + content.length, 0),
      gzipBytes: contents.reduce((total, content) => total + gzipSync(content, { level: 9 }).length, 0),
      includesPdfJs: contents.some((content) => content.includes('GlobalWorkerOptions')),
    };
  });
}

export interface PopupFirstList {
  cachedArticles: number;
  runsMs: number[];
  medianMs: number;
  /** First paint of the popups with the cache: the list is drawn in it when the cache is read in time. */
  firstPaintRunsMs: number[];
  firstPaintMedianMs: number;
  /**
   * The same popup's first paint with an empty cache, measured in the same run: what opening an
   * extension page costs on this machine before any list. medianMs / baselineMedianMs is the ratio.
   */
  baselineRunsMs: number[];
  baselineMedianMs: number;
  /** Where the first list came from: 'cache' when drawn before any server answer. */
  source: string;
  listedArticles: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Summaries shaped like the API's, so the popup draws them as it would real ones. */
function syntheticArticles(count: number) {
  const start = Date.UTC(2024, 6, 31);
  return Array.from({ length: count }, (_, index) => ({
    id: `bench-${index}`,
    captureId: `bench-capture-${Math.floor(index / 6)}`,
    title: `第${index + 1}篇：上半年重庆工业经济增加值同比增长`,
    summary: '今年上半年全市规上工业增加值同比增长8.6%，排名全国省区市第5位，工业经济发展呈现“三进三新”特点。',
    url: `https://epaper.example.com/2024/07/31/${index}.html`,
    capturedAt: new Date(start - index * 60_000).toISOString(),
  }));
}

/**
 * Opens the popup `runs` times with an empty cache (baseline), then `runs` times with
 * `cachedArticles` summaries in its cache, the server unreachable both times, and reads when the
 * first list was drawn (ms since the page started loading).
 * The extension's storage is put back afterwards.
 */
export async function measurePopupFirstList(
  browser: ExtensionBrowser,
  options: { cachedArticles?: number; runs?: number } = {},
): Promise<PopupFirstList> {
  const cachedArticles = options.cachedArticles ?? 1000;
  const runs = options.runs ?? 5;
  const saved = {
    articleCache: await getExtensionStorage(browser, 'articleCache'),
    articleCacheHead: await getExtensionStorage(browser, 'articleCacheHead'),
    serverUrl: await getExtensionStorage(browser, 'serverUrl'),
  };
  const articles = syntheticArticles(cachedArticles);
  // Nothing listens there: the popup can only draw from its cache.
  await setExtensionStorage(browser, { serverUrl: 'http://127.0.0.1:9' });
  const runsMs: number[] = [];
  const baselineRunsMs: number[] = [];
  const firstPaintRunsMs: number[] = [];
  let source = '';
  let listedArticles = 0;
  const openPopupPage = async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    return page;
  };
  try {
    await setExtensionStorage(browser, { articleCache: [], articleCacheHead: [] });
    for (let run = 0; run < runs; run += 1) {
      const page = await openPopupPage();
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      baselineRunsMs.push(await page.evaluate(() => Math.round((performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0) * 10) / 10));
      await page.close();
    }
    await setExtensionStorage(browser, { articleCache: articles, articleCacheHead: articles.slice(0, 40) });
    for (let run = 0; run < runs; run += 1) {
      const page = await openPopupPage();
      await page.waitForSelector('html[data-first-list-ms]');
      const mark = await page.evaluate(() => ({
        ms: Number(document.documentElement.dataset.firstListMs),
        source: document.documentElement.dataset.firstListSource ?? '',
        listed: document.querySelectorAll('[data-testid="article-list"] .title').length,
        firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      }));
      runsMs.push(Math.round(mark.ms * 10) / 10);
      firstPaintRunsMs.push(Math.round(mark.firstPaint * 10) / 10);
      source = mark.source;
      listedArticles = mark.listed;
      await page.close();
    }
  } finally {
    await setExtensionStorage(browser, {
      articleCache: saved.articleCache ?? [],
      articleCacheHead: saved.articleCacheHead ?? [],
      serverUrl: saved.serverUrl ?? 'http://127.0.0.1:8787',
    });
  }
  return {
    cachedArticles,
    runsMs,
    medianMs: median(runsMs),
    firstPaintRunsMs,
    firstPaintMedianMs: median(firstPaintRunsMs),
    baselineRunsMs,
    baselineMedianMs: median(baselineRunsMs),
    source,
    listedArticles,
  };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(CHROME_EXTENSION_DIR, 'manifest.json')) || process.argv.includes('--build')) {
    const build = spawnSync('npm', ['run', '--silent', 'build:extension'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const bundles = measureBundleSizes();
  const browser = await launchExtensionBrowser();
  try {
    const popup = await measurePopupFirstList(browser, { cachedArticles: 1000, runs: 7 });
    console.log(JSON.stringify({ bundles, popup }, null, 2));
  } finally {
    await browser.dispose();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
