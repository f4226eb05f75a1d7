// Issue 11, search at scale: 10,000 stored articles on local `wrangler dev` (real local KV and
// D1), then the article list and full-text search, each beside /v1/health on the same server.
// The articles are built from the corpus (pages-zh items and summaries-zh.jsonl) and saved
// through the real API: captures of several articles each, sent concurrently. Seeding takes
// minutes, so the seeded state is kept in node_modules/.cache and reused while SEED_VERSION and
// the migrations are unchanged. Requests are timed one at a time (wall time, client side).
// Local workerd on a shared 2-core machine is not Cloudflare's edge: read the ratios to health.
// Run alone: npx tsx bench/search.bench.ts [--quick] [--reseed]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DevServer } from './lib/dev-server';
import { CORPUS_DIR, REPO_ROOT, SUMMARIES_PATH } from './lib/paths';
import { formatTable, ms, row, summaryLine, times, type Row } from './lib/report';

/** Change when the seeded articles change, so that a cached state is not reused. */
const SEED_VERSION = 2;
const ARTICLE_TARGET = 10_000;
const ARTICLES_PER_CAPTURE = 8;
const SEED_CONCURRENCY = 6;
const SEARCH_P50_MS = 30;
const LIST_P50_MS = 20;

interface SourceArticle {
  title: string;
  paragraphs: string[];
}

/** Every article of the corpus with a headline and a body: the pages' items and the summaries' articles. */
function sourceArticles(): SourceArticle[] {
  const pagesDir = path.join(CORPUS_DIR, 'pages-zh');
  const fromPages = readdirSync(pagesDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => (JSON.parse(readFileSync(path.join(pagesDir, name), 'utf8')) as { items: { kind: string; title?: string; paragraphs?: string[] }[] }).items)
    .filter((item) => item.kind === 'article' && item.title && item.paragraphs?.some((p) => p.length >= 40))
    .map((item) => ({ title: item.title!.replace(/\s+/g, ' ').trim(), paragraphs: item.paragraphs!.filter((p) => p.trim().length > 0) }));
  const fromSummaries = readFileSync(SUMMARIES_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { article: string; summary: string })
    .map((entry) => ({ title: entry.summary.split(/[，。；]/)[0]!.slice(0, 24), paragraphs: entry.article.split(/\n+/).filter((p) => p.trim()) }));
  return [...fromPages, ...fromSummaries];
}

/** Every sentence of the corpus's articles, to vary the generated ones with. */
function sentencesOf(sources: SourceArticle[]): string[] {
  return sources.flatMap((source) => source.paragraphs.flatMap((p) => p.match(/[^。！？]+[。！？]/g) ?? [])).filter((s) => s.length >= 8);
}

/**
 * Article `k`: one source article with a sentence of another appended to each paragraph. The
 * splitter may cut an article at its subheadings; a sentence in every paragraph keeps each piece
 * distinct from the same source's pieces in other generated articles.
 */
function generatedArticle(sources: SourceArticle[], sentences: string[], k: number): string {
  const main = sources[k % sources.length]!;
  const paragraphs = main.paragraphs.map((p, i) => p + sentences[(k * 7919 + i * 104_729) % sentences.length]!);
  return [main.title, ...paragraphs].join('\n\n');
}

function captureText(sources: SourceArticle[], sentences: string[], capture: number): string {
  return Array.from({ length: ARTICLES_PER_CAPTURE }, (_, j) => generatedArticle(sources, sentences, capture * ARTICLES_PER_CAPTURE + j)).join('\n\n\n');
}

/** Saves captures until the server stores at least ARTICLE_TARGET articles; returns the count and the time. */
async function seed(server: DevServer, sources: SourceArticle[]): Promise<{ articles: number; captures: number; seconds: number }> {
  const started = performance.now();
  let next = 0;
  let articles = 0;
  const sentences = sentencesOf(sources);
  const worker = async () => {
    while (articles < ARTICLE_TARGET) {
      const capture = next++;
      const response = await fetch(`${server.url}/v1/captures`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          text: captureText(sources, sentences, capture),
          url: `https://epaper.example.com/bench/search/${capture}`,
          lang: 'zh',
          capturedAt: new Date(Date.UTC(2026, 0, 1) + capture * 60_000).toISOString(),
        }),
      });
      if (response.status !== 201) throw new Error(`capture ${capture}: ${response.status} ${(await response.text()).slice(0, 300)}\n${server.logTail()}`);
      // Read first, then add: `articles += await …` would add to a count read before the wait.
      const saved = (await response.json()) as { articles: unknown[] };
      articles += saved.articles.length;
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
  return { articles, captures: next, seconds: (performance.now() - started) / 1000 };
}

interface Latency {
  p50: number;
  p99: number;
  /** Items in the last answer: a search that finds nothing would be fast for the wrong reason. */
  found: number;
}

async function latency(server: DevServer, pathAndQuery: string, samples: number): Promise<Latency> {
  const headers = { authorization: `Bearer ${server.token}` };
  const get = async () => {
    const response = await fetch(`${server.url}${pathAndQuery}`, { headers });
    const body = await response.text();
    if (!response.ok) throw new Error(`GET ${pathAndQuery}: ${response.status} ${body.slice(0, 300)}`);
    return body;
  };
  for (let i = 0; i < 10; i++) await get();
  const durations: number[] = [];
  let last = '';
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    last = await get();
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]!;
  const parsed = JSON.parse(last) as { articles?: unknown[] };
  return { p50: at(0.5), p99: at(0.99), found: parsed.articles?.length ?? 0 };
}

/** Where the seeded state is kept: named by the seed version and the migrations it was built with. */
function stateDir(): string {
  const migrationsDir = path.join(REPO_ROOT, 'migrations');
  const hash = createHash('sha256');
  hash.update(String(SEED_VERSION));
  for (const name of readdirSync(migrationsDir).sort()) hash.update(name).update(readFileSync(path.join(migrationsDir, name)));
  return path.join(REPO_ROOT, 'node_modules', '.cache', 'baozhai-bench', `search-${hash.digest('hex').slice(0, 12)}`);
}

export async function benchSearch(options: { quick?: boolean; reseed?: boolean } = {}): Promise<Row[]> {
  const samples = options.quick ? 50 : 200;
  const dir = stateDir();
  const seededMarker = path.join(dir, 'seeded.json');
  if (options.reseed || !existsSync(seededMarker)) rmSync(dir, { recursive: true, force: true });
  const server = await DevServer.start({ persistTo: dir });
  const rows: Row[] = [];
  try {
    if (existsSync(seededMarker)) {
      const seeded = JSON.parse(readFileSync(seededMarker, 'utf8')) as { articles: number; captures: number; seconds: number };
      rows.push(row('search', `seeded articles (cached state, seeding took ${seeded.seconds.toFixed(0)} s)`, `${seeded.articles} in ${seeded.captures} captures`, `≥ ${ARTICLE_TARGET}`, seeded.articles >= ARTICLE_TARGET));
    } else {
      const seeded = await seed(server, sourceArticles());
      writeFileSync(seededMarker, JSON.stringify(seeded));
      rows.push(row('search', `seeded articles (through POST /v1/captures, ${seeded.seconds.toFixed(0)} s)`, `${seeded.articles} in ${seeded.captures} captures`, `≥ ${ARTICLE_TARGET}`, seeded.articles >= ARTICLE_TARGET));
    }
    const health = await latency(server, '/v1/health', samples);
    rows.push(row('search', `GET /v1/health p50 / p99 (${samples} sequential)`, `${ms(health.p50)} / ${ms(health.p99)}`, 'baseline'));
    const timed: [string, string, number][] = [
      ['list (first page)', '/v1/articles', LIST_P50_MS],
      ['search 2-char 创新', `/v1/articles?q=${encodeURIComponent('创新')}`, SEARCH_P50_MS],
      ['search 4-char 人工智能', `/v1/articles?q=${encodeURIComponent('人工智能')}`, SEARCH_P50_MS],
      ['search English DeepSeek', '/v1/articles?q=DeepSeek', SEARCH_P50_MS],
    ];
    for (const [label, url, targetMs] of timed) {
      const result = await latency(server, url, samples);
      rows.push(
        row(
          'search',
          `${label} p50 / p99 (${result.found} on the page)`,
          `${ms(result.p50)} / ${ms(result.p99)} (${times(result.p50 / health.p50)} health)`,
          `p50 ≤ ${targetMs} ms`,
          result.found > 0 && result.p50 <= targetMs,
        ),
      );
    }
  } finally {
    await server.stop();
  }
  return rows;
}

if (process.argv[1] === import.meta.filename) {
  const args = process.argv.slice(2);
  const rows = await benchSearch({ quick: args.includes('--quick'), reseed: args.includes('--reseed') });
  console.log(formatTable(rows));
  console.log(summaryLine(rows));
}
