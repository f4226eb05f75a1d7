// npm run reindex: repairs the search index (D1) of a running worker from its KV store, for
// every user in .dev.vars (or the one whose token is BAOZHAI_TOKEN), calling POST /v1/reindex
// until it answers complete. BAOZHAI_URL defaults to the local dev worker.
import { existsSync, readFileSync } from 'node:fs';
import { ApiError, IndexRepair } from '../shared/src';

function devTokens(): string[] {
  const devVars = new URL('../.dev.vars', import.meta.url);
  if (!existsSync(devVars)) return [];
  const match = readFileSync(devVars, 'utf8').match(/^API_TOKENS\s*=\s*"?([^"\n]*)"?/m);
  return (match?.[1] ?? '').split(',').map((pair) => pair.trim().split(/:(.*)/s)[1]).filter((token): token is string => Boolean(token));
}

const baseUrl = (process.env.BAOZHAI_URL ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
const tokens = process.env.BAOZHAI_TOKEN ? [process.env.BAOZHAI_TOKEN] : devTokens();
if (tokens.length === 0) {
  console.error('No token: set BAOZHAI_TOKEN, or run `npm start` once to create .dev.vars.');
  process.exit(2);
}

/** A pass indexes at most 500 articles; a store this many times larger is not expected. */
const MAX_PASSES = 1000;

for (const [index, token] of tokens.entries()) {
  let added = 0;
  let removed = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/v1/reindex`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    } catch (error) {
      console.error(`Cannot reach ${baseUrl}: ${error instanceof Error ? error.message : String(error)}. Is the worker running (npm start)?`);
      process.exit(1);
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = ApiError.safeParse(body);
      console.error(`token ${index + 1}: ${response.status} ${parsed.success ? parsed.data.error.message : 'unexpected answer'}`);
      process.exit(1);
    }
    const repair = IndexRepair.parse(body);
    added += repair.added;
    removed += repair.removed;
    if (repair.complete) {
      console.log(`token ${index + 1}: ${repair.articles} articles in KV; indexed ${added}, removed ${removed} stale rows`);
      break;
    }
  }
}
