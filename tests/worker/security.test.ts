// Let no one in: one user never reaches another's captures or articles (by id, by cursor, by
// query, by export, by delete); tokens are compared in constant time; no token, text or secret
// reaches a log line or an error body; CORS names the callers it allows and never pairs with
// credentials. Everything runs through the real app in workerd with real local KV.
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleList, CaptureResponse } from '../../shared/src';
import { app } from '../../worker/src/app';
import { constantTimeEqual, findUser, parseApiTokens } from '../../worker/src/middleware/auth';
import { allowedOrigin, DEFAULT_CORS_ORIGINS } from '../../worker/src/middleware/cors';
import { call, callJson, minutesAfterStart, newsItem, saveCapture, TOKENS, resetStorage } from './helpers';

describe('one user never reaches another user’s captures or articles', () => {
  let alice: CaptureResponse;
  let aliceSecond: CaptureResponse;
  let bob: CaptureResponse;

  beforeAll(async () => {
    await resetStorage();
    alice = await saveCapture('黔江区', { capturedAt: minutesAfterStart(10), url: 'https://example.com/alice' });
    aliceSecond = await saveCapture('武隆区', { capturedAt: minutesAfterStart(11) });
    bob = await saveCapture('城口县', { capturedAt: minutesAfterStart(12) }, 'bob');
  });

  const aliceArticleIds = () => [...alice.articles, ...aliceSecond.articles].map((article) => article.id);

  /** Every summary bob can list, following cursors to the end. */
  async function everythingBobLists(query = ''): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const reply = await callJson(`/v1/articles?limit=1${query}${cursor ? `&cursor=${cursor}` : ''}`, { as: 'bob' });
      expect(reply.status).toBe(200);
      const page = ArticleList.parse(reply.body);
      ids.push(...page.articles.map((article) => article.id));
      cursor = page.cursor;
    } while (cursor);
    return ids;
  }

  it('answers 404 to reading her articles by id, as JSON or Markdown', async () => {
    for (const id of aliceArticleIds()) {
      for (const format of ['', '?format=markdown']) {
        const reply = await callJson(`/v1/articles/${id}${format}`, { as: 'bob' });
        expect(reply.status).toBe(404);
        expect(reply.body.error.code).toBe('not_found');
        expect(JSON.stringify(reply.body)).not.toContain('黔江区');
      }
    }
  });

  it('answers 404 to reading her capture by id', async () => {
    const reply = await callJson(`/v1/captures/${alice.capture.id}`, { as: 'bob' });
    expect(reply.status).toBe(404);
  });

  it('never lists her articles, on any page', async () => {
    expect(await everythingBobLists()).toEqual(bob.articles.map((article) => article.id));
  });

  it('finds none of her articles by a query that matches them', async () => {
    expect((await callJson('/v1/articles?q=黔江区', { as: 'alice' })).body.articles.length).toBeGreaterThan(0);
    for (const q of ['黔江区', '老旧小区', 'alice', 'v1:u:alice', 'example.com']) {
      const ids = await everythingBobLists(`&q=${encodeURIComponent(q)}`);
      expect(ids.filter((id) => aliceArticleIds().includes(id)), q).toEqual([]);
    }
  });

  it('lists none of her articles with her own cursor', async () => {
    const page = await callJson('/v1/articles?limit=1', { as: 'alice' });
    expect(page.body.cursor).toEqual(expect.any(String));
    for (const query of ['', '&q=老旧小区']) {
      const reply = await callJson(`/v1/articles?limit=5&cursor=${page.body.cursor}${query}`, { as: 'bob' });
      // Either refused or read inside his own namespace: never her articles.
      if (reply.status === 200) {
        expect(ArticleList.parse(reply.body).articles.every((article) => article.captureId === bob.capture.id)).toBe(true);
      } else {
        expect(reply.status).toBe(400);
      }
    }
  });

  it('cannot delete her capture or articles, and they are all still there for her afterwards', async () => {
    for (const id of aliceArticleIds()) expect((await call(`/v1/articles/${id}`, { as: 'bob', method: 'DELETE' })).status).toBe(404);
    expect((await call(`/v1/captures/${alice.capture.id}`, { as: 'bob', method: 'DELETE' })).status).toBe(404);
    for (const id of aliceArticleIds()) expect((await call(`/v1/articles/${id}`)).status).toBe(200);
    expect((await callJson(`/v1/captures/${alice.capture.id}`)).body).toEqual(alice);
  });

  it('saves his own copy of the same text under his own ids, leaving hers alone', async () => {
    const same = await callJson<CaptureResponse>('/v1/captures', { as: 'bob', json: { text: newsItem('黔江区'), url: 'https://example.com/alice' } });
    expect(same.status).toBe(201);
    expect(same.body.capture.id).not.toBe(alice.capture.id);
    expect((await callJson(`/v1/captures/${alice.capture.id}`)).body).toEqual(alice);
  });
});

describe('token comparison', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    { a: 'tok-a', b: 'tok-a', equal: true },
    { a: 'tok-a', b: 'tok-b', equal: false },
    { a: 'tok-a', b: 'tok-a ', equal: false },
    { a: 'short', b: 'a much longer token than the other one', equal: false },
    { a: '', b: 'x', equal: false },
    { a: '令牌', b: '令牌', equal: true },
  ])('constantTimeEqual($a, $b) is $equal', async ({ a, b, equal }) => {
    expect(await constantTimeEqual(a, b)).toBe(equal);
  });

  it('compares digests of equal length, so neither the length nor the first difference shows in the time', async () => {
    const digest = vi.spyOn(crypto.subtle, 'digest');
    await constantTimeEqual('short', 'a much longer token than the other one');
    // Both sides hashed: the byte loop runs over two 32-byte digests, whatever the inputs' lengths.
    expect(digest).toHaveBeenCalledTimes(2);
    const lengths = await Promise.all(digest.mock.results.map(async (result) => ((await result.value) as ArrayBuffer).byteLength));
    expect(lengths).toEqual([32, 32]);
  });

  it('checks every configured token, even after a match, so the time does not tell which user matched', async () => {
    const entries = parseApiTokens('alice:tok-a,bob:tok-b,carol:tok-c');
    const digest = vi.spyOn(crypto.subtle, 'digest');
    expect(await findUser(entries, 'tok-a')).toBe('alice');
    expect(digest).toHaveBeenCalledTimes(2 * entries.length);
    digest.mockClear();
    expect(await findUser(entries, 'nobody')).toBeUndefined();
    expect(digest).toHaveBeenCalledTimes(2 * entries.length);
  });
});

describe('logs and error bodies', () => {
  const SECRET_TEXT = '绝密正文Zx9';
  const STRAY_TOKEN = 'tok-stray-91c2e7';
  const MALFORMED_SECRET = 'hunter2-in-a-bad-entry';
  let logged: string[];

  beforeEach(async () => {
    await resetStorage();
    logged = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${String(arg.cause)} ${arg.stack}` : typeof arg === 'string' ? arg : JSON.stringify(arg) ?? String(arg))).join(' '));
      });
    }
  });
  afterEach(() => vi.restoreAllMocks());

  const body = JSON.stringify({ text: `${SECRET_TEXT}\n${newsItem('开州区')}` });
  const secrets = [SECRET_TEXT, STRAY_TOKEN, TOKENS.alice, TOKENS.bob, MALFORMED_SECRET];

  /** Through the real app, with a chosen environment (tokens, a failing or missing KV). */
  async function send(authorization: string, bindings: Partial<typeof env> & { API_TOKENS?: string } = {}) {
    const response = await app.request(
      '/v1/captures',
      { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body },
      { ...env, API_TOKENS: `alice:${TOKENS.alice},bad user:${MALFORMED_SECRET}`, ...bindings },
    );
    return { status: response.status, text: await response.text() };
  }

  const expectNothingLeaked = (answer: string) => {
    for (const secret of secrets) {
      expect(logged.join('\n'), 'logs').not.toContain(secret);
      expect(answer, 'error body').not.toContain(secret);
    }
  };

  it('leaks nothing when the token is wrong, malformed or missing', async () => {
    for (const authorization of [`Bearer ${STRAY_TOKEN}`, `Basic ${STRAY_TOKEN}`, `Bearer ${STRAY_TOKEN} ${TOKENS.alice}`, '']) {
      const answer = await send(authorization);
      expect(answer.status).toBe(401);
      expectNothingLeaked(answer.text);
    }
  });

  it('leaks nothing when storage fails', async () => {
    const failing = new Proxy(env.ARTICLES, {
      get(target, property) {
        if (property === 'put') return () => Promise.reject(new Error('KV PUT failed: 500 Internal Server Error'));
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const answer = await send(`Bearer ${TOKENS.alice}`, { ARTICLES: failing });
    expect(answer.status).toBe(503);
    expect(logged.join('\n')).toContain('KV PUT failed'); // the operator still learns what broke
    expectNothingLeaked(answer.text);
  });

  it('leaks nothing on an internal error (a stored record that is not what the code expects)', async () => {
    const corrupt = new Proxy(env.ARTICLES, {
      get(target, property) {
        if (property === 'get') return () => Promise.resolve({ text: SECRET_TEXT });
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const answer = await send(`Bearer ${TOKENS.alice}`, { ARTICLES: corrupt });
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.text)).toEqual({ error: { code: 'internal_error', message: 'internal error' } });
    expect(logged.length).toBeGreaterThan(0);
    expectNothingLeaked(answer.text);
  });

  it('leaks nothing when the request is refused as bad input', async () => {
    const response = await app.request(
      '/v1/captures',
      { method: 'POST', headers: { authorization: `Bearer ${TOKENS.alice}`, 'content-type': 'application/json' }, body: `{"text": "${SECRET_TEXT}", "url": "javascript:${SECRET_TEXT}"}` },
      { ...env, API_TOKENS: `alice:${TOKENS.alice}` },
    );
    expect(response.status).toBe(400);
    expectNothingLeaked(await response.text());
  });
});

describe('CORS', () => {
  const preflight = (origin: string, bindings: Record<string, string> = {}) =>
    app.request(
      '/v1/captures',
      { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } },
      { ...env, API_TOKENS: `alice:${TOKENS.alice}`, ...bindings },
    );

  it.each(['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b'])(
    'allows a preflight from the extension at %s, without credentials',
    async (origin) => {
      const response = await preflight(origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary')).toMatch(/origin/i);
    },
  );

  it.each(['https://evil.example', 'http://localhost:3000', 'null', 'chrome-extension://'])('does not let %s in', async (origin) => {
    const response = await preflight(origin);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets the extension read an error answer too (a 401 carries the CORS header)', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const response = await call('/v1/articles', { as: null, headers: { origin } });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('allows the API’s own origin', async () => {
    const response = await call('/v1/health', { headers: { origin: 'http://baozhai.test' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://baozhai.test');
  });

  it('follows CORS_ORIGINS when it is set: only the origins listed', async () => {
    const configured = { CORS_ORIGINS: 'https://reader.example.com, chrome-extension://abcdefghijklmnopabcdefghijklmnop' };
    expect((await preflight('https://reader.example.com', configured)).headers.get('access-control-allow-origin')).toBe('https://reader.example.com');
    expect((await preflight('chrome-extension://abcdefghijklmnopabcdefghijklmnop', configured)).headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    );
    for (const refused of ['chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba', 'moz-extension://0f9e8d7c', 'https://reader.example.com.evil.example']) {
      expect((await preflight(refused, configured)).headers.get('access-control-allow-origin'), refused).toBeNull();
    }
  });

  it('answers * for CORS_ORIGINS=*, still without credentials', async () => {
    const response = await preflight('https://anyone.example', { CORS_ORIGINS: '*' });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it.each([
    { origin: 'chrome-extension://abc', configured: undefined, expected: 'chrome-extension://abc' },
    { origin: 'moz-extension://abc', configured: undefined, expected: 'moz-extension://abc' },
    { origin: 'https://api.example', configured: undefined, expected: 'https://api.example' },
    { origin: 'https://evil.example', configured: undefined, expected: null },
    { origin: '', configured: '*', expected: null },
    { origin: 'null', configured: '*', expected: null },
    { origin: 'https://a.example', configured: 'https://a.example', expected: 'https://a.example' },
    { origin: 'https://a.example:8443', configured: 'https://a.example', expected: null },
    { origin: 'chrome-extension://abc', configured: ' , ', expected: null },
  ])('allowedOrigin($origin, CORS_ORIGINS=$configured) is $expected', ({ origin, configured, expected }) => {
    expect(allowedOrigin(origin, 'https://api.example', configured)).toBe(expected);
  });

  it('defaults to the extensions’ origins only', () => {
    expect(DEFAULT_CORS_ORIGINS.split(',').every((entry) => /^[a-z-]+-extension:\/\/\*$/.test(entry))).toBe(true);
  });
});
