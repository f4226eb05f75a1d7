// Full-text search (GET /v1/articles?q=) over the real D1 index: body words in Chinese (four,
// two and one characters) and English, snippets with marked matches, bm25 ranking, newest first
// among equals, paging, and an index that follows deletes and survives a failed write.
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, ArticleList, type Article, type ArticleSummary, type CaptureResponse } from '../../shared/src';
import { app } from '../../worker/src/app';
import { call, callJson, minutesAfterStart, resetStorage, TOKENS, type User } from './helpers';
import { EN_ARTICLE, ZH_ARTICLE } from './search-texts';

beforeEach(() => resetStorage());

async function save(text: string, extra: Record<string, unknown> = {}, as: User = 'alice'): Promise<CaptureResponse> {
  const reply = await callJson<CaptureResponse>('/v1/captures', { json: { text, ...extra }, as });
  expect(reply.status).toBe(201);
  return reply.body;
}

async function search(q: string, as: User = 'alice', more = ''): Promise<ArticleSummary[]> {
  const reply = await callJson(`/v1/articles?q=${encodeURIComponent(q)}${more}`, { as });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return ArticleList.parse(reply.body).articles;
}

/** The text of each marked range of the hit's snippet. */
const marked = (hit: ArticleSummary) => (hit.snippet?.marks ?? []).map(([start, end]) => hit.snippet!.text.slice(start, end));

const outsideBody = (article: Article) => [article.title, article.summary, ...article.keywords].join('\n').toLowerCase();

describe('GET /v1/articles?q= finds words that occur only in the body', () => {
  it.each([
    { case: 'an English name', word: 'Okafor', text: EN_ARTICLE },
    { case: 'the name in lower case', word: 'okafor', text: EN_ARTICLE },
    { case: 'a four-character Chinese word', word: '防滑石材', text: ZH_ARTICLE },
    { case: 'a two-character Chinese word', word: '扶手', text: ZH_ARTICLE },
    { case: 'a one-character Chinese word', word: '梯', text: ZH_ARTICLE },
  ])('$case ($word), with the match marked in the snippet', async ({ word, text }) => {
    const [target] = (await save(text, { capturedAt: minutesAfterStart(1) })).articles;
    await save(text === EN_ARTICLE ? ZH_ARTICLE : EN_ARTICLE, { capturedAt: minutesAfterStart(2) });
    expect(target).toBeDefined();
    // The word is in the body only: the old title-and-summary search could not have found it.
    expect(outsideBody(target!)).not.toContain(word.toLowerCase());
    const hits = await search(word);
    expect(hits.map((hit) => hit.id)).toEqual([target!.id]);
    expect(hits[0]!.title).toBe(target!.title);
    expect(marked(hits[0]!).length).toBeGreaterThan(0);
    for (const match of marked(hits[0]!)) expect(match.toLowerCase()).toBe(word.toLowerCase());
  });

  it('requires every word, short and long alike', async () => {
    const [zh] = (await save(ZH_ARTICLE)).articles;
    expect((await search('防滑石材 扶手')).map((hit) => hit.id)).toEqual([zh!.id]);
    expect((await search('扶手 老周')).map((hit) => hit.id)).toEqual([zh!.id]);
    expect(await search('防滑石材 Okafor')).toEqual([]);
    expect(await search('扶手 草坪')).toEqual([]);
  });

  it('marks every word of the query that the snippet shows', async () => {
    await save(ZH_ARTICLE);
    const [hit] = await search('防滑石材 扶手');
    expect(new Set(marked(hit!))).toEqual(new Set(['防滑石材', '扶手']));
  });

  it('finds nothing for a word no article holds', async () => {
    await save(ZH_ARTICLE);
    await save(EN_ARTICLE);
    expect(await callJson('/v1/articles?q=Nakamura')).toEqual(expect.objectContaining({ status: 200, body: { articles: [], cursor: null } }));
  });
});

describe('ranking', () => {
  it('puts a match in the title above a match in the body', async () => {
    const titled = await save(`老街新生活调查\n\n${'记者走访了多个社区，居民普遍反映生活便利了许多。'.repeat(3)}`, { capturedAt: minutesAfterStart(1) });
    // Newer, so it would come first if ranking were by time.
    const bodied = await save(ZH_ARTICLE, { capturedAt: minutesAfterStart(2) });
    const hits = await search('老街新生活');
    expect(hits.map((hit) => hit.id)).toEqual([titled.articles[0]!.id, bodied.articles[0]!.id]);
  });

  it('puts the newest first among equal matches', async () => {
    const older = await save(EN_ARTICLE, { url: 'https://example.com/older', capturedAt: minutesAfterStart(1) });
    const newer = await save(EN_ARTICLE, { url: 'https://example.com/newer', capturedAt: minutesAfterStart(5) });
    const middle = await save(EN_ARTICLE, { url: 'https://example.com/middle', capturedAt: minutesAfterStart(3) });
    const hits = await search('Okafor');
    expect(hits.map((hit) => hit.id)).toEqual([newer, middle, older].map((saved) => saved.articles[0]!.id));
  });
});

describe('paging', () => {
  it('hands out a cursor that continues the search, each hit once', async () => {
    const saved: CaptureResponse[] = [];
    for (let index = 0; index < 5; index++) saved.push(await save(EN_ARTICLE, { url: `https://example.com/${index}`, capturedAt: minutesAfterStart(index) }));
    // bm25 ties (identical articles) and a LIKE search of a two-letter word.
    for (const q of ['Okafor', 'at']) {
      const seen: string[] = [];
      let cursor: string | null = '';
      let pages = 0;
      while (cursor !== null) {
        const reply = await callJson(`/v1/articles?q=${q}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(reply.status).toBe(200);
        const page = ArticleList.parse(reply.body);
        seen.push(...page.articles.map((article) => article.id));
        cursor = page.cursor;
        pages++;
      }
      expect(pages).toBe(3);
      expect(seen, q).toEqual(saved.map((capture) => capture.articles[0]!.id).reverse());
    }
  }, 30_000);

  it('pages a short-word search (LIKE) newest first', async () => {
    const older = await save(ZH_ARTICLE, { url: 'https://example.com/a', capturedAt: minutesAfterStart(1) });
    const newer = await save(ZH_ARTICLE, { url: 'https://example.com/b', capturedAt: minutesAfterStart(2) });
    const first = ArticleList.parse((await callJson(`/v1/articles?q=${encodeURIComponent('扶手')}&limit=1`)).body);
    expect(first.articles.map((article) => article.id)).toEqual([newer.articles[0]!.id]);
    const second = ArticleList.parse((await callJson(`/v1/articles?q=${encodeURIComponent('扶手')}&limit=1&cursor=${first.cursor}`)).body);
    expect(second).toEqual({ articles: [expect.objectContaining({ id: older.articles[0]!.id })], cursor: null });
  });

  it('refuses a list cursor in a search, and a made-up one', async () => {
    await save(EN_ARTICLE, { url: 'https://example.com/1' });
    await save(EN_ARTICLE, { url: 'https://example.com/2' });
    const listCursor = ArticleList.parse((await callJson('/v1/articles?limit=1')).body).cursor;
    for (const cursor of [listCursor, btoa(JSON.stringify({ o: -1 })), btoa(JSON.stringify({ o: 1e9 }))]) {
      const reply = await callJson(`/v1/articles?q=Okafor&cursor=${cursor}`);
      expect(reply.status, cursor ?? '').toBe(400);
      expect(reply.body.error.code).toBe('bad_request');
    }
  });
});

describe('the index follows the store', () => {
  it('forgets a deleted article and a deleted capture', async () => {
    const zh = await save(ZH_ARTICLE);
    const en = await save(EN_ARTICLE);
    expect((await call(`/v1/articles/${zh.articles[0]!.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await search('防滑石材')).toEqual([]);
    expect(await search('扶手')).toEqual([]);
    expect((await call(`/v1/captures/${en.capture.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await search('Okafor')).toEqual([]);
    const { results } = await env.DB.prepare('SELECT count(*) AS n FROM article_index').all<{ n: number }>();
    expect(results[0]!.n).toBe(0);
  });

  it('isolates users: another user finds none of them, whatever the query', async () => {
    await save(ZH_ARTICLE, {}, 'alice');
    await save(EN_ARTICLE, {}, 'alice');
    const bobs = await save(EN_ARTICLE, { url: 'https://example.com/bob' }, 'bob');
    for (const q of ['Okafor', '防滑石材', '扶手', '梯', 'alice', '"', '*', 'NEAR(a b)', 'OR']) {
      const hits = await search(q, 'bob');
      expect(hits.every((hit) => hit.captureId === bobs.capture.id), q).toBe(true);
    }
    expect((await search('Okafor', 'bob')).map((hit) => hit.id)).toEqual([bobs.articles[0]!.id]);
  });

  it.each(['"', '""', "'", '*', 'a*', 'NEAR(park amphitheater)', 'Okafor OR park', 'title:Okafor', '-Okafor', '^park', '%', '_', '\\', '(()'])(
    'treats FTS syntax in %s as plain text: 200, never 5xx',
    async (q) => {
      await save(EN_ARTICLE);
      const reply = await callJson(`/v1/articles?q=${encodeURIComponent(q)}`);
      expect(reply.status).toBe(200);
      ArticleList.parse(reply.body);
    },
  );
});

/** The real database, except that `method` fails on every call. */
function failingDb(method: 'batch' | 'prepare'): D1Database {
  return new Proxy(env.DB, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property === method) return () => (method === 'batch' ? Promise.reject(new Error('D1_ERROR: network')) : failingStatement());
      return value.bind(target);
    },
  });
}
const failingStatement = () => ({ bind: () => failingStatement(), all: () => Promise.reject(new Error('D1_ERROR')), run: () => Promise.reject(new Error('D1_ERROR')) });

function request(path: string, init: RequestInit, db: D1Database) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${TOKENS.alice}`);
  return app.request(path, { ...init, headers }, { ...env, DB: db });
}

describe('when D1 fails', () => {
  it('a save answers 503, and sending it again indexes it', async () => {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: EN_ARTICLE, capturedAt: minutesAfterStart(1) }) };
    const failed = await request('/v1/captures', init, failingDb('batch'));
    expect(failed.status).toBe(503);
    expect(ApiError.parse(await failed.json()).error.code).toBe('storage_unavailable');
    // Saved in KV, not yet found.
    expect(ArticleList.parse((await callJson('/v1/articles')).body).articles).toHaveLength(1);
    expect(await search('Okafor')).toEqual([]);
    const retried = await request('/v1/captures', init, env.DB);
    expect(retried.status).toBe(200);
    expect(await search('Okafor')).toHaveLength(1);
  });

  it('a delete answers 503 and leaves the article readable and found; its retry removes both', async () => {
    const [article] = (await save(EN_ARTICLE)).articles;
    const failed = await request(`/v1/articles/${article!.id}`, { method: 'DELETE' }, failingDb('batch'));
    expect(failed.status).toBe(503);
    expect((await call(`/v1/articles/${article!.id}`)).status).toBe(200);
    expect(await search('Okafor')).toHaveLength(1);
    expect((await call(`/v1/articles/${article!.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await search('Okafor')).toEqual([]);
  });

  it('a search answers 503 storage_unavailable', async () => {
    const reply = await request('/v1/articles?q=Okafor', {}, failingDb('prepare'));
    expect(reply.status).toBe(503);
    expect(reply.headers.get('retry-after')).toBe('5');
  });
});
