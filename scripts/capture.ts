// npm run capture -- FILE|- [--url URL] [--title TITLE] [--source page|selection|pdf|paste]
// Posts a text file to a running worker and prints the saved articles' ids and titles.
// BAOZHAI_URL defaults to the local dev worker; BAOZHAI_TOKEN to the first token in .dev.vars.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApiError, CaptureResponse } from '../shared/src';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' }, title: { type: 'string' }, source: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npm run capture -- FILE|- [--url URL] [--title TITLE] [--source page|selection|pdf|paste]');
  process.exit(2);
}

function devToken(): string | undefined {
  const devVars = new URL('../.dev.vars', import.meta.url);
  if (!existsSync(devVars)) return undefined;
  const match = readFileSync(devVars, 'utf8').match(/^API_TOKENS\s*=\s*"?([^"\n]*)"?/m);
  return match?.[1]?.split(',')[0]?.split(/:(.*)/s)[1];
}

const baseUrl = (process.env.BAOZHAI_URL ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
const token = process.env.BAOZHAI_TOKEN ?? devToken();
if (!token) {
  console.error('No token: set BAOZHAI_TOKEN, or run `npm start` once to create .dev.vars.');
  process.exit(2);
}

const text = readFileSync(file === '-' ? 0 : file, 'utf8');
const body = { text, url: values.url, title: values.title, source: values.source };

let response: Response;
try {
  response = await fetch(`${baseUrl}/v1/captures`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
} catch (error) {
  console.error(`Cannot reach ${baseUrl}: ${(error as Error).message}. Is the worker running (npm start)?`);
  process.exit(1);
}

const reply: unknown = await response.json().catch(() => null);
if (!response.ok) {
  const parsed = ApiError.safeParse(reply);
  console.error(`${response.status} ${parsed.success ? `${parsed.data.error.code}: ${parsed.data.error.message}` : response.statusText}`);
  process.exit(1);
}
const { capture, articles } = CaptureResponse.parse(reply);
console.log(`${response.status === 201 ? 'Saved' : 'Already saved'}: capture ${capture.id}, ${articles.length} article(s)`);
for (const article of articles) console.log(`${article.id}  ${article.title}`);
