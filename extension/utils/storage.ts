// Every value the extension keeps, in one place. All live in `local:` storage so they
// survive a browser restart (the pending-capture queue must never be lost).
import { storage } from 'wxt/utils/storage';
import type { Article, ArticleSummary, CaptureInput } from '../../shared/src/schemas';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

/** How many article summaries the popup keeps for drawing its list instantly and offline. */
export const ARTICLE_CACHE_LIMIT = 2000;
/** How many whole articles are kept for reading offline. */
export const ARTICLE_BODY_LIMIT = 200;
/** How many saved page URLs the badge remembers. */
export const SAVED_URL_LIMIT = 1000;

/** An article summary as the popup lists it; `savedLocallyAt` marks one this browser saved. */
export type CachedArticle = ArticleSummary & { savedLocallyAt?: number };

/** A capture that could not reach the server yet. */
export interface PendingCapture {
  /** Stable key of the capture's content, so the same page is never queued twice. */
  key: string;
  input: CaptureInput;
  queuedAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
}

/** A capture the server refused (4xx): not retried, but shown to the user once. */
export interface RefusedCapture {
  title: string;
  message: string;
  at: number;
}

export const serverUrlItem = storage.defineItem<string>('local:serverUrl', {
  fallback: DEFAULT_SERVER_URL,
  version: 1,
});

export const apiTokenItem = storage.defineItem<string>('local:apiToken', {
  fallback: '',
  version: 1,
});

export const articleCacheItem = storage.defineItem<CachedArticle[]>('local:articleCache', {
  fallback: [],
  version: 1,
});

/** The first screenful of the cached list, small enough to read and draw at once when the popup opens. */
export const ARTICLE_CACHE_HEAD = 40;
export const articleCacheHeadItem = storage.defineItem<CachedArticle[]>('local:articleCacheHead', {
  fallback: [],
  version: 1,
});

export const articleBodiesItem = storage.defineItem<Record<string, Article>>('local:articleBodies', {
  fallback: {},
  version: 1,
});

export const pendingCapturesItem = storage.defineItem<PendingCapture[]>('local:pendingCaptures', {
  fallback: [],
  version: 1,
});

export const refusedCapturesItem = storage.defineItem<RefusedCapture[]>('local:refusedCaptures', {
  fallback: [],
  version: 1,
});

export const savedPageUrlsItem = storage.defineItem<string[]>('local:savedPageUrls', {
  fallback: [],
  version: 1,
});
