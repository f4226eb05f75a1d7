// Answers the popup and the options page. Handlers throw; the sender gets the error's message.
import { ApiClient } from '../../utils/api';
import { ApiFailure } from '../../utils/api-failure';
import { forgetArticle, refreshCacheFromFirstPage, rememberArticleBodies, rememberSavedArticles, searchCached } from '../../utils/article-cache';
import { waitingCount } from '../../utils/capture-queue';
import { onMessage, type ArticlePage, type ConnectionTest, type QueueStatus } from '../../utils/messaging';
import { articleBodiesItem, articleCacheItem, refusedCapturesItem } from '../../utils/storage';
import { currentApiClient } from './client';
import { retryWaitingCaptures } from './queue';
import { showSaveResult } from './badge';
import { activeTabId, savePastedText, saveTab } from './save';

const PAGE_SIZE = 30;

async function queueStatus(): Promise<QueueStatus> {
  return { waiting: await waitingCount(), refused: await refusedCapturesItem.getValue() };
}

async function listArticles(q: string | undefined, cursor: string | null | undefined): Promise<ArticlePage> {
  const client = await currentApiClient();
  try {
    const page = await client.listArticles({ q, cursor, limit: PAGE_SIZE });
    if (q?.trim() || cursor) return { articles: page.articles, cursor: page.cursor, offline: false };
    const articles = await refreshCacheFromFirstPage(page.articles, page.cursor !== null);
    return { articles, cursor: page.cursor, offline: false };
  } catch (error) {
    // Offline: the first page (or a search) still works from the local cache.
    if (!(error instanceof ApiFailure) || !error.retryable || cursor) throw error;
    const cached = await articleCacheItem.getValue();
    return { articles: searchCached(cached, q ?? ''), cursor: null, offline: true };
  }
}

export function setUpMessageHandlers(): void {
  onMessage('saveTab', async ({ data }) => {
    const tabId = data.tabId ?? (await activeTabId());
    const saving = saveTab(tabId);
    void showSaveResult(tabId, saving);
    return saving;
  });
  onMessage('savePastedText', ({ data }) => savePastedText(data.text));
  onMessage('queueStatus', () => queueStatus());
  onMessage('flushQueue', async () => {
    await retryWaitingCaptures({ force: true }).catch(() => undefined);
    return queueStatus();
  });
  onMessage('dismissRefused', async () => {
    await refusedCapturesItem.setValue([]);
    return queueStatus();
  });
  onMessage('listArticles', ({ data }) => listArticles(data.q, data.cursor));
  onMessage('getArticle', async ({ data }) => {
    try {
      const article = await (await currentApiClient()).getArticle(data.id);
      await rememberArticleBodies([article]);
      return article;
    } catch (error) {
      const cached = (await articleBodiesItem.getValue())[data.id];
      if (cached && error instanceof ApiFailure && error.retryable) return cached;
      throw error;
    }
  });
  onMessage('getArticleMarkdown', async ({ data }) => (await currentApiClient()).getArticleMarkdown(data.id));
  onMessage('deleteArticle', async ({ data }) => {
    try {
      await (await currentApiClient()).deleteArticle(data.id);
    } catch (error) {
      // Already gone on the server: it should go from here too.
      if (!(error instanceof ApiFailure && error.kind === 'not-found')) throw error;
    }
    await forgetArticle(data.id);
  });
  onMessage('restoreArticle', async ({ data }) => {
    await (await currentApiClient()).restoreArticle(data.article.id);
    // Back at the top of the local list at once: the server's list may lag the restore.
    await rememberSavedArticles([data.article]);
  });
  onMessage('testConnection', async ({ data }): Promise<ConnectionTest> => {
    try {
      const { version } = await new ApiClient(data, { timeoutMs: 10_000 }).testConnection();
      return { ok: true, version };
    } catch (error) {
      return error instanceof ApiFailure
        ? { ok: false, kind: error.kind, message: error.message }
        : { ok: false, kind: 'unknown', message: error instanceof Error ? error.message : String(error) };
    }
  });
}
