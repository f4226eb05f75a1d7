// Issue 5, point 5: KV calls per request, and (issue 11) what the search index adds to a capture
// in D1. The Worker's own Hono app runs in Node against a real local KV namespace and D1
// database (Miniflare, through wrangler's getPlatformProxy, persisted to a temporary directory),
// with both bindings wrapped to count every call.
// Run alone: npx tsx bench/kv-cost.bench.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { applyLocalMigrations } from '../scripts/lib/local-d1.mjs';
import { app } from '../worker/src/app';
import type { Bindings } from '../worker/src/context';
import { readSeedPage } from './lib/inputs';
import { REPO_ROOT } from './lib/paths';
import { formatTable, row, summaryLine, type Row } from './lib/report';

const KV_METHODS = ['get', 'getWithMetadata', 'put', 'list', 'delete'] as const;
type KvMethod = (typeof KV_METHODS)[number];
type KvCounts = Record<KvMethod, number>;

const zeroCounts = (): KvCounts => ({ get: 0, getWithMetadata: 0, put: 0, list: 0, delete: 0 });

/** The namespace with every call counted; `take()` returns the counts since the last take. */
function countingNamespace(namespace: KVNamespace) {
  let counts = zeroCounts();
  const counted = new Proxy(namespace, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if ((KV_METHODS as readonly PropertyKey[]).includes(property)) counts[property as KvMethod]++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    namespace: counted,
    take(): KvCounts {
      const taken = counts;
      counts = zeroCounts();
      return taken;
    },
  };
}

interface D1Counts {
  /** Round trips: batch() calls and single statements run. */
  calls: number;
  statements: number;
  rowsRead: number;
  rowsWritten: number;
}

const zeroD1 = (): D1Counts => ({ calls: 0, statements: 0, rowsRead: 0, rowsWritten: 0 });

interface D1Result {
  meta?: { rows_read?: number; rows_written?: number };
}

/** Where a counted statement keeps the runtime's own. */
const RAW = Symbol('raw statement');

/** The database with every statement counted, and the rows D1 says each read and wrote (FTS rows the triggers write included). */
function countingDatabase(db: D1Database) {
  let counts = zeroD1();
  const tally = (results: D1Result[], statements: number) => {
    counts.calls++;
    counts.statements += statements;
    for (const result of results) {
      counts.rowsRead += result.meta?.rows_read ?? 0;
      counts.rowsWritten += result.meta?.rows_written ?? 0;
    }
  };
  const countedStatement = (statement: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, property) {
        if (property === RAW) return target;
        const value = Reflect.get(target, property) as unknown;
        if (typeof value !== 'function') return value;
        if (property === 'bind') return (...args: unknown[]) => countedStatement((value as (...a: unknown[]) => D1PreparedStatement).apply(target, args));
        if (property === 'all' || property === 'run') {
          return async (...args: unknown[]) => {
            const result = (await (value as (...a: unknown[]) => Promise<D1Result>).apply(target, args)) as D1Result;
            tally([result], 1);
            return result;
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  const counted = new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'prepare') return (sql: string) => countedStatement(target.prepare(sql));
      if (property === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          // The statements were counted-wrapped; batch wants the runtime's own objects.
          const results = (await target.batch(statements.map((statement) => (statement as unknown as { [RAW]?: D1PreparedStatement })[RAW] ?? statement))) as D1Result[];
          tally(results, statements.length);
          return results;
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return {
    db: counted,
    take(): D1Counts {
      const taken = counts;
      counts = zeroD1();
      return taken;
    },
  };
}
const describeD1 = (c: D1Counts) => `${c.calls} round trips, ${c.statements} statements, ${c.rowsWritten} rows written, ${c.rowsRead} read`;

const describe = (c: KvCounts) =>
  `${c.get + c.getWithMetadata} reads, ${c.put} writes, ${c.list} lists${c.delete ? `, ${c.delete} deletes` : ''}`;

export async function benchKvCost(): Promise<Row[]> {
  // A configuration of its own that declares only the KV binding, in a directory of its own:
  // the project's .dev.vars (local secrets) stays unread.
  const workDir = mkdtempSync(path.join(tmpdir(), 'baozhai-bench-kv-'));
  const configPath = path.join(workDir, 'wrangler.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      name: 'baozhai-bench',
      compatibility_date: '2026-04-26',
      kv_namespaces: [{ binding: 'ARTICLES', id: 'bench' }],
      d1_databases: [{ binding: 'DB', database_name: 'bench', database_id: 'bench', migrations_dir: path.join(REPO_ROOT, 'migrations') }],
    }),
  );
  applyLocalMigrations({ persistTo: path.join(workDir, 'state'), config: configPath });
  const proxy = await getPlatformProxy<{ ARTICLES: KVNamespace; DB: D1Database }>({
    configPath,
    // wrangler's --persist-to keeps its state under v3/; the proxy takes that directory itself.
    persist: { path: path.join(workDir, 'state', 'v3') },
    envFiles: [],
    remoteBindings: false,
  });
  const section = 'KV cost';
  const rows: Row[] = [];
  try {
    const kv = countingNamespace(proxy.env.ARTICLES);
    const d1 = countingDatabase(proxy.env.DB);
    const token = 'bench-token';
    const env = { ARTICLES: kv.namespace, DB: d1.db, API_TOKENS: `bench:${token}` } as unknown as Bindings;
    const call = async (pathname: string, init: RequestInit = {}) => {
      kv.take();
      d1.take();
      const response = await app.fetch(
        new Request(`http://bench.local${pathname}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } }),
        env,
      );
      const body = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${pathname}: ${response.status} ${JSON.stringify(body)}`);
      return { status: response.status, body, counts: kv.take(), d1: d1.take() };
    };
    const page = readSeedPage();
    const capture = (url: string) =>
      call(`/v1/captures?url=${encodeURIComponent(url)}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: page });

    // A new capture, then the same one again (the dedupe path), then two more new ones.
    const first = await capture('https://epaper.example.com/1');
    const articles = (first.body.articles as unknown[]).length;
    const writesOk = first.counts.put === articles + 1 && first.counts.delete === 0;
    rows.push(row(section, `POST /v1/captures, new (${articles} articles): ${describe(first.counts)}`, `${first.counts.put} writes`, `= articles + 1 = ${articles + 1}`, writesOk));
    rows.push(row(section, 'POST /v1/captures, new: lists', String(first.counts.list), '0', first.counts.list === 0));
    rows.push(
      row(
        'D1 cost',
        `POST /v1/captures, new (${articles} articles): ${describeD1(first.d1)}`,
        `${first.d1.calls} round trip, ${first.d1.statements} statements`,
        `1 round trip, articles = ${articles} statements`,
        first.d1.calls === 1 && first.d1.statements === articles,
      ),
    );
    const again = await capture('https://epaper.example.com/1');
    rows.push(row(section, `POST /v1/captures, same again (${again.status}): ${describe(again.counts)}`, `${again.counts.put} writes, ${again.counts.list} lists`, '0 writes, 0 lists', again.counts.put === 0 && again.counts.list === 0));
    rows.push(row('D1 cost', `POST /v1/captures, same again: ${describeD1(again.d1)}`, `${again.d1.rowsWritten} rows written`, '0 written', again.d1.rowsWritten === 0));
    await capture('https://epaper.example.com/2');
    await capture('https://epaper.example.com/3');

    // Every page of the list, a few articles at a time.
    const limit = 5;
    let cursor: string | null = null;
    const pages: KvCounts[] = [];
    let listed = 0;
    do {
      const query: string = `/v1/articles?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const result = await call(query);
      pages.push(result.counts);
      listed += (result.body.articles as unknown[]).length;
      cursor = result.body.cursor as string | null;
    } while (cursor && pages.length < 100);
    const listsPerPage = pages.map((counts) => counts.list);
    const otherCalls = pages.reduce((sum, c) => sum + c.get + c.getWithMetadata + c.put + c.delete, 0);
    const onePerPage = listsPerPage.every((lists) => lists === 1) && otherCalls === 0;
    rows.push(
      row(section, `GET /v1/articles, ${pages.length} pages of ${limit} (${listed} articles): lists per page`, [...new Set(listsPerPage)].join('/'), '1, no reads', onePerPage),
    );
    const search = await call('/v1/articles?q=%E5%B7%A5%E4%B8%9A&limit=20');
    const searchKvCalls = search.counts.get + search.counts.list + search.counts.put;
    rows.push(row(section, `GET /v1/articles?q=工业 (${(search.body.articles as unknown[]).length} found): ${describe(search.counts)}`, `${searchKvCalls} KV calls`, '0 (D1 alone)', searchKvCalls === 0));
    rows.push(row('D1 cost', `GET /v1/articles?q=工业: ${describeD1(search.d1)}`, `${search.d1.calls} round trip`, '1', search.d1.calls === 1));
    const processed = await call('/v1/process', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: page });
    rows.push(row(section, `POST /v1/process: ${describe(processed.counts)}`, `${processed.counts.get + processed.counts.put + processed.counts.list} calls`, '0', processed.counts.get + processed.counts.put + processed.counts.list === 0));
  } finally {
    await proxy.dispose();
    rmSync(workDir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] === import.meta.filename) {
  const rows = await benchKvCost();
  console.log(formatTable(rows));
  console.log(summaryLine(rows));
}
