// 200 captures sent at once, distinct and identical texts mixed: every distinct text is stored
// exactly once, every one is listed afterwards, nothing is lost or written twice.
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { ArticleList, CaptureResponse } from '../../shared/src';
import { runPipeline } from '../../worker/src/pipeline';
import { ArticleStore, captureIdFor, type SaveOutcome } from '../../worker/src/store';
import { allKeys, liveKeys, callJson, minutesAfterStart, newsItem, type JsonReply, resetStorage } from './helpers';

beforeEach(() => resetStorage());

const DISTINCT = 120;
/** Texts sent several times at once, each in a different way (no time, the same time, other times, text/plain). */
const REPEATED = 20;
const COPIES = 4;

interface Send {
  tag: string;
  body: { json: Record<string, unknown> } | { text: string };
}

function sends(): Send[] {
  const all: Send[] = [];
  for (let i = 0; i < DISTINCT; i++) all.push({ tag: `独${i}号`, body: { json: { text: newsItem(`独${i}号`), capturedAt: minutesAfterStart(i % 50) } } });
  for (let i = 0; i < REPEATED; i++) {
    const text = newsItem(`重${i}号`);
    all.push(
      { tag: `重${i}号`, body: { json: { text } } },
      { tag: `重${i}号`, body: { json: { text, capturedAt: minutesAfterStart(7) } } },
      { tag: `重${i}号`, body: { json: { text, capturedAt: minutesAfterStart(8 + i) } } },
      { tag: `重${i}号`, body: { text } },
    );
  }
  // Interleave, so copies of one text are not neighbours.
  return all.map((send, i) => ({ send, order: (i * 7919) % all.length })).sort((a, b) => a.order - b.order).map(({ send }) => send);
}

async function listEverything(): Promise<ArticleList['articles']> {
  const listed: ArticleList['articles'] = [];
  let cursor: string | null = null;
  do {
    const reply = await callJson(`/v1/articles?limit=37${cursor ? `&cursor=${cursor}` : ''}`);
    expect(reply.status).toBe(200);
    const page = ArticleList.parse(reply.body);
    listed.push(...page.articles);
    cursor = page.cursor;
  } while (cursor);
  return listed;
}

describe('200 captures at once', () => {
  it('stores every distinct text once and lists all of them, none lost or doubled', async () => {
    const batch = sends();
    expect(batch).toHaveLength(DISTINCT + REPEATED * COPIES);
    expect(new Set(batch.map((send) => send.tag)).size).toBe(DISTINCT + REPEATED);

    const replies: JsonReply<CaptureResponse>[] = await Promise.all(batch.map((send) => callJson<CaptureResponse>('/v1/captures', send.body)));

    // Every answer a success; the copies of one text all name the same capture and articles.
    const byTag = new Map<string, JsonReply<CaptureResponse>[]>();
    for (const [i, reply] of replies.entries()) {
      expect([200, 201], JSON.stringify(reply.body).slice(0, 200)).toContain(reply.status);
      byTag.set(batch[i]!.tag, [...(byTag.get(batch[i]!.tag) ?? []), reply]);
    }
    const saved = new Map<string, CaptureResponse>();
    for (const [tag, group] of byTag) {
      expect(group.filter((reply) => reply.status === 201), `${tag}: created once`).toHaveLength(1);
      const first = CaptureResponse.parse(group[0]!.body);
      for (const reply of group) expect(reply.body.articles.map((article) => article.id), tag).toEqual(first.articles.map((article) => article.id));
      saved.set(tag, first);
    }
    expect(new Set([...saved.values()].map((capture) => capture.capture.id)).size).toBe(DISTINCT + REPEATED);

    // Listed afterwards: exactly the saved articles, each once, newest first.
    const expectedIds = [...saved.values()].flatMap((capture) => capture.articles.map((article) => article.id));
    const listed = await listEverything();
    const listedIds = listed.map((article) => article.id);
    expect(new Set(listedIds).size, 'no article listed twice').toBe(listedIds.length);
    expect([...listedIds].sort()).toEqual([...expectedIds].sort());
    expect(listed.map((article) => article.capturedAt)).toEqual([...listed.map((article) => article.capturedAt)].sort().reverse());

    // And in storage: one key per article and one per capture, nothing else.
    expect(await allKeys()).toHaveLength(expectedIds.length + saved.size);

    // Each capture reads back whole.
    for (const capture of saved.values()) {
      const reply = await callJson<CaptureResponse>(`/v1/captures/${capture.capture.id}`);
      expect(reply.body.capture.articleIds).toEqual(capture.capture.articleIds);
    }
  }, 60_000);
});

describe('the same capture saved by another isolate at the same moment', () => {
  // Two isolates do not see each other's saves under way. Here isolate B saves the same text, at another time,
  // right after isolate A wrote its record: both end on one record and write its articles.
  it('ends with one record and one set of articles, and one save that says it created them', async () => {
    const text = newsItem('垫江县');
    const id = await captureIdFor('alice', text, undefined);
    const newCapture = (capturedAt: string) => ({ id, text, capturedAt, drafts: runPipeline({ text, capturedAt }).articles });
    let b: SaveOutcome | undefined;
    const racingKv = new Proxy(env.ARTICLES, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (property !== 'put') return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: Parameters<KVNamespace['put']>) => {
          await target.put(...args);
          if (!b && args[0].includes(':c:')) b = await new ArticleStore(env.ARTICLES, 'alice').saveCapture(newCapture(minutesAfterStart(2)));
        };
      },
    });
    const a = await new ArticleStore(racingKv, 'alice').saveCapture(newCapture(minutesAfterStart(1)));
    expect(b).toBeDefined();
    expect([a.created, b!.created].filter(Boolean)).toHaveLength(1);
    expect(a.saved).toEqual(b!.saved);
    const record = await env.ARTICLES.get<{ articleIds: string[] }>(`v1:u:alice:c:${id}`, 'json');
    expect(record?.articleIds).toEqual(a.saved.capture.articleIds);
    const keys = await allKeys();
    expect(keys).toHaveLength(a.saved.articles.length + 1);
    expect(keys.filter((key) => key.includes(':a:')).sort()).toEqual(a.saved.capture.articleIds.map((articleId) => `v1:u:alice:a:${articleId}`).sort());
  });
});

describe('the same capture whose record another isolate overwrote', () => {
  // Isolate B looked before A wrote its record (so B saw none), and B's record lands right
  // after A's: A reads back B's record and writes B's articles, not its own.
  it('writes the articles of the record that stayed', async () => {
    const text = newsItem('石柱县');
    const id = await captureIdFor('alice', text, undefined);
    const newCapture = (capturedAt: string) => ({ id, text, capturedAt, drafts: runPipeline({ text, capturedAt }).articles });
    /** B's view of KV: its first read (the look before writing) still finds nothing. */
    let bReads = 0;
    const bKv = new Proxy(env.ARTICLES, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (property === 'get') return (key: string, type: 'json') => (++bReads === 1 ? Promise.resolve(null) : target.get(key, type));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    let b: SaveOutcome | undefined;
    const aKv = new Proxy(env.ARTICLES, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (property !== 'put') return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: Parameters<KVNamespace['put']>) => {
          await target.put(...args);
          if (!b && args[0].includes(':c:')) b = await new ArticleStore(bKv, 'alice').saveCapture(newCapture(minutesAfterStart(2)));
        };
      },
    });
    const a = await new ArticleStore(aKv, 'alice').saveCapture(newCapture(minutesAfterStart(1)));
    expect(b?.created).toBe(true);
    expect(a.created).toBe(false);
    expect(a.saved.capture.capturedAt).toBe(minutesAfterStart(2));
    expect(a.saved.capture.articleIds).toEqual(b!.saved.capture.articleIds);
    expect((await allKeys()).sort()).toEqual([`v1:u:alice:c:${id}`, ...a.saved.capture.articleIds.map((articleId) => `v1:u:alice:a:${articleId}`)].sort());
  });
});

describe('the same capture saved by another isolate while this one ran the pipeline', () => {
  // This isolate found no record, then ran the pipeline; meanwhile isolate B saved the same text.
  it('joins the save it finds: writes under its ids and answers with it', async () => {
    const text = newsItem('丰都县');
    const id = await captureIdFor('alice', text, undefined);
    const newCapture = (capturedAt: string) => ({ id, text, capturedAt, drafts: runPipeline({ text, capturedAt }).articles });
    const b = await new ArticleStore(env.ARTICLES, 'alice').saveCapture(newCapture(minutesAfterStart(2)));
    const keysAfterB = await allKeys();
    const a = await new ArticleStore(env.ARTICLES, 'alice').saveCapture(newCapture(minutesAfterStart(1)));
    expect(a.created).toBe(false);
    expect(a.saved).toEqual(b.saved);
    expect(await allKeys()).toEqual(keysAfterB);
  });
});

describe('articles of one capture deleted at once', () => {
  it('leaves a record that names none of them and notes each as deleted, so sending the text again restores them', async () => {
    const text = ['南岸区', '北碚区', '渝中区', '江北区'].map(newsItem).join('\n\n');
    const saved = await callJson<CaptureResponse>('/v1/captures', { json: { text } });
    expect(saved.body.articles).toHaveLength(4);
    const deletes = await Promise.all(saved.body.articles.map((article) => callJson(`/v1/articles/${article.id}`, { method: 'DELETE' })));
    expect(deletes.map((reply) => reply.status)).toEqual([204, 204, 204, 204]);
    const record = await env.ARTICLES.get<{ articleIds: string[]; deletedIds: string[] }>(`v1:u:alice:c:${saved.body.capture.id}`, 'json');
    expect(record?.articleIds).toEqual([]);
    expect([...record!.deletedIds].sort()).toEqual(saved.body.capture.articleIds);
    expect(await liveKeys()).toEqual([`v1:u:alice:c:${saved.body.capture.id}`]);
  });
});

describe('a capture deleted while its articles are being deleted', () => {
  it('is gone with all its articles, its record not written back', async () => {
    const text = ['南岸区', '北碚区', '渝中区', '江北区'].map(newsItem).join('\n\n');
    const saved = await callJson<CaptureResponse>('/v1/captures', { json: { text } });
    const replies = await Promise.all([
      ...saved.body.articles.map((article) => callJson(`/v1/articles/${article.id}`, { method: 'DELETE' })),
      callJson(`/v1/captures/${saved.body.capture.id}`, { method: 'DELETE' }),
    ]);
    expect(replies.every((reply) => reply.status === 204 || reply.status === 404)).toBe(true);
    expect(await liveKeys()).toEqual([]);
    // A tombstone left by a delete that raced the capture's expires; it restores nothing.
    for (const article of saved.body.articles) expect((await callJson(`/v1/articles/${article.id}/restore`, { method: 'POST' })).status).toBe(404);
  });
});
