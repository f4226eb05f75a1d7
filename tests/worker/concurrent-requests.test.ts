// Requests of one capture at the same time must not wait on each other. workerd ties a promise
// to the request that made it: a request awaiting another request's promise hangs when that
// request is canceled or ends first, and the runtime answers it with a 500 ("code had hung").
// Here the other request is stalled for good (its KV calls never return, as for a request the
// runtime canceled mid-save): the second request must still finish, on its own KV calls, and
// leave exactly one stored copy. The real app and local KV; only the stalled namespace is wrapped.
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { CaptureResponse } from '../../shared/src';
import { app } from '../../worker/src/app';
import { allKeys, liveKeys, newsItem, TOKENS, resetStorage } from './helpers';

beforeEach(() => resetStorage());

/** The real namespace until the `stallAt`-th call of `method`; from then on no call returns. */
function stallingKv(method: 'put' | 'delete', stallAt: number): { kv: KVNamespace; stalled: () => boolean } {
  let calls = 0;
  let stalled = false;
  const kv = new Proxy(env.ARTICLES, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property === method && ++calls === stallAt) stalled = true;
        return stalled ? new Promise(() => {}) : value.apply(target, args);
      };
    },
  });
  return { kv, stalled: () => stalled };
}

function request(path: string, init: RequestInit, kv: KVNamespace = env.ARTICLES): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${TOKENS.alice}`);
  return Promise.resolve(app.request(path, { ...init, headers }, { ...env, ARTICLES: kv }));
}

const captureOf = (text: string, capturedAt?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ text, url: 'https://example.com/page', ...(capturedAt && { capturedAt }) }),
});

/** Resolves once `stalled()` holds: the first request is then stuck inside its save. */
async function untilStalled(stalled: () => boolean): Promise<void> {
  while (!stalled()) await new Promise((resolve) => setTimeout(resolve, 1));
}

async function expectStoredOnce(saved: CaptureResponse): Promise<void> {
  const expected = [`v1:u:alice:c:${saved.capture.id}`, ...saved.capture.articleIds.map((id) => `v1:u:alice:a:${id}`)];
  expect((await allKeys()).sort()).toEqual(expected.sort());
}

describe('a capture while the same capture is stuck in another request', () => {
  // Put 1 is the capture record, put 2 the first article.
  it.each([
    { stallAt: 1, when: 'before its record was written' },
    { stallAt: 2, when: 'after its record, before its articles' },
  ])('finishes the save itself when the other is stuck $when', async ({ stallAt }) => {
    const text = ['南川区', '綦江区', '大足区'].map(newsItem).join('\n\n') + `\n${stallAt}`;
    const stuck = stallingKv('put', stallAt);
    void request('/v1/captures', captureOf(text), stuck.kv);
    await untilStalled(stuck.stalled);

    const reply = await request('/v1/captures', captureOf(text));
    expect([200, 201]).toContain(reply.status);
    const saved = CaptureResponse.parse(await reply.json());
    expect(saved.articles).toHaveLength(3);
    await expectStoredOnce(saved);

    // Whole now: the same text again is the same save, with nothing written.
    const again = await request('/v1/captures', captureOf(text));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(saved);
    await expectStoredOnce(saved);
  });

  it('writes under the stuck save’s time, not its own, so there is one copy however the times differ', async () => {
    const text = ['永川区', '铜梁区'].map(newsItem).join('\n\n');
    const stuck = stallingKv('put', 1);
    void request('/v1/captures', captureOf(text, '2024-07-30T08:01:00.000Z'), stuck.kv);
    await untilStalled(stuck.stalled);
    const reply = await request('/v1/captures', captureOf(text, '2024-07-30T08:02:00.000Z'));
    const saved = CaptureResponse.parse(await reply.json());
    expect(saved.capture.capturedAt).toBe('2024-07-30T08:01:00.000Z');
    await expectStoredOnce(saved);
  });
});

describe('deleting an article while another delete of the same capture is stuck', () => {
  it('finishes, and its id leaves the record', async () => {
    const text = ['荣昌区', '璧山区', '潼南区'].map(newsItem).join('\n\n');
    const saved = CaptureResponse.parse(await (await request('/v1/captures', captureOf(text))).json());
    const [first, second, third] = saved.capture.articleIds;
    const stuck = stallingKv('delete', 1);
    void request(`/v1/articles/${first}`, { method: 'DELETE' }, stuck.kv);
    await untilStalled(stuck.stalled);

    expect((await request(`/v1/articles/${second}`, { method: 'DELETE' })).status).toBe(204);
    const record = await env.ARTICLES.get<{ articleIds: string[] }>(`v1:u:alice:c:${saved.capture.id}`, 'json');
    expect(record?.articleIds).toEqual([first, third]);
    expect((await liveKeys()).sort()).toEqual([`v1:u:alice:c:${saved.capture.id}`, `v1:u:alice:a:${first}`, `v1:u:alice:a:${third}`].sort());
  });

  it('deletes the capture too', async () => {
    const text = ['开州区', '梁平区'].map(newsItem).join('\n\n');
    const saved = CaptureResponse.parse(await (await request('/v1/captures', captureOf(text))).json());
    const stuck = stallingKv('delete', 1);
    void request(`/v1/articles/${saved.capture.articleIds[0]}`, { method: 'DELETE' }, stuck.kv);
    await untilStalled(stuck.stalled);

    expect((await request(`/v1/captures/${saved.capture.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await liveKeys()).toEqual([]);
  });
});
