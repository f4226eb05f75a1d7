// Delete with undo: a deleted article can be restored by id for TOMBSTONE_SECONDS, and saving
// its capture again brings back every article of it that was deleted, under the same ids.
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { Article, ArticleList, CaptureResponse } from '../../shared/src';
import { TOMBSTONE_SECONDS } from '../../worker/src/store';
import { allKeys, call, callJson, newsItem, resetStorage, saveCapture } from './helpers';

beforeEach(() => resetStorage());

const listedIds = async (as: 'alice' | 'bob' = 'alice') => ArticleList.parse((await callJson('/v1/articles?limit=100', { as })).body).articles.map((article) => article.id);
const foundIds = async (q: string) => ArticleList.parse((await callJson(`/v1/articles?q=${encodeURIComponent(q)}`)).body).articles.map((article) => article.id);
const remove = async (id: string) => expect((await call(`/v1/articles/${id}`, { method: 'DELETE' })).status).toBe(204);

/** A page of two articles; the second's tag (大足区) is in no other. */
const twoArticles = `${newsItem('铜梁区')}\n\n${newsItem('大足区')}`;

async function saveTwo(): Promise<CaptureResponse> {
  const saved = CaptureResponse.parse((await callJson('/v1/captures', { json: { text: twoArticles, url: 'https://example.com/two' } })).body);
  expect(saved.articles).toHaveLength(2);
  return saved;
}

describe('POST /v1/articles/:id/restore', () => {
  it('brings a deleted article back whole: readable, listed, named by its capture, found by search', async () => {
    const saved = await saveTwo();
    const target = saved.articles.at(-1)!;
    await remove(target.id);
    expect(await foundIds('大足区')).toEqual([]);
    const restored = await callJson(`/v1/articles/${target.id}/restore`, { method: 'POST' });
    expect(restored.status).toBe(200);
    expect(Article.parse(restored.body)).toEqual(target);
    expect((await callJson(`/v1/articles/${target.id}`)).body).toEqual(target);
    expect(await listedIds()).toEqual(saved.articles.map((article) => article.id));
    expect((await callJson(`/v1/captures/${saved.capture.id}`)).body).toEqual(saved);
    expect(await foundIds('大足区')).toEqual([target.id]);
  });

  it('answers an article that was never deleted, or was restored already, as it is', async () => {
    const saved = await saveCapture('潼南区');
    const [article] = saved.articles;
    const first = await callJson(`/v1/articles/${article!.id}/restore`, { method: 'POST' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual(article);
    await remove(article!.id);
    for (let attempt = 0; attempt < 2; attempt++) expect((await callJson(`/v1/articles/${article!.id}/restore`, { method: 'POST' })).status).toBe(200);
    expect(await listedIds()).toEqual([article!.id]);
  });

  it('keeps the tombstone for TOMBSTONE_SECONDS, and refuses once it has expired', async () => {
    const [article] = (await saveCapture('荣昌区')).articles;
    const before = Date.now() / 1000;
    await remove(article!.id);
    const tombstones = await env.ARTICLES.list({ prefix: 'v1:u:alice:d:' });
    expect(tombstones.keys.map((key) => key.name)).toEqual([`v1:u:alice:d:${article!.id}`]);
    expect(TOMBSTONE_SECONDS).toBeGreaterThanOrEqual(3 * 24 * 60 * 60);
    expect(tombstones.keys[0]!.expiration).toBeGreaterThanOrEqual(Math.floor(before + TOMBSTONE_SECONDS) - 5);
    expect(tombstones.keys[0]!.expiration).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000 + TOMBSTONE_SECONDS) + 5);
    // What KV does when the time is up.
    await env.ARTICLES.delete(tombstones.keys[0]!.name);
    const reply = await callJson(`/v1/articles/${article!.id}/restore`, { method: 'POST' });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
  });

  it.each([
    { case: 'an unknown id', id: () => '2h6qg1dr0b-0123456789abcdef0123-000' },
    { case: 'a malformed id', id: () => 'not-an-id' },
  ])('answers 404 for $case', async ({ id }) => {
    expect((await callJson(`/v1/articles/${id()}/restore`, { method: 'POST' })).status).toBe(404);
  });

  it('restores nothing once the whole capture was deleted', async () => {
    const saved = await saveTwo();
    await remove(saved.articles[0]!.id);
    expect((await call(`/v1/captures/${saved.capture.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await callJson(`/v1/articles/${saved.articles[0]!.id}/restore`, { method: 'POST' })).status).toBe(404);
    expect(await listedIds()).toEqual([]);
  });

  it("never restores another user's article", async () => {
    const [article] = (await saveCapture('梁平区')).articles;
    await remove(article!.id);
    const reply = await callJson(`/v1/articles/${article!.id}/restore`, { method: 'POST', as: 'bob' });
    expect(reply.status).toBe(404);
    expect(await listedIds('bob')).toEqual([]);
    expect(await listedIds('alice')).toEqual([]);
  });

  it('answers 405 to other methods', async () => {
    const [article] = (await saveCapture('城口县')).articles;
    const reply = await call(`/v1/articles/${article!.id}/restore`);
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('POST');
  });
});

describe('saving a capture again', () => {
  it('brings back its deleted articles under their old ids, and answers 201 with all of them', async () => {
    const saved = await saveTwo();
    const [kept, deleted] = saved.articles;
    await remove(deleted!.id);
    expect(await listedIds()).toEqual([kept!.id]);
    const again = await callJson('/v1/captures', { json: { text: twoArticles, url: 'https://example.com/two' } });
    expect(again.status).toBe(201);
    expect(CaptureResponse.parse(again.body)).toEqual({ ...saved, capture: { ...saved.capture, createdAt: expect.any(String) } });
    expect(await listedIds()).toEqual(saved.articles.map((article) => article.id));
    expect(await foundIds('大足区')).toEqual([deleted!.id]);
    // The record names them all again and keeps no list of deleted ones.
    expect((await callJson(`/v1/captures/${saved.capture.id}`)).body.capture).not.toHaveProperty('deletedIds');
    // Sent a third time, nothing is left to restore.
    expect((await callJson('/v1/captures', { json: { text: twoArticles, url: 'https://example.com/two' } })).status).toBe(200);
  });

  it('brings them back after every article was deleted, and after their tombstones expired', async () => {
    const saved = await saveTwo();
    for (const article of saved.articles) await remove(article.id);
    for (const key of (await allKeys()).filter((name) => name.includes(':d:'))) await env.ARTICLES.delete(key);
    expect(await listedIds()).toEqual([]);
    const again = await callJson('/v1/captures', { json: { text: twoArticles, url: 'https://example.com/two' } });
    expect(again.status).toBe(201);
    expect(again.body.articles.map((article: Article) => article.id)).toEqual(saved.articles.map((article) => article.id));
    expect(await listedIds()).toEqual(saved.articles.map((article) => article.id));
  });

  it('answers 200 with the same articles when nothing was deleted', async () => {
    const saved = await saveTwo();
    const again = await callJson('/v1/captures', { json: { text: twoArticles, url: 'https://example.com/two' } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(saved);
  });
});
