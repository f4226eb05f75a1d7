// Issue 5, point 4 (and issue 6's soak run): the Worker under load in `wrangler dev` with local
// KV, driven by autocannon: captures of the seed page (the same url again = the dedupe path, and
// a new url each time), the article list, and /v1/health on the same server as the baseline.
// Local workerd on a shared 2-core machine is not Cloudflare's edge: read the figures as a
// comparison between endpoints, not as production latency.
// Run alone: npx tsx bench/load.bench.ts [--quick] [--soak]
import autocannon from 'autocannon';
import { DevServer } from './lib/dev-server';
import { readSeedPage } from './lib/inputs';
import { formatTable, row, summaryLine, type Row } from './lib/report';

const CONNECTIONS = 50;
const CAPTURE_P99_MS = 20;
const SOAK_SECONDS = 60;
/** Growth of workerd's resident memory over the soak run that still counts as flat (share of the start). */
const SOAK_MAX_GROWTH = 0.1;

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** A new url on every request: each one is a new capture. */
  varyUrl?: boolean;
  connections?: number;
  /** Whether the capture latency target applies. */
  capture?: boolean;
}

/** A few bodies of server errors, to say what went wrong. */
const serverErrors = new Map<string, number>();

function noteServerError(status: number, body: string): void {
  if (status < 500) return;
  const key = `${status} ${body.slice(0, 160)}`;
  serverErrors.set(key, (serverErrors.get(key) ?? 0) + 1);
}

export function serverErrorSummary(): string {
  return [...serverErrors].map(([body, count]) => `${count}× ${body}`).join('; ');
}

function load(server: DevServer, scenario: Scenario, seconds: number): Promise<autocannon.Result> {
  let counter = 0;
  const headers = { authorization: `Bearer ${server.token}`, 'content-type': 'text/plain; charset=utf-8' };
  return autocannon({
    url: server.url,
    connections: scenario.connections ?? CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: scenario.method,
        path: scenario.path,
        headers,
        ...(scenario.body !== undefined && { body: scenario.body }),
        onResponse: (status: number, body: string) => noteServerError(status, body),
        ...(scenario.varyUrl && {
          setupRequest: (request: autocannon.Request) => ({
            ...request,
            path: `${scenario.path}?url=${encodeURIComponent(`https://epaper.example.com/bench/${Date.now()}-${counter++}`)}`,
          }),
        }),
      },
    ],
  });
}

const errorsOf = (result: autocannon.Result) => result.non2xx + result.errors + result.timeouts;

function rowsFor(scenario: Scenario, result: autocannon.Result, health: autocannon.Result | undefined): Row[] {
  const section = 'load';
  const connections = scenario.connections ?? CONNECTIONS;
  const label = `${scenario.name} (${connections} conn.)`;
  const figures = `${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`;
  const vsHealth = health && scenario.name !== 'GET /v1/health' ? `, p99 ${(result.latency.p99 / Math.max(health.latency.p99, 1)).toFixed(1)}× health's` : '';
  const rows = [
    scenario.capture
      ? row(section, `${label}: ${figures}${vsHealth}`, `p99 ${result.latency.p99} ms`, `≤ ${CAPTURE_P99_MS} ms`, result.latency.p99 <= CAPTURE_P99_MS)
      : row(section, `${label}${vsHealth}`, figures, '', null),
    row(section, `${label}: non-2xx + errors (of ${result.requests.total})${result['5xx'] ? `; 5xx: ${serverErrorSummary()}` : ''}`, String(errorsOf(result)), '0', errorsOf(result) === 0),
  ];
  return rows;
}

export async function benchLoad(options: { quick: boolean }): Promise<Row[]> {
  const seconds = options.quick ? 5 : 20;
  const page = readSeedPage();
  const server = await DevServer.start();
  const rows: Row[] = [];
  try {
    // The first save of the page the dedupe scenario repeats.
    const first = await fetch(`${server.url}/v1/captures?url=${encodeURIComponent('https://epaper.example.com/bench/same')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'text/plain; charset=utf-8' },
      body: page,
    });
    if (first.status !== 201) throw new Error(`first capture: HTTP ${first.status}`);

    const scenarios: Scenario[] = [
      { name: 'GET /v1/health', method: 'GET', path: '/v1/health' },
      { name: 'POST /v1/captures, same url (dedupe)', method: 'POST', path: '/v1/captures?url=https%3A%2F%2Fepaper.example.com%2Fbench%2Fsame', body: page, capture: true },
      { name: 'POST /v1/captures, new url each', method: 'POST', path: '/v1/captures', body: page, varyUrl: true, capture: true },
      { name: 'GET /v1/articles', method: 'GET', path: '/v1/articles' },
      // Unloaded: one request at a time shows the service time itself, without queueing, and
      // /v1/process (the pipeline, no KV) beside a capture (pipeline and KV) shows what KV costs.
      { name: 'GET /v1/health', method: 'GET', path: '/v1/health', connections: 1 },
      { name: 'POST /v1/process', method: 'POST', path: '/v1/process', body: page, connections: 1 },
      { name: 'POST /v1/captures, new url each', method: 'POST', path: '/v1/captures', body: page, varyUrl: true, connections: 1 },
    ];
    // Each figure beside health's at the same number of connections.
    const health = new Map<number, autocannon.Result>();
    for (const scenario of scenarios) {
      const connections = scenario.connections ?? CONNECTIONS;
      const result = await load(server, scenario, connections === 1 ? Math.min(seconds, 5) : seconds);
      if (scenario.name === 'GET /v1/health') health.set(connections, result);
      rows.push(...rowsFor(scenario, result, health.get(connections)));
      serverErrors.clear();
    }
  } finally {
    await server.stop();
  }
  return rows;
}

interface SoakRun {
  results: autocannon.Result[];
  /** workerd resident memory every 10 s, in bytes, from the end of the warm-up to the end. */
  rss: number[];
}

/** A fresh server, 10 s of warm-up, then `seconds` of the mix with workerd's memory sampled. */
async function soak(mix: (page: string) => Scenario[], seconds: number): Promise<SoakRun> {
  const page = readSeedPage();
  const server = await DevServer.start();
  try {
    const scenarios = mix(page);
    for (const scenario of scenarios.filter((s) => s.method === 'POST' && s.path.startsWith('/v1/captures'))) {
      await fetch(`${server.url}${scenario.path}`, { method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'text/plain; charset=utf-8' }, body: page });
    }
    const runMix = (duration: number) => Promise.all(scenarios.map((scenario) => load(server, scenario, duration)));
    await runMix(10);
    serverErrors.clear();
    const rss: number[] = [server.workerdRss() ?? NaN];
    const sampler = setInterval(() => rss.push(server.workerdRss() ?? NaN), 10_000);
    const results = await runMix(seconds);
    clearInterval(sampler);
    rss.push(server.workerdRss() ?? NaN);
    if (results.some((result) => result['5xx'] > 0)) console.error(`wrangler dev said:\n${server.logTail()}`);
    return { results, rss };
  } finally {
    await server.stop();
  }
}

/**
 * Issue 6: 60 s at 50 connections with no 5xx and no growth in memory. The mix runs the pipeline
 * (/v1/process), the dedupe path of captures and the list: all the code of a capture, without
 * stored data growing by design. wrangler dev's own processes grow under any load, so the same
 * 60 s of /v1/health alone on a fresh server is the baseline the growth is set against.
 */
export async function benchSoak(): Promise<Row[]> {
  const section = 'soak';
  const third = Math.round(CONNECTIONS / 3);
  const sameUrl = '/v1/captures?url=https%3A%2F%2Fepaper.example.com%2Fbench%2Fsoak';
  const mix = (page: string): Scenario[] => [
    { name: 'POST /v1/process', method: 'POST', path: '/v1/process', body: page, connections: third },
    { name: 'POST /v1/captures, same url', method: 'POST', path: sameUrl, body: page, connections: third },
    { name: 'GET /v1/articles', method: 'GET', path: '/v1/articles', connections: CONNECTIONS - 2 * third },
  ];
  const healthOnly = (): Scenario[] => [{ name: 'GET /v1/health', method: 'GET', path: '/v1/health' }];
  const baseline = await soak(healthOnly, SOAK_SECONDS);
  const loaded = await soak(mix, SOAK_SECONDS);

  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
  const trace = (rss: number[]) => `${rss.map((bytes) => (bytes / 1_048_576).toFixed(0)).join(' → ')} MB`;
  const growth = (run: SoakRun) => run.rss.at(-1)! - run.rss[0]!;
  const perRequest = (run: SoakRun) => `${(growth(run) / 1024 / run.results.reduce((sum, result) => sum + result.requests.total, 0)).toFixed(1)} KB per request`;
  const total = loaded.results.reduce((sum, result) => sum + result.requests.total, 0);
  const fiveXx = loaded.results.reduce((sum, result) => sum + result['5xx'], 0);
  const failures = loaded.results.reduce((sum, result) => sum + errorsOf(result), 0);
  const perScenario = mix('').map((scenario, i) => `${scenario.name} ${loaded.results[i]!.requests.total}`).join(', ');
  const rows = [
    row(section, `${SOAK_SECONDS} s, ${CONNECTIONS} conn., ${total} requests (${perScenario}): 5xx${fiveXx ? ` (${serverErrorSummary()})` : ''}`, String(fiveXx), '0', fiveXx === 0),
    row(section, 'non-2xx + errors', String(failures), '0', failures === 0),
  ];
  if ([...baseline.rss, ...loaded.rss].some(Number.isNaN)) {
    rows.push(row(section, 'workerd RSS', 'workerd process not found', '', null));
    return rows;
  }
  const allowed = growth(baseline) + loaded.rss[0]! * SOAK_MAX_GROWTH;
  rows.push(
    row(section, `workerd RSS, /v1/health alone (${baseline.results[0]!.requests.total} requests), every 10 s: ${trace(baseline.rss)}; growth (${perRequest(baseline)})`, mb(growth(baseline)), '', null),
    row(section, `workerd RSS, the mix, every 10 s: ${trace(loaded.rss)}; growth (${perRequest(loaded)})`, mb(growth(loaded)), `≤ health's + ${100 * SOAK_MAX_GROWTH}% = ${mb(allowed)}`, growth(loaded) <= allowed),
  );
  return rows;
}

if (process.argv[1] === import.meta.filename) {
  const soak = process.argv.includes('--soak');
  const rows = soak ? await benchSoak() : await benchLoad({ quick: process.argv.includes('--quick') });
  console.log(formatTable(rows));
  console.log(summaryLine(rows));
}
