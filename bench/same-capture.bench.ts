// Identical captures of one page sent at once over real HTTP to `wrangler dev` (each request
// its own request context in workerd, unlike tests that call the Worker's fetch handler):
// every answer must be a 200 or 201, never the runtime's 500 for code that hung, and the page
// must be stored once. Repeated rounds on fresh urls each, so every round races the first save.
// In each burst some clients give up after a few milliseconds (--abandon=share), as a closed tab
// does: the requests left must not depend on the ones abandoned.
// Run: npx tsx bench/same-capture.bench.ts [--rounds=N] [--copies=N] [--abandon=0.3] [--seconds=N]
import autocannon from 'autocannon';
import { DevServer } from './lib/dev-server';
import { readSeedPage } from './lib/inputs';

const flag = (name: string, fallback: number) => Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = flag('rounds', 20);
const COPIES = flag('copies', 100);
const SECONDS = flag('seconds', 10);
const ABANDON = flag('abandon', 0.3);

const page = readSeedPage();
const server = await DevServer.start();
const headers = { authorization: `Bearer ${server.token}`, 'content-type': 'text/plain; charset=utf-8' };
const statuses = new Map<string, number>();
const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
let storedTwice = 0;
try {
  // Bursts: COPIES identical captures of a new url at once, then the same url read back.
  for (let round = 0; round < ROUNDS; round++) {
    const url = `https://epaper.example.com/burst/${Date.now()}-${round}`;
    const replies = await Promise.all(
      Array.from({ length: COPIES }, async (_, copy) => {
        const abandoned = copy % Math.round(1 / ABANDON) === 0;
        const signal = AbortSignal.timeout(abandoned ? 1 + (copy % 20) : 30_000);
        const response = await fetch(`${server.url}/v1/captures?url=${encodeURIComponent(url)}`, { method: 'POST', headers, body: page, signal }).catch((error: Error) => error);
        if (response instanceof Error) return { status: abandoned ? 'abandoned by the client' : `error ${response.name}`, ids: '' };
        const text = await response.text();
        const ids = response.ok ? JSON.stringify((JSON.parse(text) as { capture: { articleIds: string[] } }).capture.articleIds) : '';
        return { status: response.ok ? String(response.status) : `${response.status} ${text.slice(0, 100)}`, ids };
      }),
    );
    for (const reply of replies) count(reply.status);
    if (new Set(replies.filter((reply) => reply.ids).map((reply) => reply.ids)).size > 1) storedTwice++;
  }
  // Sustained: autocannon on one url as the load bench's dedupe scenario, beside the pipeline
  // (/v1/process) and the list as in the soak run, so captures queue behind busy requests.
  let sustained5xx = 0;
  const third = Math.round(50 / 3);
  const sustained = (path: string, connections: number, body?: string) =>
    autocannon({
      url: server.url,
      connections,
      duration: SECONDS,
      timeout: 10,
      requests: [{ method: body === undefined ? 'GET' : 'POST', path, headers, ...(body !== undefined && { body }), onResponse: (status: number) => void (status >= 500 && sustained5xx++) }],
    });
  const [result, ...others] = await Promise.all([
    sustained(`/v1/captures?url=${encodeURIComponent('https://epaper.example.com/burst/sustained')}`, third, page),
    sustained('/v1/process', third, page),
    sustained('/v1/articles', 50 - 2 * third),
  ]);
  console.log(`bursts: ${ROUNDS} × ${COPIES} identical captures`);
  for (const [status, n] of [...statuses].sort()) console.log(`  ${n}× ${status}`);
  console.log(`  rounds whose answers named different article ids: ${storedTwice}`);
  console.log(`sustained: ${SECONDS} s, captures of one url (${third} conn.) beside /v1/process and /v1/articles: ${result.requests.total} captures, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts; all three: ${sustained5xx} 5xx`);
  const failed = [...statuses.keys()].some((status) => !/^(20[01]|abandoned by the client)$/.test(status)) || storedTwice > 0 || [result, ...others].some((run) => run.non2xx + run.errors + run.timeouts > 0);
  process.exitCode = failed ? 1 : 0;
} finally {
  await server.stop();
}
