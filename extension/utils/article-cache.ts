// The popup's local copy of the article list (so it opens instantly and works offline) and
// of whole articles recently saved or read.
import type { Article, ArticleSummary, CaptureInput, CaptureResponse } from '../../shared/src/schemas';
import {
  ARTICLE_BODY_LIMIT,
  ARTICLE_CACHE_HEAD,
  ARTICLE_CACHE_LIMIT,
  articleBodiesItem,
  articleCacheHeadItem,
  articleCacheItem,
  SAVED_URL_LIMIT,
  savedPageUrlsItem,
  type CachedArticle,
} from './storage';

/** KV lists can lag writes by up to a minute: locally saved articles are shown for longer than that. */
export const LOCAL_GRACE_MS = 5 * 60 * 1000;

export function summaryOf(article: Article): ArticleSummary {
  return {
    id: article.id,
    captureId: article.captureId,
    title: article.title,
    summary: article.summary,
    url: article.url,
    capturedAt: article.capturedAt,
  };
}

/** Replaces the cached list (and its first screenful, which the popup reads first). */
export async function writeArticleCache(articles: CachedArticle[]): Promise<void> {
  const kept = articles.slice(0, ARTICLE_CACHE_LIMIT);
  await articleCacheItem.setValue(kept);
  await articleCacheHeadItem.setValue(kept.slice(0, ARTICLE_CACHE_HEAD));
}

function uniqueById<T extends { id: string }>(articles: T[]): T[] {
  const seen = new Set<string>();
  return articles.filter((article) => (seen.has(article.id) ? false : (seen.add(article.id), true)));
}

/** Puts just-saved articles at the top of the cached list and keeps their whole text. */
export async function rememberSavedArticles(articles: Article[], now = Date.now()): Promise<void> {
  const fresh: CachedArticle[] = articles.map((article) => ({ ...summaryOf(article), savedLocallyAt: now }));
  const cached = await articleCacheItem.getValue();
  await writeArticleCache(uniqueById([...fresh, ...cached]));
  await rememberArticleBodies(articles);
}

export async function rememberArticleBodies(articles: Article[]): Promise<void> {
  const bodies = await articleBodiesItem.getValue();
  const next: Record<string, Article> = {};
  for (const article of articles) next[article.id] = article;
  for (const [id, article] of Object.entries(bodies)) {
    if (Object.keys(next).length >= ARTICLE_BODY_LIMIT) break;
    if (!(id in next)) next[id] = article;
  }
  await articleBodiesItem.setValue(next);
}

/**
 * The list to show for the server's first page: the server's articles, with articles this
 * browser saved recently that the server's list does not show yet on top. When the server has
 * more pages, a local article older than this page's oldest belongs to a later page, not here.
 */
export function mergeFirstPage(
  serverPage: ArticleSummary[],
  cached: CachedArticle[],
  options: { hasMore: boolean; now?: number },
): CachedArticle[] {
  const now = options.now ?? Date.now();
  const onServer = new Set(serverPage.map((article) => article.id));
  const oldestShown = options.hasMore
    ? serverPage.reduce((oldest, article) => (article.capturedAt < oldest ? article.capturedAt : oldest), '\uffff')
    : '';
  const recentLocal = cached.filter(
    (article) =>
      article.savedLocallyAt !== undefined &&
      now - article.savedLocallyAt < LOCAL_GRACE_MS &&
      !onServer.has(article.id) &&
      article.capturedAt >= oldestShown,
  );
  const localById = new Map(cached.map((article) => [article.id, article]));
  const fromServer = serverPage.map((article) => ({ ...article, savedLocallyAt: localById.get(article.id)?.savedLocallyAt }));
  return uniqueById([...recentLocal, ...fromServer]);
}

/** Refreshes the cache from the server's first page, keeping older cached articles below it. */
export async function refreshCacheFromFirstPage(serverPage: ArticleSummary[], hasMore: boolean, now = Date.now()): Promise<CachedArticle[]> {
  const cached = await articleCacheItem.getValue();
  const merged = mergeFirstPage(serverPage, cached, { hasMore, now });
  // With no further page the server's list is complete: anything else cached was deleted elsewhere.
  const shown = new Set(merged.map((article) => article.id));
  const older = hasMore ? cached.filter((article) => !shown.has(article.id)) : [];
  await writeArticleCache([...merged, ...older]);
  return merged;
}

export async function forgetArticle(id: string): Promise<void> {
  const cached = await articleCacheItem.getValue();
  await writeArticleCache(cached.filter((article) => article.id !== id));
  const bodies = await articleBodiesItem.getValue();
  if (id in bodies) {
    const { [id]: _removed, ...rest } = bodies;
    await articleBodiesItem.setValue(rest);
  }
}

/** Cached articles matching a search, for when the server cannot be reached. */
export function searchCached(cached: CachedArticle[], query: string): CachedArticle[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return cached;
  return cached.filter((article) => `${article.title}\n${article.summary}`.toLowerCase().includes(needle));
}

/** The page address without its #fragment, which does not change the page. */
export function normalizePageUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

export async function rememberSavedUrl(url: string | undefined): Promise<void> {
  if (!url) return;
  const normalized = normalizePageUrl(url);
  const urls = await savedPageUrlsItem.getValue();
  await savedPageUrlsItem.setValue([normalized, ...urls.filter((saved) => saved !== normalized)].slice(0, SAVED_URL_LIMIT));
}

export async function isUrlSaved(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  return (await savedPageUrlsItem.getValue()).includes(normalizePageUrl(url));
}

/** What happens once the server has stored a capture, whether sent at once or from the queue. */
export async function recordSavedCapture(input: CaptureInput, response: CaptureResponse): Promise<void> {
  await rememberSavedArticles(response.articles);
  await rememberSavedUrl(input.url);
}
