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
/** Growth of workerd's resident memory over the soak run that still counts as flat. */
const SOAK_MAX_GROWTH_BYTES = 32 * 1024 * 1024;

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
    row(section, `${label}: non-2xx + errors (of ${result.requests.total})`, String(errorsOf(result)), '0', errorsOf(result) === 0),
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
    }
  } finally {
    await server.stop();
  }
  return rows;
}

/** Issue 6: 60 s of mixed load at 50 connections; no 5xx and flat workerd memory. */
export async function benchSoak(): Promise<Row[]> {
  const page = readSeedPage();
  const server = await DevServer.start();
  const section = 'soak';
  const rows: Row[] = [];
  try {
    const mixed: Scenario = { name: 'POST /v1/captures, new url each', method: 'POST', path: '/v1/captures', body: page, varyUrl: true };
    // Warm up first, so that the figure compares a running server with itself.
    await load(server, mixed, 10);
    const before = server.workerdRss();
    const [captures, reads] = await Promise.all([
      load(server, { ...mixed, connections: CONNECTIONS / 2 }, SOAK_SECONDS),
      load(server, { name: 'GET /v1/articles', method: 'GET', path: '/v1/articles', connections: CONNECTIONS / 2 }, SOAK_SECONDS),
    ]);
    const after = server.workerdRss();
    const fiveXx = captures['5xx'] + reads['5xx'];
    const failures = errorsOf(captures) + errorsOf(reads);
    rows.push(
      row(section, `${SOAK_SECONDS} s, ${CONNECTIONS} conn. (captures + list): ${captures.requests.total + reads.requests.total} requests, 5xx`, String(fiveXx), '0', fiveXx === 0),
      row(section, 'non-2xx + errors', String(failures), '0', failures === 0),
    );
    if (before === undefined || after === undefined) {
      rows.push(row(section, 'workerd RSS', 'workerd process not found', '', null));
    } else {
      const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
      rows.push(row(section, `workerd RSS ${mb(before)} → ${mb(after)}: growth`, mb(after - before), `≤ ${mb(SOAK_MAX_GROWTH_BYTES)}`, after - before <= SOAK_MAX_GROWTH_BYTES));
    }
  } finally {
    await server.stop();
  }
  return rows;
}

if (process.argv[1] === import.meta.filename) {
  const soak = process.argv.includes('--soak');
  const rows = soak ? await benchSoak() : await benchLoad({ quick: process.argv.includes('--quick') });
  console.log(formatTable(rows));
  console.log(summaryLine(rows));
}
