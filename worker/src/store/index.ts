// The only module that touches KV. An ArticleStore is bound to one user, so every key it
// reads or writes is inside that user's namespace: another user's ids simply are not found.
//
// KV has no transactions, so writes are ordered to make a crash harmless:
//   save:   articles first, capture record last. Until the capture record exists the save
//           is incomplete: a failed save waits for every article write to settle, then
//           deletes what it wrote, so a retry (with or without the same capturedAt) leaves
//           no orphan behind.
//   delete: articles first, capture record last, for the same reason.
// No key is shared between captures, so concurrent saves of different texts never meet.
//
// The same text saved twice at once is the one race: article ids carry the capture time (so
// that keys list newest first), and two saves that both find no record would write two sets
// of articles. Ids stay time-based (one key per article, articles + 1 writes, lists drawn
// from key metadata) and the race is closed where it can be:
//   - in one isolate, identical saves share one save (`saveOnce`): the first writes, the
//     others answer with its result;
//   - across isolates, a save looks for the record again right before writing its own, and
//     a save that finds one gives way: it deletes the articles it wrote (unless the record
//     names them) and answers with the first save.
// What remains is two isolates writing the record within one KV round trip of each other;
// closing that needs a Durable Object per user, which this design avoids.
import type { Article, ArticleDraft, ArticleList, ArticleSummary, Capture, CaptureSource } from '../../../shared/src';
import { StorageError } from '../lib/errors';
import { badCursor, decodeCursor, encodeCursor, START, type ListPosition } from './cursor';
import { articleIdFor, captureIdOf, isArticleId, isCaptureId, MAX_ARTICLES_PER_CAPTURE } from './ids';
import { articleKey, articlePrefix, captureKey } from './keys';
import { listMetadata, metadataMatches, searchWords, type ArticleListMetadata } from './metadata';

export { captureIdFor, MAX_ARTICLES_PER_CAPTURE } from './ids';

/** KV returns at most this many keys per list call. */
const KV_PAGE_MAX = 1000;
/** A search reads at most this many KV pages per request, then hands back a cursor. */
const SEARCH_MAX_PAGES = 5;
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
  /** False when the capture was already stored (or another save of it finished first). */
  created: boolean;
}

/** Saves under way in this isolate, by user and capture id. */
const savesInFlight = new Map<string, Promise<SaveOutcome>>();

export interface ListOptions {
  limit: number;
  cursor?: string;
  q?: string;
}

async function kv<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new StorageError(`KV ${operation} failed`, { cause: error });
  }
}

export class ArticleStore {
  constructor(
    private readonly namespace: KVNamespace,
    private readonly user: string,
  ) {}

  async getArticle(id: string): Promise<Article | null> {
    if (!isArticleId(id)) return null;
    return kv('get', () => this.namespace.get<Article>(articleKey(this.user, id), 'json'));
  }

  async getCapture(id: string): Promise<CaptureWithArticles | null> {
    if (!isCaptureId(id)) return null;
    const capture = await kv('get', () => this.namespace.get<Capture>(captureKey(this.user, id), 'json'));
    if (!capture) return null;
    const found = await Promise.all(capture.articleIds.map((articleId) => this.getArticle(articleId)));
    // Articles deleted one by one leave the capture; it lists only those still there.
    const articles = found.filter((article): article is Article => article !== null);
    return { capture: { ...capture, articleIds: articles.map((article) => article.id) }, articles };
  }

  /**
   * Saves the capture `id` unless it is stored already: `prepare` (the pipeline) runs only
   * when it is not. Identical saves arriving together in this isolate share one save.
   */
  async saveOnce(id: string, prepare: () => NewCapture): Promise<SaveOutcome> {
    const flightKey = `${this.user}:${id}`;
    const inFlight = savesInFlight.get(flightKey);
    if (inFlight) return { saved: (await inFlight).saved, created: false };
    const save = (async (): Promise<SaveOutcome> => {
      // The same text and url again: answer with the first save (unless all its articles were deleted).
      const existing = await this.getCapture(id);
      if (existing && existing.articles.length > 0) return { saved: existing, created: false };
      return this.saveCapture(prepare());
    })();
    savesInFlight.set(flightKey, save);
    try {
      return await save;
    } finally {
      savesInFlight.delete(flightKey);
    }
  }

  async saveCapture(input: NewCapture): Promise<SaveOutcome> {
    if (input.drafts.length > MAX_ARTICLES_PER_CAPTURE) {
      throw new RangeError(`at most ${MAX_ARTICLES_PER_CAPTURE} articles per capture`);
    }
    const createdAt = new Date().toISOString();
    const articles: Article[] = input.drafts.map((draft, index) => ({
      ...draft,
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
    const articleKeys = articles.map((article) => articleKey(this.user, article.id));
    // allSettled, not all: a write still in flight when another fails would land after the
    // undo below and stay behind as an orphan.
    const writes = await Promise.allSettled(
      articles.map((article, index) => this.namespace.put(articleKeys[index]!, JSON.stringify(article), { metadata: listMetadata(article) })),
    );
    const failed = writes.find((write): write is PromiseRejectedResult => write.status === 'rejected');
    if (failed) await this.undoArticleWrites(capture.id, articleKeys, failed.reason);

    // Another isolate may have saved the same text meanwhile: the first record stays.
    const first = await this.getCapture(capture.id).catch(() => null);
    if (first && first.articles.length > 0) {
      const theirs = new Set(first.capture.articleIds);
      await Promise.allSettled(articles.filter((article) => !theirs.has(article.id)).map((article) => this.namespace.delete(articleKey(this.user, article.id))));
      return { saved: first, created: false };
    }
    try {
      await this.namespace.put(captureKey(this.user, capture.id), JSON.stringify(capture));
    } catch (error) {
      await this.undoArticleWrites(capture.id, articleKeys, error);
    }
    return { saved: { capture, articles }, created: true };
  }

  /**
   * Deletes the article keys a failed save wrote (best effort), except any a stored record of
   * the same capture names (a concurrent save with the same capturedAt wrote the same keys),
   * then throws: a retry without the same capturedAt would write other keys, so these would
   * otherwise stay behind as orphans.
   */
  private async undoArticleWrites(captureId: string, keys: string[], cause: unknown): Promise<never> {
    const record = await this.namespace.get<Capture>(captureKey(this.user, captureId), 'json').catch(() => null);
    const kept = new Set((record?.articleIds ?? []).map((id) => articleKey(this.user, id)));
    await Promise.allSettled(keys.filter((key) => !kept.has(key)).map((key) => this.namespace.delete(key)));
    throw new StorageError('KV put failed', { cause });
  }

  /** False when there was no such article. */
  async deleteArticle(id: string): Promise<boolean> {
    if (!(await this.getArticle(id))) return false;
    await kv('delete', () => this.namespace.delete(articleKey(this.user, id)));
    return true;
  }

  /** Deletes the capture and its articles; false when there was no such capture. */
  async deleteCapture(id: string): Promise<boolean> {
    if (!isCaptureId(id)) return false;
    const capture = await kv('get', () => this.namespace.get<Capture>(captureKey(this.user, id), 'json'));
    if (!capture) return false;
    await kv('delete', () =>
      Promise.all(capture.articleIds.map((articleId) => this.namespace.delete(articleKey(this.user, articleId)))),
    );
    await kv('delete', () => this.namespace.delete(captureKey(this.user, id)));
    return true;
  }

  /**
   * Newest first, drawn from key metadata alone. Without `q` this is one KV list call per
   * page. With `q` it reads KV pages until `limit` matches are found or SEARCH_MAX_PAGES
   * pages were read; the cursor then continues the search (a page may have no matches).
   */
  async listArticles(options: ListOptions): Promise<ArticleList> {
    const prefix = articlePrefix(this.user);
    const words = options.q ? searchWords(options.q) : [];
    const matches = (metadata: ArticleListMetadata | null | undefined) => words.length === 0 || metadataMatches(metadata, words);
    const found: ArticleSummary[] = [];
    let position: ListPosition = options.cursor ? decodeCursor(options.cursor) : START;

    for (let pagesRead = 0; pagesRead < (words.length > 0 ? SEARCH_MAX_PAGES : LIST_MAX_PAGES); pagesRead++) {
      const wanted = options.limit - found.length;
      // Unfiltered, read exactly what is wanted so the next page starts at a KV cursor.
      const pageSize = words.length > 0 ? KV_PAGE_MAX : Math.min(KV_PAGE_MAX, position.s + wanted);
      const page = await this.listPage(prefix, position.c, pageSize);
      for (let index = position.s; index < page.keys.length; index++) {
        const key = page.keys[index]!;
        if (!matches(key.metadata)) continue;
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
