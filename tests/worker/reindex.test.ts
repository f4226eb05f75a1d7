// Repairing the search index from KV: after index writes that were lost (rows missing) or
// deletes that never reached the index (rows left over), POST /v1/reindex and the scheduled
// job put it right, for each user alone.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { ArticleList, IndexRepair } from '../../shared/src';
import worker from '../../worker/src/index';
import { ArticleStore } from '../../worker/src/store';
import { callJson, resetStorage, saveCapture } from './helpers';

beforeEach(() => resetStorage());

const found = async (q: string, as: 'alice' | 'bob' = 'alice') =>
  ArticleList.parse((await callJson(`/v1/articles?q=${encodeURIComponent(q)}`, { as })).body).articles.map((article) => article.id);

/** Breaks alice's index both ways: one article's rows lost, and a row for an article KV never held. */
async function breakIndex(): Promise<{ lost: string; kept: string }> {
  const lost = (await saveCapture('涪陵区')).articles[0]!.id;
  const kept = (await saveCapture('长寿区')).articles[0]!.id;
  await env.DB.prepare("DELETE FROM article_index WHERE user = 'alice' AND id = ?").bind(lost).run();
  await env.DB.prepare(
    "INSERT INTO article_index (user, id, capture_id, captured_at, title, subtitle, byline, summary, keywords, body) VALUES ('alice', '0000000000-ffffffffffffffffffff-000', 'ffffffffffffffffffff', '2024-01-01T00:00:00Z', '幽灵文章', '', '', '', '', '幽灵文章')",
  ).run();
  expect(await found('涪陵区')).toEqual([]);
  expect(await found('幽灵文章')).toHaveLength(1);
  return { lost, kept };
}

describe('POST /v1/reindex', () => {
  it('indexes what the index lacks and removes what KV no longer holds', async () => {
    const { lost, kept } = await breakIndex();
    const reply = await callJson('/v1/reindex', { method: 'POST' });
    expect(reply.status).toBe(200);
    expect(IndexRepair.parse(reply.body)).toEqual({ articles: 2, added: 1, removed: 1, complete: true });
    expect(await found('涪陵区')).toEqual([lost]);
    expect(await found('长寿区')).toEqual([kept]);
    expect(await found('幽灵文章')).toEqual([]);
    // A second pass has nothing to do.
    expect((await callJson('/v1/reindex', { method: 'POST' })).body).toEqual({ articles: 2, added: 0, removed: 0, complete: true });
  });

  it('works in bounded passes that say when more is left', async () => {
    for (const tag of ['江北区', '南岸区', '北碚区']) await saveCapture(tag);
    await env.DB.prepare('DELETE FROM article_index').run();
    const store = new ArticleStore(env.ARTICLES, 'alice', env.DB);
    expect(await store.repairIndex(2)).toEqual({ articles: 3, added: 2, removed: 0, complete: false });
    expect(await store.repairIndex(2)).toEqual({ articles: 3, added: 1, removed: 0, complete: true });
    expect(await found('北碚区')).toHaveLength(1);
  });

  it("touches only the caller's own index", async () => {
    await breakIndex();
    const bobs = (await saveCapture('万州区', {}, 'bob')).articles[0]!.id;
    expect((await callJson('/v1/reindex', { method: 'POST', as: 'bob' })).body).toEqual({ articles: 1, added: 0, removed: 0, complete: true });
    expect(await found('涪陵区')).toEqual([]);
    expect(await found('万州区', 'bob')).toEqual([bobs]);
  });

  it('answers 405 to GET and 401 without a token', async () => {
    expect((await callJson('/v1/reindex')).status).toBe(405);
    expect((await callJson('/v1/reindex', { method: 'POST', as: null })).status).toBe(401);
  });
});

describe('the scheduled job', () => {
  it("repairs every user's index", async () => {
    const { lost } = await breakIndex();
    const bobs = (await saveCapture('黔江区', {}, 'bob')).articles[0]!.id;
    await env.DB.prepare("DELETE FROM article_index WHERE user = 'bob'").run();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '23 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await found('涪陵区')).toEqual([lost]);
    expect(await found('幽灵文章')).toEqual([]);
    expect(await found('黔江区', 'bob')).toEqual([bobs]);
  });
});
