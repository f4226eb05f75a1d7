import { describe, expect, it } from 'vitest';
import { call, callJson } from './helpers';

describe('GET /v1/health', () => {
  it('answers ok and the version without a token', async () => {
    const actual = await callJson('/v1/health', { as: null });
    expect(actual.status).toBe(200);
    expect(actual.body).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});

describe('authentication', () => {
  it.each<{ case: string; headers: Record<string, string> }>([
    { case: 'no Authorization header', headers: {} },
    { case: 'an unknown token', headers: { authorization: 'Bearer tok-c' } },
    { case: 'a token that is a prefix of a real one', headers: { authorization: 'Bearer tok-' } },
    { case: 'a user name instead of a token', headers: { authorization: 'Bearer alice' } },
    { case: 'another scheme', headers: { authorization: 'Basic dG9rLWE=' } },
    { case: 'an empty bearer', headers: { authorization: 'Bearer ' } },
  ])('answers 401 for $case', async ({ headers }) => {
    const actual = await callJson('/v1/articles', { as: null, headers });
    expect(actual.status).toBe(401);
    expect(actual.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(actual.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it.each(['/v1/process', '/v1/captures', '/v1/captures/0123456789abcdef0123', '/v1/articles/x'])(
    'guards %s',
    async (path) => {
      const actual = await call(path, { as: null, method: path.endsWith('s') ? 'POST' : 'GET' });
      expect(actual.status).toBe(401);
    },
  );

  it('accepts any case of the Bearer scheme', async () => {
    const actual = await call('/v1/articles', { as: null, headers: { authorization: 'bearer tok-b' } });
    expect(actual.status).toBe(200);
  });
});

describe('unknown routes and methods', () => {
  it('answers 404 in the error shape for an unknown path', async () => {
    const actual = await callJson('/v1/nothing-here');
    expect(actual.status).toBe(404);
    expect(actual.body).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "not_found",
          "message": "no route for GET /v1/nothing-here",
        },
      }
    `);
  });

  it.each([
    { method: 'PUT', path: '/v1/articles', allow: 'GET' },
    { method: 'POST', path: '/v1/articles/some-id', allow: 'GET, DELETE' },
    { method: 'GET', path: '/v1/captures', allow: 'POST' },
    { method: 'PATCH', path: '/v1/captures/some-id', allow: 'GET, DELETE' },
    { method: 'GET', path: '/v1/process', allow: 'POST' },
    { method: 'DELETE', path: '/v1/health', allow: 'GET' },
    { method: 'POST', path: '/openapi.json', allow: 'GET' },
  ])('answers 405 for $method $path, allowing $allow', async ({ method, path, allow }) => {
    const actual = await callJson(path, { method });
    expect(actual.status).toBe(405);
    expect(actual.headers.get('allow')).toBe(allow);
    expect(actual.body.error.code).toBe('method_not_allowed');
  });

  it('answers a CORS preflight without a token', async () => {
    const actual = await call('/v1/captures', {
      as: null,
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'POST' },
    });
    expect(actual.status).toBe(204);
    expect(actual.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
    expect(actual.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
  });
});
