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
/** The largest Worker the free plan deploys, after compression. */
const FREE_PLAN_WORKER_BYTES = 3 * 1024 * 1024;
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

/**
 * wrangler dev's own proxy answers this 503 when its connection to the local runtime drops, a
 * failure of the dev tooling rather than of the Worker: it is counted apart. Every other 5xx is
 * the Worker's, including the runtime's own 500 for a request whose code hung.
 */
const isProxyFailure = (status: number, body: string) => status === 503 && body.includes('Your worker restarted mid-request');

interface LoadRun {
  result: autocannon.Result;
  /** Responses that came from wrangler dev's proxy rather than the Worker. */
  proxyFailures: number;
  /** Distinct server errors (status and the start of the body) with their counts. */
  serverErrors: Map<string, number>;
}

async function load(server: DevServer, scenario: Scenario, seconds: number): Promise<LoadRun> {
  let counter = 0;
  let proxyFailures = 0;
  const serverErrors = new Map<string, number>();
  const headers = { authorization: `Bearer ${server.token}`, 'content-type': 'text/plain; charset=utf-8' };
  const result = await autocannon({
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
        onResponse: (status: number, body: string) => {
          if (status < 500) return;
          if (isProxyFailure(status, body)) proxyFailures++;
          const key = `${status} ${body.slice(0, 120)}`;
          serverErrors.set(key, (serverErrors.get(key) ?? 0) + 1);
        },
        ...(scenario.varyUrl && {
          setupRequest: (request: autocannon.Request) => ({
            ...request,
            path: `${scenario.path}?url=${encodeURIComponent(`https://epaper.example.com/bench/${Date.now()}-${counter++}`)}`,
          }),
        }),
      },
    ],
  });
  return { result, proxyFailures, serverErrors };
}

const describeErrors = (errors: Map<string, number>) => [...errors].map(([body, count]) => `${count}× ${body}`).join('; ');

/** Failed requests the Worker is answerable for: non-2xx answers of its own, connection errors, timeouts. */
const workerErrorsOf = (run: LoadRun) => run.result.non2xx - run.proxyFailures + run.result.errors + run.result.timeouts;

function rowsFor(scenario: Scenario, run: LoadRun, health: autocannon.Result | undefined): Row[] {
  const section = 'load';
  const { result } = run;
  const connections = scenario.connections ?? CONNECTIONS;
  const label = `${scenario.name} (${connections} conn.)`;
  const figures = `${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`;
  const vsHealth = health && scenario.name !== 'GET /v1/health' ? `, p99 ${(result.latency.p99 / Math.max(health.latency.p99, 1)).toFixed(1)}× health's` : '';
  const rows = [
    scenario.capture
      ? row(section, `${label}: ${figures}${vsHealth}`, `p99 ${result.latency.p99} ms`, `≤ ${CAPTURE_P99_MS} ms`, result.latency.p99 <= CAPTURE_P99_MS)
      : row(section, `${label}${vsHealth}`, figures, '', null),
    row(section, `${label}: the Worker's non-2xx + errors (of ${result.requests.total})`, String(workerErrorsOf(run)), '0', workerErrorsOf(run) === 0),
  ];
  if (run.serverErrors.size > 0) {
    rows.push(row(section, `${label}: 5xx seen (${describeErrors(run.serverErrors)})`, `${run.proxyFailures} from wrangler dev's proxy`, '', null));
  }
  return rows;
}

export async function benchLoad(options: { quick: boolean }): Promise<Row[]> {
  const seconds = options.quick ? 5 : 20;
  const page = readSeedPage();
  const server = await DevServer.start();
  const rows: Row[] = [];
  try {
    const size = server.bundleSize();
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    rows.push(row('load', `Worker bundle, gzip (${kb(size.bytes)} raw)`, kb(size.gzipBytes), `≤ ${kb(FREE_PLAN_WORKER_BYTES)} (free plan)`, size.gzipBytes <= FREE_PLAN_WORKER_BYTES));
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
      const run = await load(server, scenario, connections === 1 ? Math.min(seconds, 5) : seconds);
      if (scenario.name === 'GET /v1/health') health.set(connections, run.result);
      rows.push(...rowsFor(scenario, run, health.get(connections)));
    }
  } finally {
    await server.stop();
  }
  return rows;
}

interface SoakRun {
  runs: LoadRun[];
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
    const rss: number[] = [server.workerdRss() ?? NaN];
    const sampler = setInterval(() => rss.push(server.workerdRss() ?? NaN), 10_000);
    const runs = await runMix(seconds);
    clearInterval(sampler);
    rss.push(server.workerdRss() ?? NaN);
    return { runs, rss };
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
  const requests = (soakRun: SoakRun) => soakRun.runs.reduce((sum, run) => sum + run.result.requests.total, 0);
  const perRequest = (soakRun: SoakRun) => `${(growth(soakRun) / 1024 / requests(soakRun)).toFixed(1)} KB per request`;
  const workerFiveXx = loaded.runs.reduce((sum, run) => sum + run.result['5xx'] - run.proxyFailures, 0);
  const proxyFailures = loaded.runs.reduce((sum, run) => sum + run.proxyFailures, 0);
  const failures = loaded.runs.reduce((sum, run) => sum + workerErrorsOf(run), 0);
  const perScenario = mix('').map((scenario, i) => `${scenario.name} ${loaded.runs[i]!.result.requests.total}`).join(', ');
  const serverErrors = new Map<string, number>();
  for (const run of loaded.runs) for (const [key, count] of run.serverErrors) serverErrors.set(key, (serverErrors.get(key) ?? 0) + count);
  const rows = [
    row(section, `${SOAK_SECONDS} s, ${CONNECTIONS} conn., ${requests(loaded)} requests (${perScenario}): the Worker's 5xx`, String(workerFiveXx), '0', workerFiveXx === 0),
    row(section, "the Worker's non-2xx + errors", String(failures), '0', failures === 0),
  ];
  if (serverErrors.size > 0) rows.push(row(section, `5xx seen (${describeErrors(serverErrors)})`, `${proxyFailures} from wrangler dev's proxy`, '', null));
  if ([...baseline.rss, ...loaded.rss].some(Number.isNaN)) {
    rows.push(row(section, 'workerd RSS', 'workerd process not found', '', null));
    return rows;
  }
  const allowed = growth(baseline) + loaded.rss[0]! * SOAK_MAX_GROWTH;
  rows.push(
    row(section, `workerd RSS, /v1/health alone (${requests(baseline)} requests), every 10 s: ${trace(baseline.rss)}; growth (${perRequest(baseline)})`, mb(growth(baseline)), '', null),
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
