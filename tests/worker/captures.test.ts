import { beforeEach, describe, expect, it } from 'vitest';
import { CaptureResponse } from '../../shared/src';
import { allKeys, call, callJson, minutesAfterStart, newsItem, saveCapture, resetStorage } from './helpers';
import { env } from 'cloudflare:workers';

beforeEach(() => resetStorage());

describe('POST /v1/captures', () => {
  it('answers 201 with the capture and its stored articles', async () => {
    const input = { text: newsItem('九龙坡'), url: 'https://example.com/page', title: '页面', source: 'page', capturedAt: minutesAfterStart(0) };
    const actual = await callJson('/v1/captures', { json: input });
    expect(actual.status).toBe(201);
    const { capture, articles } = CaptureResponse.parse(actual.body);
    expect(articles.length).toBeGreaterThanOrEqual(1);
    expect(capture).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{20}$/),
      url: input.url,
      title: input.title,
      source: 'page',
      capturedAt: input.capturedAt,
      textChars: input.text.length,
      articleIds: articles.map((article) => article.id),
    });
    for (const article of articles) {
      expect(article).toMatchObject({ captureId: capture.id, url: input.url, capturedAt: input.capturedAt, createdAt: capture.createdAt });
    }
    expect(new Set(capture.articleIds).size).toBe(articles.length);
  });

  it('writes one key per article and one for the capture', async () => {
    const { articles } = await saveCapture('南岸区');
    expect(await allKeys()).toHaveLength(articles.length + 1);
  });

  it('keeps a text/plain body with its query parameters', async () => {
    const input = newsItem('大渡口');
    const actual = await callJson('/v1/captures?url=https://example.com/t&source=paste', { text: input });
    expect(actual.status).toBe(201);
    expect(actual.body.capture).toMatchObject({ url: 'https://example.com/t', source: 'paste', textChars: input.length });
  });

  describe('sent again', () => {
    it('answers 200 with the same ids and writes nothing new', async () => {
      const first = await saveCapture('巴南区', { url: 'https://example.com/x', capturedAt: minutesAfterStart(1) });
      const keysBefore = await allKeys();
      const again = await callJson('/v1/captures', { json: { text: newsItem('巴南区'), url: 'https://example.com/x', capturedAt: minutesAfterStart(9) } });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first);
      expect(await allKeys()).toEqual(keysBefore);
    });

    it('is the same capture despite other line endings and trailing spaces', async () => {
      const first = await saveCapture('渝北区');
      const input = newsItem('渝北区').replace(/\n/g, '  \r\n') + '\n\n';
      const again = await callJson('/v1/captures', { text: input });
      expect(again.status).toBe(200);
      expect(again.body.capture.id).toBe(first.capture.id);
    });

    it.each([
      { case: 'another url', extra: { url: 'https://example.com/other' } },
      { case: 'no url', extra: {} },
    ])('is a new capture with $case', async ({ extra }) => {
      const first = await saveCapture('长寿区', { url: 'https://example.com/first' });
      const again = await callJson('/v1/captures', { json: { text: newsItem('长寿区'), ...extra } });
      expect(again.status).toBe(201);
      expect(again.body.capture.id).not.toBe(first.capture.id);
    });

    it('is a new capture for another user, with other ids', async () => {
      const mine = await saveCapture('江津区');
      const theirs = await saveCapture('江津区', {}, 'bob');
      expect(theirs.capture.id).not.toBe(mine.capture.id);
      expect(theirs.articles.map((a) => a.id)).not.toEqual(mine.articles.map((a) => a.id));
    });

    it('completes a save that stopped before its capture record, without duplicates', async () => {
      const input = { text: newsItem('合川区'), capturedAt: minutesAfterStart(2) };
      const first = await saveCapture('合川区', { capturedAt: input.capturedAt });
      // A save that died after the articles: the capture record, written last, is missing.
      const captureKey = (await allKeys()).find((key) => key.includes(':c:'))!;
      await env.ARTICLES.delete(captureKey);
      const retry = await callJson('/v1/captures', { json: input });
      expect(retry.status).toBe(201);
      expect(retry.body.capture.articleIds).toEqual(first.capture.articleIds);
      expect(await allKeys()).toHaveLength(first.articles.length + 1);
    });

    it('brings every article back under its id once all of the first save were deleted', async () => {
      const first = await saveCapture('永川区');
      for (const article of first.articles) expect((await call(`/v1/articles/${article.id}`, { method: 'DELETE' })).status).toBe(204);
      const again = await callJson('/v1/captures', { json: { text: newsItem('永川区') } });
      expect(again.status).toBe(201);
      expect(again.body.articles.map((article: { id: string }) => article.id)).toEqual(first.articles.map((article) => article.id));
    });
  });
});

describe('GET /v1/captures/:id', () => {
  it('answers the capture with its articles', async () => {
    const expected = await saveCapture('綦江区');
    const actual = await callJson(`/v1/captures/${expected.capture.id}`);
    expect(actual.status).toBe(200);
    expect(actual.body).toEqual(expected);
  });

  it('leaves out articles deleted one by one', async () => {
    const saved = await saveCapture('大足区');
    const [deleted] = saved.articles;
    await call(`/v1/articles/${deleted!.id}`, { method: 'DELETE' });
    const actual = await callJson(`/v1/captures/${saved.capture.id}`);
    expect(actual.body.capture.articleIds).not.toContain(deleted!.id);
    expect(actual.body.articles).toHaveLength(saved.articles.length - 1);
  });

  it.each([
    { case: 'an unknown id', id: '0123456789abcdef0123' },
    { case: 'a malformed id', id: 'not-an-id' },
    { case: 'an article id', id: 'ARTICLE' },
  ])('answers 404 for $case', async ({ id }) => {
    const saved = await saveCapture('璧山区');
    const actual = await callJson(`/v1/captures/${id === 'ARTICLE' ? saved.articles[0]!.id : id}`);
    expect(actual.status).toBe(404);
    expect(actual.body).toEqual({ error: { code: 'not_found', message: 'capture not found' } });
  });

  it("answers 404 for another user's capture", async () => {
    const saved = await saveCapture('铜梁区');
    const actual = await callJson(`/v1/captures/${saved.capture.id}`, { as: 'bob' });
    expect(actual.status).toBe(404);
  });
});

describe('DELETE /v1/captures/:id', () => {
  it('answers 204 and removes the capture and its articles, and nothing else', async () => {
    const kept = await saveCapture('潼南区');
    const keysOfKept = await allKeys();
    const saved = await saveCapture('荣昌区');
    const actual = await call(`/v1/captures/${saved.capture.id}`, { method: 'DELETE' });
    expect(actual.status).toBe(204);
    expect(await actual.text()).toBe('');
    expect((await call(`/v1/captures/${saved.capture.id}`)).status).toBe(404);
    for (const article of saved.articles) expect((await call(`/v1/articles/${article.id}`)).status).toBe(404);
    expect(await allKeys()).toEqual(keysOfKept);
    expect((await callJson(`/v1/captures/${kept.capture.id}`)).body).toEqual(kept);
  });

  it('answers 404 the second time', async () => {
    const saved = await saveCapture('开州区');
    expect((await call(`/v1/captures/${saved.capture.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`/v1/captures/${saved.capture.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it("answers 404 for another user's capture and leaves it alone", async () => {
    const saved = await saveCapture('梁平区');
    const actual = await call(`/v1/captures/${saved.capture.id}`, { method: 'DELETE', as: 'bob' });
    expect(actual.status).toBe(404);
    expect((await callJson(`/v1/captures/${saved.capture.id}`)).body).toEqual(saved);
  });
});
