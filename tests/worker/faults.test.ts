// KV failing in the middle of a save or a delete, at every write it makes: the API answers 503
// with a clear error, and repeating the same request finishes the job with exactly the keys
// it should have, no duplicates and no orphans. KV failures cannot be produced on demand, so
// the real local namespace is wrapped to fail at a chosen call; all else is the real app.
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { ArticleList, CaptureResponse, ProcessResponse } from '../../shared/src';
import { app } from '../../worker/src/app';
import { allKeys, liveKeys, minutesAfterStart, newsItem, TOKENS, resetStorage } from './helpers';

beforeEach(() => resetStorage());

type Fault = 'one call fails' | 'KV goes down';

/**
 * The real namespace, except that the `failAt`-th call of `method` fails; with 'KV goes down'
 * every call after it fails too, whatever the method (so the API cannot tidy up either).
 */
function faultyKv(method: 'get' | 'put' | 'delete', failAt: number, fault: Fault): KVNamespace {
  let calls = 0;
  let down = false;
  return new Proxy(env.ARTICLES, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property === method && ++calls === failAt) {
          down = fault === 'KV goes down';
          return Promise.reject(new Error(`KV ${method} failed: 500 internal`));
        }
        if (down) return Promise.reject(new Error(`KV ${String(property)} failed: 503 unavailable`));
        return value.apply(target, args);
      };
    },
  });
}

function request(path: string, init: RequestInit, kv: KVNamespace = env.ARTICLES) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${TOKENS.alice}`);
  return app.request(path, { ...init, headers }, { ...env, ARTICLES: kv });
}

/** Four short articles on one page. */
const PAGE = ['南岸区', '北碚区', '渝中区', '江北区'].map(newsItem).join('\n\n');

const capture = (capturedAt?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ text: PAGE, url: 'https://example.com/page', ...(capturedAt && { capturedAt }) }),
});

async function articleCount(): Promise<number> {
  const response = await request('/v1/process', capture());
  return ProcessResponse.parse(await response.json()).articles.length;
}

async function expectStorageUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('5');
  expect(await response.json()).toEqual({ error: { code: 'storage_unavailable', message: 'storage is unavailable, try again' } });
}

/** Exactly the keys of `saved` under the user's prefix: its record and one key per article. */
async function expectExactlyStored(saved: CaptureResponse): Promise<void> {
  const expected = [`v1:u:alice:c:${saved.capture.id}`, ...saved.capture.articleIds.map((id) => `v1:u:alice:a:${id}`)];
  expect((await allKeys()).sort()).toEqual(expected.sort());
  const listed = ArticleList.parse(await (await request('/v1/articles?limit=100', {})).json());
  expect(listed.articles.map((article) => article.id).sort()).toEqual([...saved.capture.articleIds].sort());
}

describe('a save that fails midway', () => {
  // A save writes the capture record, then each article: 1 + articles writes in all.
  const cases: { fault: Fault; failAt: number; retryTime: 'the same capturedAt' | 'no capturedAt' }[] = [];
  for (const fault of ['one call fails', 'KV goes down'] as const) {
    for (let failAt = 1; failAt <= 5; failAt++) {
      for (const retryTime of ['the same capturedAt', 'no capturedAt'] as const) cases.push({ fault, failAt, retryTime });
    }
  }

  it('has a page of four articles, so every write of its save is tried', async () => {
    expect(await articleCount()).toBe(4);
  });

  it.each(cases)('write $failAt fails ($fault): 503, then a retry with $retryTime completes it exactly', async ({ fault, failAt, retryTime }) => {
    const capturedAt = retryTime === 'the same capturedAt' ? minutesAfterStart(5) : undefined;
    await expectStorageUnavailable(await request('/v1/captures', capture(capturedAt), faultyKv('put', failAt, fault)));

    const retried = await request('/v1/captures', capture(capturedAt));
    expect(retried.status).toBe(201);
    const saved = CaptureResponse.parse(await retried.json());
    expect(saved.articles).toHaveLength(4);
    expect(saved.articles.map((article) => article.title)).toEqual(['南岸区', '北碚区', '渝中区', '江北区'].map((tag) => `${tag}城市更新推动老旧小区改造`));
    await expectExactlyStored(saved);

    // Once whole, the same capture again is the same save.
    const again = await request('/v1/captures', capture());
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(saved);
    await expectExactlyStored(saved);
  });
});

describe('a save whose reads fail', () => {
  // Read 1 looks for an earlier save; read 2 reads the record back after writing it.
  it.each([1, 2].flatMap((failAt) => (['one call fails', 'KV goes down'] as const).map((fault) => ({ failAt, fault }))))(
    'read $failAt fails ($fault): 503, then a retry with no capturedAt completes it exactly',
    async ({ failAt, fault }) => {
      await expectStorageUnavailable(await request('/v1/captures', capture(), faultyKv('get', failAt, fault)));
      const retried = await request('/v1/captures', capture());
      expect(retried.status).toBe(201);
      await expectExactlyStored(CaptureResponse.parse(await retried.json()));
    },
  );
});

describe('a delete that fails midway', () => {
  // Deleting a capture deletes each article, then the record: 1 + articles deletes in all.
  it.each([1, 2, 3, 4, 5].flatMap((failAt) => (['one call fails', 'KV goes down'] as const).map((fault) => ({ failAt, fault }))))(
    'delete $failAt of a capture fails ($fault): 503, then a retry removes everything',
    async ({ failAt, fault }) => {
      const saved = CaptureResponse.parse(await (await request('/v1/captures', capture())).json());
      await expectStorageUnavailable(await request(`/v1/captures/${saved.capture.id}`, { method: 'DELETE' }, faultyKv('delete', failAt, fault)));
      const retried = await request(`/v1/captures/${saved.capture.id}`, { method: 'DELETE' });
      expect(retried.status).toBe(204);
      expect(await allKeys()).toEqual([]);
    },
  );

  it.each(['one call fails', 'KV goes down'] as const)(
    'deleting an article whose record cannot be updated (%s): 503, then a retry finishes, and the text sent again brings it back',
    async (fault) => {
      const saved = CaptureResponse.parse(await (await request('/v1/captures', capture())).json());
      const [gone, ...kept] = saved.capture.articleIds;
      // The tombstone (the first put) and the article's delete succeed; the record update (the second put) fails.
      const failed = await request(`/v1/articles/${gone}`, { method: 'DELETE' }, faultyKv('put', 2, fault));
      await expectStorageUnavailable(failed);
      expect((await request(`/v1/articles/${gone}`, { method: 'DELETE' })).status).toBe(204);
      expect((await request(`/v1/articles/${gone}`, { method: 'DELETE' })).status).toBe(404);

      expect((await liveKeys()).sort()).toEqual([`v1:u:alice:c:${saved.capture.id}`, ...kept.map((id) => `v1:u:alice:a:${id}`)].sort());
      const again = await request('/v1/captures', capture());
      expect(again.status).toBe(201);
      expect(CaptureResponse.parse(await again.json()).capture.articleIds).toEqual(saved.capture.articleIds);
      expect((await liveKeys()).sort()).toEqual([`v1:u:alice:c:${saved.capture.id}`, ...saved.capture.articleIds.map((id) => `v1:u:alice:a:${id}`)].sort());
    },
  );
});
