// KV failures cannot be produced on demand, so these tests wrap the real local namespace
// and make chosen calls fail; everything else is the real app and the real KV.
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { app } from '../../worker/src/app';
import { allKeys, newsItem, TOKENS, resetStorage } from './helpers';

beforeEach(() => resetStorage());

/** The real namespace, except that `method` fails from its `failFrom`-th call on. */
function failingKv(method: 'get' | 'put' | 'list' | 'delete', failFrom: number): KVNamespace {
  let calls = 0;
  return new Proxy(env.ARTICLES, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property !== method || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: unknown[]) => {
        calls += 1;
        if (calls >= failFrom) return Promise.reject(new Error(`KV ${method} failed: 500 internal`));
        return value.apply(target, args);
      };
    },
  });
}

function request(path: string, init: RequestInit, kv: KVNamespace) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${TOKENS.alice}`);
  return app.request(path, { ...init, headers }, { ...env, ARTICLES: kv });
}

const saveInit = (text: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ text, capturedAt: '2024-07-30T08:00:00Z' }),
});

describe('when KV fails', () => {
  it.each([
    { case: 'a read', method: 'get' as const, path: '/v1/articles/2h6qg1dr0b-0123456789abcdef0123-000', init: {} },
    { case: 'a list', method: 'list' as const, path: '/v1/articles', init: {} },
    { case: 'a write', method: 'put' as const, path: '/v1/captures', init: saveInit(newsItem('万州区')) },
  ])('answers 503 storage_unavailable for $case', async ({ method, path, init }) => {
    const actual = await request(path, init, failingKv(method, 1));
    expect(actual.status).toBe(503);
    expect(actual.headers.get('retry-after')).toBe('5');
    expect(await actual.json()).toEqual({ error: { code: 'storage_unavailable', message: 'storage is unavailable, try again' } });
  });

  it('leaves only articles its record names when the last article cannot be written, and a retry saves it whole', async () => {
    const input = saveInit(newsItem('涪陵区'));
    const probe = await request('/v1/process', { ...input }, env.ARTICLES);
    const articleCount = ((await probe.json()) as { articles: unknown[] }).articles.length;
    // The record (written first) and every article but the last are written; the last fails.
    const failed = await request('/v1/captures', saveInit(newsItem('涪陵区')), failingKv('put', articleCount + 1));
    expect(failed.status).toBe(503);
    expect(await allKeys()).toHaveLength(articleCount);
    const retried = await request('/v1/captures', saveInit(newsItem('涪陵区')), env.ARTICLES);
    expect(retried.status).toBe(201);
    expect(await allKeys()).toHaveLength(articleCount + 1);
  });
});
