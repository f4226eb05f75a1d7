import { beforeEach, describe, expect, it } from 'vitest';
import { Article, ArticleList, type ArticleSummary, type CaptureResponse } from '../../shared/src';
import { call, callJson, minutesAfterStart, saveCapture, resetStorage } from './helpers';

beforeEach(() => resetStorage());

/** Saves one capture per tag, each a minute later than the one before. */
async function saveInOrder(tags: string[]): Promise<CaptureResponse[]> {
  const saved: CaptureResponse[] = [];
  for (const [minute, tag] of tags.entries()) saved.push(await saveCapture(tag, { capturedAt: minutesAfterStart(minute) }));
  return saved;
}

/** Newest capture first; a capture's articles in their printed order. */
const newestFirst = (saved: CaptureResponse[]) => [...saved].reverse().flatMap((capture) => capture.articles.map((article) => article.id));

async function readAllPages(query: string, as: 'alice' | 'bob' = 'alice'): Promise<{ pages: ArticleSummary[][]; cursors: (string | null)[] }> {
  const pages: ArticleSummary[][] = [];
  const cursors: (string | null)[] = [];
  let cursor: string | null = null;
  do {
    const reply = await callJson(`/v1/articles?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { as });
    expect(reply.status).toBe(200);
    const page = ArticleList.parse(reply.body);
    pages.push(page.articles);
    cursors.push(page.cursor);
    cursor = page.cursor;
  } while (cursor && pages.length < 50);
  return { pages, cursors };
}

describe('GET /v1/articles', () => {
  it('answers an empty list with no cursor when nothing is saved', async () => {
    const actual = await callJson('/v1/articles');
    expect(actual.status).toBe(200);
    expect(actual.body).toMatchInlineSnapshot(`
      {
        "articles": [],
        "cursor": null,
      }
    `);
  });

  it('lists summaries newest first, drawn from what was saved', async () => {
    const saved = await saveInOrder(['万州区', '涪陵区', '黔江区']);
    const actual = await callJson('/v1/articles');
    const list = ArticleList.parse(actual.body);
    expect(list.articles.map((article) => article.id)).toEqual(newestFirst(saved));
    expect(list.cursor).toBeNull();
    const newest = saved[2]!.articles[0]!;
    expect(list.articles[0]).toEqual({
      id: newest.id,
      captureId: newest.captureId,
      title: newest.title,
      summary: expect.any(String),
      capturedAt: newest.capturedAt,
    });
    expect(newest.summary.startsWith(list.articles[0]!.summary.replace(/…$/, ''))).toBe(true);
  });

  it('pages through more than one page with the cursor, each article once, in order', async () => {
    const saved = await saveInOrder(['城口县', '丰都县', '垫江县', '忠县', '云阳县']);
    const expected = newestFirst(saved);
    const { pages, cursors } = await readAllPages('limit=2');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.slice(0, -1).every((page) => page.length === 2)).toBe(true);
    expect(pages.flat().map((article) => article.id)).toEqual(expected);
    expect(cursors.at(-1)).toBeNull();
  });

  it('includes the url when the capture had one', async () => {
    await saveCapture('奉节县', { url: 'https://example.com/fengjie' });
    const actual = await callJson('/v1/articles');
    expect(actual.body.articles.every((article: ArticleSummary) => article.url === 'https://example.com/fengjie')).toBe(true);
  });

  it("shows only the caller's own articles", async () => {
    const alices = await saveCapture('巫山县');
    const bobs = await saveCapture('巫溪县', {}, 'bob');
    const asAlice = await callJson('/v1/articles');
    const asBob = await callJson('/v1/articles', { as: 'bob' });
    expect(asAlice.body.articles.map((a: ArticleSummary) => a.id)).toEqual(alices.articles.map((a) => a.id));
    expect(asBob.body.articles.map((a: ArticleSummary) => a.id)).toEqual(bobs.articles.map((a) => a.id));
  });

  describe('with q', () => {
    it('finds the articles whose title, summary or keywords hold every word', async () => {
      const saved = await saveInOrder(['石柱县', '秀山县', '酉阳县', '彭水县']);
      const actual = await callJson(`/v1/articles?q=${encodeURIComponent('秀山县')}`);
      expect(actual.status).toBe(200);
      expect(actual.body.articles.map((a: ArticleSummary) => a.id)).toEqual(saved[1]!.articles.map((a) => a.id));
    });

    it('matches without regard to case or full-width letters', async () => {
      const saved = await saveInOrder(['Alpha区', 'Beta区']);
      const actual = await callJson(`/v1/articles?q=${encodeURIComponent('ＢＥＴＡ区')}`);
      expect(actual.body.articles.map((a: ArticleSummary) => a.id)).toEqual(saved[1]!.articles.map((a) => a.id));
    });

    it('requires every word', async () => {
      await saveInOrder(['石柱县', '秀山县']);
      const actual = await callJson(`/v1/articles?q=${encodeURIComponent('秀山县 石柱县')}`);
      expect(actual.body).toEqual({ articles: [], cursor: null });
    });

    it('pages through matches with the cursor, even when a page stops inside a KV page', async () => {
      const tags = ['甲镇', '乙乡', '甲村', '丙乡', '甲街', '甲寨', '丁乡'];
      const saved = await saveInOrder(tags);
      const expected = newestFirst(saved.filter((_, index) => tags[index]!.startsWith('甲')));
      const { pages } = await readAllPages(`limit=1&q=${encodeURIComponent('甲')}`);
      expect(pages.flat().map((article) => article.id)).toEqual(expected);
      expect(pages.length).toBeGreaterThanOrEqual(expected.length);
    });
  });

  it.each([
    { query: 'limit=0', field: 'limit' },
    { query: 'limit=101', field: 'limit' },
    { query: 'limit=-1', field: 'limit' },
    { query: 'limit=ten', field: 'limit' },
    { query: 'limit=2.5', field: 'limit' },
    { query: `q=${'字'.repeat(201)}`, field: 'q' },
  ])('answers 400 validation_failed for $query', async ({ query, field }) => {
    const actual = await callJson(`/v1/articles?${query}`);
    expect(actual.status).toBe(400);
    expect(actual.body).toEqual({ error: { code: 'validation_failed', message: expect.stringContaining(field) } });
  });

  it.each([
    { case: 'random text', cursor: 'not a cursor' },
    { case: 'base64 of something else', cursor: btoa('{"page":2}') },
    { case: 'a negative offset', cursor: btoa('{"s":-1}').replace(/=+$/, '') },
    { case: 'a KV cursor given raw', cursor: 'AAAAAANzdGFydA' },
  ])('answers 400 for a cursor that is $case', async ({ cursor }) => {
    const actual = await callJson(`/v1/articles?cursor=${encodeURIComponent(cursor)}`);
    expect(actual.status).toBe(400);
    expect(actual.body.error.code).toBe('bad_request');
  });
});

describe('GET /v1/articles/:id', () => {
  it('answers the stored article', async () => {
    const saved = await saveCapture('武隆区', { url: 'https://example.com/w' });
    const expected = saved.articles[0]!;
    const actual = await callJson(`/v1/articles/${expected.id}`);
    expect(actual.status).toBe(200);
    expect(Article.parse(actual.body)).toEqual(expected);
  });

  it.each([
    { case: 'an unknown id', id: '2h6qg1dr0b-0123456789abcdef0123-000' },
    { case: 'a malformed id', id: 'nope' },
    { case: 'an over-long id', id: 'x'.repeat(600) },
  ])('answers 404 for $case', async ({ id }) => {
    const actual = await callJson(`/v1/articles/${id}`);
    expect(actual.status).toBe(404);
    expect(actual.body).toEqual({ error: { code: 'not_found', message: 'article not found' } });
  });

  it("answers 404 for another user's article", async () => {
    const saved = await saveCapture('南川区');
    expect((await call(`/v1/articles/${saved.articles[0]!.id}`, { as: 'bob' })).status).toBe(404);
  });

  it('answers 400 for an unknown format', async () => {
    const saved = await saveCapture('黔江区');
    const actual = await callJson(`/v1/articles/${saved.articles[0]!.id}?format=pdf`);
    expect(actual.status).toBe(400);
    expect(actual.body.error.message).toContain('format');
  });
});

describe('GET /v1/articles/:id?format=markdown', () => {
  it('answers text/markdown with title, paragraphs and source link', async () => {
    const saved = await saveCapture('江北区', { url: 'https://example.com/jiangbei' });
    const article = saved.articles[0]!;
    const response = await call(`/v1/articles/${article.id}?format=markdown`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const actual = await response.text();
    expect(actual.startsWith(`# ${article.title}\n`)).toBe(true);
    for (const paragraph of article.paragraphs) expect(actual).toContain(`\n${paragraph}\n`);
    expect(actual).toContain('来源：<https://example.com/jiangbei>');
  });

  it('does not let article text turn into Markdown markup', async () => {
    const saved = await saveCapture('# *标题* [链接](x)');
    const actual = await (await call(`/v1/articles/${saved.articles[0]!.id}?format=markdown`)).text();
    expect(actual).not.toMatch(/^# #/m);
    expect(actual).not.toContain('[链接](x)');
    expect(actual).toContain('\\*标题\\*');
  });
});

describe('DELETE /v1/articles/:id', () => {
  it('answers 204, then the article is gone from reads and lists', async () => {
    const saved = await saveCapture('沙坪坝区');
    const [gone, ...kept] = saved.articles;
    const actual = await call(`/v1/articles/${gone!.id}`, { method: 'DELETE' });
    expect(actual.status).toBe(204);
    expect((await call(`/v1/articles/${gone!.id}`)).status).toBe(404);
    const list = await callJson('/v1/articles');
    expect(list.body.articles.map((a: ArticleSummary) => a.id)).toEqual(kept.map((a) => a.id));
  });

  it("answers 404 for another user's article and keeps it", async () => {
    const saved = await saveCapture('北碚区');
    const id = saved.articles[0]!.id;
    expect((await call(`/v1/articles/${id}`, { method: 'DELETE', as: 'bob' })).status).toBe(404);
    expect((await call(`/v1/articles/${id}`)).status).toBe(200);
  });

  it('answers 404 for an unknown id', async () => {
    expect((await call('/v1/articles/2h6qg1dr0b-0123456789abcdef0123-000', { method: 'DELETE' })).status).toBe(404);
  });
});
