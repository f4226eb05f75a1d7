import { beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, failureForStatus } from '../../extension/utils/api';
import { ApiFailure, serverBaseUrl, type ApiFailureKind } from '../../extension/utils/api-failure';
import { setLanguage } from '../../extension/utils/i18n';
import { captureInput, captureResponse } from './fixtures';

type FetchCall = { url: string; init: RequestInit | undefined };

function fakeFetch(answer: () => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fetch = (async (url: URL | RequestInfo, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return answer();
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('ApiClient', () => {
  beforeEach(() => setLanguage('en'));

  it('posts a capture with the token and returns the checked answer', async () => {
    const input = captureInput();
    const expected = captureResponse(input, ['a1']);
    const server = fakeFetch(() => json(expected, 201));
    const client = new ApiClient({ serverUrl: 'http://127.0.0.1:8787', token: ' tok ' }, { fetch: server.fetch });
    expect(await client.saveCapture(input)).toEqual({ ...expected, created: true });
    const [call] = server.calls;
    expect(call?.url).toBe('http://127.0.0.1:8787/v1/captures');
    expect(new Headers(call?.init?.headers).get('authorization')).toBe('Bearer tok');
    expect(JSON.parse(String(call?.init?.body))).toEqual(input);
  });

  it('tells a capture the server already had (200) from a new one (201)', async () => {
    const input = captureInput();
    const server = fakeFetch(() => json(captureResponse(input, ['a1']), 200));
    const client = new ApiClient({ serverUrl: 'http://127.0.0.1:8787', token: 't' }, { fetch: server.fetch });
    expect((await client.saveCapture(input)).created).toBe(false);
  });

  it('keeps a path prefix of the server URL and encodes the query', async () => {
    const server = fakeFetch(() => json({ articles: [], cursor: null }));
    const client = new ApiClient({ serverUrl: 'https://example.com/baozhai', token: 't' }, { fetch: server.fetch });
    await client.listArticles({ q: '工业 增长', cursor: 'c/1', limit: 30 });
    expect(server.calls[0]?.url).toBe('https://example.com/baozhai/v1/articles?limit=30&cursor=c%2F1&q=%E5%B7%A5%E4%B8%9A+%E5%A2%9E%E9%95%BF');
  });

  it.each<[string, number, unknown, ApiFailureKind, boolean]>([
    ['a missing or unknown token', 401, { error: { code: 'unauthorized', message: 'bad token' } }, 'unauthorized', false],
    ['text with nothing to keep', 422, { error: { code: 'nothing_to_keep', message: 'empty' } }, 'nothing-to-save', false],
    ['a body over the limit', 413, { error: { code: 'payload_too_large', message: 'too big' } }, 'too-large', false],
    ['a deleted article', 404, { error: { code: 'not_found', message: 'no such article' } }, 'not-found', false],
    ['a failed validation', 400, { error: { code: 'validation_failed', message: 'url: must be http' } }, 'rejected', false],
    ['a server error', 500, { error: { code: 'internal_error', message: 'oops' } }, 'server-error', true],
    ['storage down', 503, { error: { code: 'storage_unavailable', message: 'kv' } }, 'server-error', true],
    ['a proxy error page', 502, '<html>Bad gateway</html>', 'server-error', true],
  ])('maps %s (HTTP %i) to %s', async (_case, status, body, expectedKind, expectedRetryable) => {
    const server = fakeFetch(() => (typeof body === 'string' ? new Response(body, { status }) : json(body, status)));
    const client = new ApiClient({ serverUrl: 'http://127.0.0.1:8787', token: 't' }, { fetch: server.fetch });
    const actual = await failureOf(client.saveCapture(captureInput()));
    expect(actual.kind).toBe(expectedKind);
    expect(actual.retryable).toBe(expectedRetryable);
    expect(actual.status).toBe(status);
  });

  it('says which field the server refused', () => {
    const actual = failureForStatus(400, { error: { code: 'validation_failed', message: 'url: must be http' } });
    expect(actual.message).toContain('url: must be http');
  });

  it('reports an unreachable server as retryable', async () => {
    const client = new ApiClient(
      { serverUrl: 'http://127.0.0.1:9', token: 't' },
      { fetch: (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch },
    );
    const actual = await failureOf(client.listArticles());
    expect(actual.kind).toBe('unreachable');
    expect(actual.retryable).toBe(true);
    expect(actual.message).toMatch(/cannot be reached/);
  });

  it('refuses an answer that does not match the contract', async () => {
    const server = fakeFetch(() => json({ articles: 'nope' }));
    const client = new ApiClient({ serverUrl: 'http://127.0.0.1:8787', token: 't' }, { fetch: server.fetch });
    const actual = await failureOf(client.listArticles());
    expect(actual.kind).toBe('bad-response');
  });

  it('asks for a token before calling the server', async () => {
    const server = fakeFetch(() => json({}));
    const client = new ApiClient({ serverUrl: 'http://127.0.0.1:8787', token: '' }, { fetch: server.fetch });
    expect((await failureOf(client.listArticles())).kind).toBe('no-token');
    expect(server.calls).toHaveLength(0);
  });

  it('checks health without a token and the token with one list call when testing the connection', async () => {
    const server = fakeFetch(() => json({ ok: true, version: '0.1.0' }));
    const client = new ApiClient({ serverUrl: 'http://127.0.0.1:8787/', token: 't' }, { fetch: server.fetch });
    // The second call (list) gets the health body too, which fails the ArticleList schema.
    expect((await failureOf(client.testConnection())).kind).toBe('bad-response');
    expect(server.calls.map((call) => call.url)).toEqual([
      'http://127.0.0.1:8787/v1/health',
      'http://127.0.0.1:8787/v1/articles?limit=1',
    ]);
    expect(new Headers(server.calls[0]?.init?.headers).has('authorization')).toBe(false);
  });

  it('answers in Chinese when the browser is in Chinese', async () => {
    setLanguage('zh');
    const server = fakeFetch(() => json({ error: { code: 'unauthorized', message: 'x' } }, 401));
    const client = new ApiClient({ serverUrl: 'http://127.0.0.1:8787', token: 't' }, { fetch: server.fetch });
    expect((await failureOf(client.listArticles())).message).toBe('服务器拒绝了令牌。请打开设置，检查令牌。');
  });
});

describe('serverBaseUrl', () => {
  it.each<[string, ApiFailureKind]>([
    ['', 'no-server'],
    ['   ', 'no-server'],
    ['127.0.0.1:8787', 'bad-server-url'],
    ['ftp://example.com', 'bad-server-url'],
    ['not a url', 'bad-server-url'],
  ])('refuses %j as %s', (input, expected) => {
    expect(() => serverBaseUrl(input)).toThrowError(expect.objectContaining({ kind: expected }));
  });
});
