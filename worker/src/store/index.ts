// The only module that touches KV and D1. An ArticleStore is bound to one user, so every key it
// reads or writes is inside that user's namespace: another user's ids simply are not found.
// KV holds the articles; D1 holds the search index derived from them (search.ts).
//
// KV has no transactions, so writes are ordered to make a crash harmless. The invariant:
// every article key is named by its capture record.
//   save:   capture record first, then its articles. A save that fails midway leaves a record
//           naming some articles that are missing; sending the same text again finds the
//           record and writes the articles under the ids the record names (its capturedAt),
//           so a retry completes the save and nothing is left behind, whatever failed and
//           whatever capturedAt the retry carries.
//   delete: articles first, then the record (a capture) or the record's list (one article).
//           A deleted article is kept apart for TOMBSTONE_SECONDS (a tombstone key) and its id
//           moves to the record's `deletedIds`: `restoreArticle` puts it back, and saving the
//           same capture again writes every deleted article back under its old id.
// The search index follows KV: written after a save's KV writes, cleared before a delete's.
// So a failed index write leaves at worst an article that search does not find yet (never a
// hit for an article that is gone): the save answers 503, and its retry, which finds the save
// complete in KV, indexes what the index lacks. What nobody retries, the repair
// (`reindexFromKv`, run by `npm run reindex` and the scheduled job) puts right.
// No key is shared between captures, so concurrent saves of different texts never meet.
//
// Requests never wait on each other. workerd ties every promise to the request that made it: a
// request awaiting another request's promise hangs when that request ends first, and the
// runtime answers it with a 500. So what requests in one isolate share is plain data (the
// times a save chose, the ids being deleted), never a promise; each waits only on its own KV
// calls, and a second request does the work again under the same keys instead of waiting.
//
// The same text saved twice at once is the one race: article ids carry the capture time (so
// keys list newest first), and two saves that both find no record would write two sets of
// articles. Ids stay time-based (one key per article, articles + 1 writes, lists drawn from
// key metadata) and the race is closed where it can be:
//   - in one isolate, a save that finds the same save under way takes its times
//     (`savesUnderWay`), so both write the same keys with the same values: one stored copy,
//     at the cost of writing it twice;
//   - across isolates, a save looks for the record again right before writing its own, and
//     reads it back after: when another save's record is there, it writes that save's
//     articles, under that save's ids, instead of its own.
// What remains is two isolates whose check and write of the record fall within one KV round
// trip of each other; closing that needs a Durable Object per user, which this design avoids.
//
// Article deletes of one capture each rewrite its record, and KV has no compare-and-set: in
// one isolate they note the ids they deleted (`deletionsUnderWay`) and each rewrites the
// record until it names none of them, so a record written back by a slower delete is put
// right by whichever delete reads it next.
import type { Article, ArticleDraft, ArticleList, ArticleSummary, Capture, CaptureSource, IndexRepair } from '../../../shared/src';
import { StorageError } from '../lib/errors';
import { badCursor, decodeCursor, decodeSearchCursor, encodeCursor, encodeSearchCursor, START, type ListPosition } from './cursor';
import { articleIdFor, captureIdOf, isArticleId, isCaptureId, MAX_ARTICLES_PER_CAPTURE } from './ids';
import { articleKey, articlePrefix, captureKey, tombstoneKey } from './keys';
import { kv } from './calls';
import { listMetadata, type ArticleListMetadata } from './metadata';
import { SearchIndex } from './search';

export { captureIdFor, MAX_ARTICLES_PER_CAPTURE } from './ids';

/** How long a deleted article can be restored by id (saving its capture again restores it at any time). */
export const TOMBSTONE_SECONDS = 7 * 24 * 60 * 60;

/** The capture record as stored: the API's Capture, plus the ids of its articles deleted one by one. */
type CaptureRecord = Capture & { deletedIds?: string[] };

/** The record as the API shows it. */
function publicCapture(record: CaptureRecord): Capture {
  const { deletedIds: _deleted, ...capture } = record;
  return capture;
}

/** Articles one repair call indexes at most: 5 bulk KV reads and 5 D1 batches. */
export const REPAIR_MAX_ADDED = 500;

/** KV returns at most this many keys per list call. */
const KV_PAGE_MAX = 1000;
/** KV reads at most this many keys in one bulk get. */
const KV_BULK_GET_MAX = 100;
/** Plain listing needs one page, a second only when KV returns short pages or the cursor is mid-page. */
const LIST_MAX_PAGES = 3;

export interface CaptureWithArticles {
  capture: Capture;
  articles: Article[];
}

export interface NewCapture {
  id: string;
  text: string;
  url?: string;
  title?: string;
  source?: CaptureSource;
  lang?: string;
  capturedAt: string;
  drafts: ArticleDraft[];
}

export interface SaveOutcome {
  saved: CaptureWithArticles;
  /** False when the capture was already stored, or another save of it (in this isolate, or found in KV) came first. */
  created: boolean;
}

/** How long the note of a save or delete under way counts: a request the runtime canceled never removes its own. */
const UNDER_WAY_MS = 60_000;

/** The times a save under way in this isolate chose, by user and capture id. */
const savesUnderWay = new Map<string, { capturedAt: string; createdAt: string; since: number }>();

/** Deletes under way in this isolate, by capture record key: the article ids they deleted. */
interface RecordDeletions {
  articleIds: Set<string>;
  /** The whole capture is being deleted: a record written back goes too. */
  captureDeleted: boolean;
  active: number;
  since: number;
}
const deletionsUnderWay = new Map<string, RecordDeletions>();

/** A record rewritten back by other deletes this many times in a row is left to the next delete. */
const MAX_RECORD_REWRITES = 5;

function freshNote<T extends { since: number }>(notes: Map<string, T>, key: string): T | undefined {
  const note = notes.get(key);
  if (note && Date.now() - note.since > UNDER_WAY_MS) notes.delete(key);
  return notes.get(key);
}

export interface ListOptions {
  limit: number;
  cursor?: string;
}

export interface SearchOptions extends ListOptions {
  q: string;
}

/** The store of the signed-in user, over the Worker's bindings. */
export const storeFor = (bindings: { ARTICLES: KVNamespace; DB: D1Database }, user: string) => new ArticleStore(bindings.ARTICLES, user, bindings.DB);

export class ArticleStore {
  /** Absent only where a test drives the KV side alone. */
  private readonly search: SearchIndex | undefined;

  constructor(
    private readonly namespace: KVNamespace,
    private readonly user: string,
    db?: D1Database,
  ) {
    this.search = db ? new SearchIndex(db, user) : undefined;
  }

  async getArticle(id: string): Promise<Article | null> {
    if (!isArticleId(id)) return null;
    return kv('get', () => this.namespace.get<Article>(articleKey(this.user, id), 'json'));
  }

  async getCapture(id: string): Promise<CaptureWithArticles | null> {
    const stored = await this.readCapture(id);
    if (!stored) return null;
    // Articles deleted one by one, or not yet written by an unfinished save, are left out.
    const { record, articles } = stored;
    return { capture: { ...publicCapture(record), articleIds: articles.map((article) => article.id) }, articles };
  }

  /** The capture record as stored, with those of its articles that exist. */
  private async readCapture(id: string): Promise<{ record: CaptureRecord; articles: Article[] } | null> {
    if (!isCaptureId(id)) return null;
    const record = await kv('get', () => this.namespace.get<CaptureRecord>(captureKey(this.user, id), 'json'));
    if (!record) return null;
    return { record, articles: await this.getArticles(record.articleIds) };
  }

  /**
   * Those of `ids` that exist, in order, read in bulk: a repeated capture reads its articles
   * in one round trip, which matters now that each request reads them itself.
   */
  private async getArticles(ids: string[]): Promise<Article[]> {
    const chunks: string[][] = [];
    for (let start = 0; start < ids.length; start += KV_BULK_GET_MAX) chunks.push(ids.slice(start, start + KV_BULK_GET_MAX));
    const found = await Promise.all(
      chunks.map((chunk) => kv('get', () => this.namespace.get<Article>(chunk.map((id) => articleKey(this.user, id)), 'json'))),
    );
    return ids.map((id, index) => found[Math.floor(index / KV_BULK_GET_MAX)]!.get(articleKey(this.user, id)) ?? null).filter((article): article is Article => article !== null);
  }

  /**
   * Saves the capture `id` unless it is stored whole already: `prepare` (the pipeline) runs
   * only when it is not. A save that stopped midway is completed under the ids its record
   * names. A save of the same capture under way in this isolate lends its times, so both
   * write the same keys; the one that began first answers that it created them.
   */
  async saveOnce(id: string, prepare: () => NewCapture): Promise<SaveOutcome> {
    const stored = await this.readCapture(id);
    if (stored && (stored.record.articleIds.length > 0 || (stored.record.deletedIds?.length ?? 0) > 0)) {
      const { record, articles } = stored;
      if (articles.length === record.articleIds.length && !record.deletedIds?.length) {
        // Stored whole; its index write may have failed (the save answered 503): complete it.
        await this.search?.complete(record.id, articles);
        return { saved: { capture: publicCapture(record), articles }, created: false };
      }
      // An unfinished save, or one with deleted articles: redo it at its own time, so its ids
      // come out the same and the deleted articles come back. When that save is still under
      // way in this isolate, it is the one that creates.
      const finishing = freshNote(savesUnderWay, `${this.user}:${id}`) !== undefined;
      const outcome = await this.saveCapture(prepare(), { previous: record });
      return finishing ? { saved: outcome.saved, created: false } : outcome;
    }
    // New (or a record that names no article at all): a new save. No await between
    // looking for a save under way and noting this one, so one of them is first.
    const input = prepare();
    const noteKey = `${this.user}:${id}`;
    const underWay = freshNote(savesUnderWay, noteKey);
    if (underWay) {
      const outcome = await this.saveCapture({ ...input, capturedAt: underWay.capturedAt }, { createdAt: underWay.createdAt });
      return { saved: outcome.saved, created: false };
    }
    const note = { capturedAt: input.capturedAt, createdAt: new Date().toISOString(), since: Date.now() };
    savesUnderWay.set(noteKey, note);
    try {
      return await this.saveCapture(input, { createdAt: note.createdAt });
    } finally {
      if (savesUnderWay.get(noteKey) === note) savesUnderWay.delete(noteKey);
    }
  }

  /**
   * Writes the record, then the articles. `previous` is the record of an unfinished save of the
   * same capture being completed: its capture and creation times (so its ids) are kept, and any
   * of its articles the new record no longer names are deleted.
   */
  async saveCapture(input: NewCapture, options: { previous?: CaptureRecord; createdAt?: string } = {}): Promise<SaveOutcome> {
    if (input.drafts.length > MAX_ARTICLES_PER_CAPTURE) {
      throw new RangeError(`at most ${MAX_ARTICLES_PER_CAPTURE} articles per capture`);
    }
    const recordKey = captureKey(this.user, input.id);
    let { previous } = options;
    let created = true;
    if (!previous) {
      // Another isolate may have begun the same save since this one looked (the pipeline ran
      // meanwhile): join it, writing under its ids.
      const begun = await kv('get', () => this.namespace.get<CaptureRecord>(recordKey, 'json'));
      if (begun && begun.articleIds.length > 0) [previous, created] = [begun, false];
    }
    const at = previous ? { ...input, capturedAt: previous.capturedAt } : input;
    let { capture, articles } = this.build(at, previous?.createdAt ?? options.createdAt ?? new Date().toISOString());
    await kv('put', () => this.namespace.put(recordKey, JSON.stringify(capture)));
    // Or written its record at the same moment: the record that stays decides the ids, and
    // both saves write that one's articles.
    const stored = await kv('get', () => this.namespace.get<Capture>(recordKey, 'json'));
    if (stored && (stored.capturedAt !== capture.capturedAt || stored.createdAt !== capture.createdAt)) {
      ({ capture, articles } = this.build({ ...input, capturedAt: stored.capturedAt }, stored.createdAt));
      created = false;
    }
    const writes = await Promise.allSettled(
      articles.map((article) => this.namespace.put(articleKey(this.user, article.id), JSON.stringify(article), { metadata: listMetadata(article) })),
    );
    const failed = writes.find((write): write is PromiseRejectedResult => write.status === 'rejected');
    if (failed) throw new StorageError('KV put failed', { cause: failed.reason });
    const named = new Set(capture.articleIds);
    const stale = [...(previous?.articleIds ?? []), ...(previous?.deletedIds ?? [])].filter((articleId) => !named.has(articleId));
    if (stale.length > 0) {
      await this.search?.remove(stale);
      await kv('delete', () => Promise.all(stale.map((articleId) => this.namespace.delete(articleKey(this.user, articleId)))));
    }
    await this.search?.add(articles);
    return { saved: { capture, articles }, created };
  }

  private build(input: NewCapture, createdAt: string): { capture: Capture; articles: Article[] } {
    const articles: Article[] = input.drafts.map((draft, index) => ({
      ...draft,
      capturedAt: input.capturedAt,
      id: articleIdFor(input.id, input.capturedAt, index),
      captureId: input.id,
      createdAt,
    }));
    const capture: Capture = {
      id: input.id,
      ...(input.url !== undefined && { url: input.url }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.source !== undefined && { source: input.source }),
      lang: input.lang ?? articles[0]?.lang ?? 'und',
      capturedAt: input.capturedAt,
      createdAt,
      articleIds: articles.map((article) => article.id),
      textChars: input.text.length,
    };
    return { capture, articles };
  }

  /**
   * False when there was no such article. Its tombstone is written first (so it can be
   * restored), then it leaves the index and KV, then its id moves from the capture record's
   * `articleIds` to its `deletedIds`, so the record never names an article the user deleted
   * as if it were still to be written.
   */
  async deleteArticle(id: string): Promise<boolean> {
    if (!isArticleId(id)) return false;
    const recordKey = captureKey(this.user, captureIdOf(id));
    return this.withDeletions(recordKey, async (deletions) => {
      const [article, record] = await Promise.all([this.getArticle(id), kv('get', () => this.namespace.get<CaptureRecord>(recordKey, 'json'))]);
      // A delete that failed after the article went is finished by its retry: the record still names it.
      const named = record?.articleIds.includes(id) ?? false;
      if (!article && !named) return false;
      if (article) {
        await kv('put', () => this.namespace.put(tombstoneKey(this.user, id), JSON.stringify(article), { expirationTtl: TOMBSTONE_SECONDS }));
      }
      await this.search?.remove([id]);
      if (article) await kv('delete', () => this.namespace.delete(articleKey(this.user, id)));
      deletions.articleIds.add(id);
      await this.settleRecord(recordKey, deletions);
      return true;
    });
  }

  /**
   * Brings back an article deleted within TOMBSTONE_SECONDS: its key, its id in the capture
   * record, its index rows. Null when there is nothing to restore (never deleted, deleted too
   * long ago, or its whole capture was deleted). An article that exists is answered as it is,
   * after making sure its record names it and the index holds it (a restore that failed midway
   * is finished by its retry).
   */
  async restoreArticle(id: string): Promise<Article | null> {
    if (!isArticleId(id)) return null;
    const recordKey = captureKey(this.user, captureIdOf(id));
    const [existing, record, tombstone] = await Promise.all([
      this.getArticle(id),
      kv('get', () => this.namespace.get<CaptureRecord>(recordKey, 'json')),
      kv('get', () => this.namespace.get<Article>(tombstoneKey(this.user, id), 'json')),
    ]);
    if (!record) return null;
    const named = record.articleIds.includes(id);
    const article = existing ?? (record.deletedIds?.includes(id) ? tombstone : null);
    if (!article) return null;
    if (!existing) await kv('put', () => this.namespace.put(articleKey(this.user, id), JSON.stringify(article), { metadata: listMetadata(article) }));
    // A delete of it under way in this isolate must not take it off the record again.
    freshNote(deletionsUnderWay, recordKey)?.articleIds.delete(id);
    if (!named || record.deletedIds?.includes(id)) {
      const restored: CaptureRecord = {
        ...record,
        articleIds: [...new Set([...record.articleIds, id])].sort(),
        deletedIds: (record.deletedIds ?? []).filter((deletedId) => deletedId !== id),
      };
      await kv('put', () => this.namespace.put(recordKey, JSON.stringify(restored)));
    }
    await this.search?.add([article]);
    if (tombstone) await kv('delete', () => this.namespace.delete(tombstoneKey(this.user, id)));
    return article;
  }

  /** Deletes the capture and its articles; false when there was no such capture. */
  async deleteCapture(id: string): Promise<boolean> {
    if (!isCaptureId(id)) return false;
    const recordKey = captureKey(this.user, id);
    return this.withDeletions(recordKey, async (deletions) => {
      const capture = await kv('get', () => this.namespace.get<CaptureRecord>(recordKey, 'json'));
      if (!capture) return false;
      // Article deletes under way now remove a record they wrote back, instead of keeping it.
      deletions.captureDeleted = true;
      await this.search?.removeCapture(id);
      await this.deleteRecordAndArticles(recordKey, capture);
      await this.settleRecord(recordKey, deletions);
      return true;
    });
  }

  private async withDeletions<T>(recordKey: string, change: (deletions: RecordDeletions) => Promise<T>): Promise<T> {
    let deletions = freshNote(deletionsUnderWay, recordKey);
    if (!deletions) {
      deletions = { articleIds: new Set(), captureDeleted: false, active: 0, since: Date.now() };
      deletionsUnderWay.set(recordKey, deletions);
    }
    deletions.active++;
    try {
      return await change(deletions);
    } finally {
      if (--deletions.active === 0 && deletionsUnderWay.get(recordKey) === deletions) deletionsUnderWay.delete(recordKey);
    }
  }

  /**
   * Rewrites the record until it names none of the articles deleted in this isolate (or is
   * gone, when the capture is being deleted): another delete's write may have put back an id.
   */
  private async settleRecord(recordKey: string, deletions: RecordDeletions): Promise<void> {
    for (let rewrites = 0; rewrites < MAX_RECORD_REWRITES; rewrites++) {
      const record = await kv('get', () => this.namespace.get<CaptureRecord>(recordKey, 'json'));
      if (!record) return;
      if (deletions.captureDeleted) {
        await this.deleteRecordAndArticles(recordKey, record);
        continue;
      }
      const rest = record.articleIds.filter((articleId) => !deletions.articleIds.has(articleId));
      if (rest.length === record.articleIds.length) return;
      const gone = record.articleIds.filter((articleId) => deletions.articleIds.has(articleId));
      const deletedIds = [...new Set([...(record.deletedIds ?? []), ...gone])];
      await kv('put', () => this.namespace.put(recordKey, JSON.stringify({ ...record, articleIds: rest, deletedIds } satisfies CaptureRecord)));
    }
  }

  /** The articles, the tombstones of those deleted one by one (nothing is left to restore), then the record. */
  private async deleteRecordAndArticles(recordKey: string, record: CaptureRecord): Promise<void> {
    await kv('delete', () =>
      Promise.all([
        ...record.articleIds.map((articleId) => this.namespace.delete(articleKey(this.user, articleId))),
        ...(record.deletedIds ?? []).map((articleId) => this.namespace.delete(tombstoneKey(this.user, articleId))),
      ]),
    );
    await kv('delete', () => this.namespace.delete(recordKey));
  }

  /**
   * Puts the search index right from KV, the store of record: rows for articles KV no longer
   * holds go, and articles the index lacks are indexed, at most `maxAdded` per call (a Worker
   * invocation has a bounded number of KV and D1 calls); `complete` says nothing is left to do.
   * `npm run reindex`, POST /v1/reindex and the scheduled job call this.
   */
  async repairIndex(maxAdded = REPAIR_MAX_ADDED): Promise<IndexRepair> {
    if (!this.search) throw new Error('repairing needs the D1 index');
    const prefix = articlePrefix(this.user);
    const inKv: string[] = [];
    for (let cursor: string | undefined, done = false; !done; ) {
      const page = await this.listPage(prefix, cursor, KV_PAGE_MAX);
      inKv.push(...page.keys.map((key) => key.name.slice(prefix.length)));
      [cursor, done] = page.list_complete ? [undefined, true] : [page.cursor, false];
    }
    const indexed = await this.search.allIds();
    const stored = new Set(inKv);
    const inIndex = new Set(indexed);
    const extra = indexed.filter((id) => !stored.has(id));
    const missing = inKv.filter((id) => !inIndex.has(id));
    await this.search.remove(extra);
    const now = missing.slice(0, maxAdded);
    for (let start = 0; start < now.length; start += KV_BULK_GET_MAX) {
      await this.search.add(await this.getArticles(now.slice(start, start + KV_BULK_GET_MAX)));
    }
    return { articles: inKv.length, added: now.length, removed: extra.length, complete: now.length === missing.length };
  }

  /** Every article, newest first, read a KV page and a bulk read at a time (for exports). */
  async *allArticles(): AsyncGenerator<Article> {
    const prefix = articlePrefix(this.user);
    for (let cursor: string | undefined, done = false; !done; ) {
      const page = await this.listPage(prefix, cursor, KV_PAGE_MAX);
      const ids = page.keys.map((key) => key.name.slice(prefix.length));
      for (let start = 0; start < ids.length; start += KV_BULK_GET_MAX) yield* await this.getArticles(ids.slice(start, start + KV_BULK_GET_MAX));
      [cursor, done] = page.list_complete ? [undefined, true] : [page.cursor, false];
    }
  }

  /** Those of `ids` that are this user's articles, in the order given. */
  async articlesById(ids: string[]): Promise<Article[]> {
    return this.getArticles(ids.filter(isArticleId));
  }

  /** The newest `count` articles, whole (for the feed): one list call and bulk reads. */
  async latestArticles(count: number): Promise<Article[]> {
    const page = await this.listPage(articlePrefix(this.user), undefined, count);
    return this.getArticles(page.keys.map((key) => key.name.slice(articlePrefix(this.user).length)));
  }

  /** Newest first, drawn from key metadata alone: one KV list call per page. */
  async listArticles(options: ListOptions): Promise<ArticleList> {
    const prefix = articlePrefix(this.user);
    const found: ArticleSummary[] = [];
    let position: ListPosition = options.cursor ? decodeCursor(options.cursor) : START;

    for (let pagesRead = 0; pagesRead < LIST_MAX_PAGES; pagesRead++) {
      const wanted = options.limit - found.length;
      // Read exactly what is wanted so the next page starts at a KV cursor.
      const page = await this.listPage(prefix, position.c, Math.min(KV_PAGE_MAX, position.s + wanted));
      for (let index = position.s; index < page.keys.length; index++) {
        const key = page.keys[index]!;
        found.push(summaryFrom(key.name.slice(prefix.length), key.metadata));
        if (found.length === options.limit) {
          const next = index + 1 < page.keys.length ? { c: position.c, s: index + 1 } : nextPage(page);
          return { articles: found, cursor: next ? encodeCursor(next) : null };
        }
      }
      const next = nextPage(page);
      if (!next) return { articles: found, cursor: null };
      position = next;
    }
    return { articles: found, cursor: encodeCursor(position) };
  }

  /**
   * Full-text search (search.ts), best match first, each hit with a snippet of where it
   * matched. The cursor is the offset of the next page.
   */
  async searchArticles(options: SearchOptions): Promise<ArticleList> {
    if (!this.search) throw new Error('searching needs the D1 index');
    const offset = options.cursor ? decodeSearchCursor(options.cursor) : 0;
    const { hits, more } = await this.search.search(options.q, options.limit, offset);
    return { articles: hits, cursor: more ? encodeSearchCursor(offset + hits.length) : null };
  }

  private async listPage(prefix: string, cursor: string | undefined, limit: number) {
    try {
      return await this.namespace.list<ArticleListMetadata>({ prefix, cursor, limit });
    } catch (error) {
      // A cursor that KV does not recognise is the client's mistake, not an outage.
      if (cursor !== undefined && /cursor/i.test(String(error))) throw badCursor();
      throw new StorageError('KV list failed', { cause: error });
    }
  }
}

function nextPage(page: KVNamespaceListResult<ArticleListMetadata>): ListPosition | null {
  return page.list_complete ? null : { c: page.cursor, s: 0 };
}

function summaryFrom(id: string, metadata: ArticleListMetadata | null | undefined): ArticleSummary {
  return {
    id,
    captureId: captureIdOf(id),
    title: metadata?.t ?? '',
    summary: metadata?.s ?? '',
    ...(metadata?.u !== undefined && { url: metadata.u }),
    capturedAt: metadata?.c ?? '',
  };
}
