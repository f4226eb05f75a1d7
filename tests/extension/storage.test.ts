import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  forgetArticle,
  isUrlSaved,
  LOCAL_GRACE_MS,
  mergeFirstPage,
  recordSavedCapture,
  refreshCacheFromFirstPage,
  searchCached,
} from '../../extension/utils/article-cache';
import {
  apiTokenItem,
  ARTICLE_CACHE_LIMIT,
  articleBodiesItem,
  articleCacheItem,
  DEFAULT_SERVER_URL,
  pendingCapturesItem,
  serverUrlItem,
  type CachedArticle,
} from '../../extension/utils/storage';
import { article, captureInput, captureResponse } from './fixtures';

const NOW = Date.UTC(2024, 6, 30, 8);

function cached(id: string, savedLocallyAt?: number): CachedArticle {
  const { title, summary, captureId, capturedAt, url } = article(id);
  return { id, title, summary, captureId, capturedAt, url, savedLocallyAt };
}

describe('storage items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to the local dev worker, no token and empty lists', async () => {
    expect(await serverUrlItem.getValue()).toBe(DEFAULT_SERVER_URL);
    expect(await apiTokenItem.getValue()).toBe('');
    expect(await articleCacheItem.getValue()).toEqual([]);
    expect(await pendingCapturesItem.getValue()).toEqual([]);
  });

  it('keeps values in local storage, where they survive a browser restart', async () => {
    await serverUrlItem.setValue('https://baozhai.example.workers.dev');
    await apiTokenItem.setValue('tok');
    const actual = await fakeBrowser.storage.local.get(['serverUrl', 'apiToken']);
    expect(actual).toEqual({ serverUrl: 'https://baozhai.example.workers.dev', apiToken: 'tok' });
  });
});

describe('article cache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('puts a saved capture\'s articles on top, keeps their text and marks the page as saved', async () => {
    await articleCacheItem.setValue([cached('old')]);
    const input = captureInput();
    await recordSavedCapture(input, captureResponse(input, ['n1', 'n2']));
    const actual = await articleCacheItem.getValue();
    expect(actual.map((item) => item.id)).toEqual(['n1', 'n2', 'old']);
    expect(actual[0]?.savedLocallyAt).toBeTypeOf('number');
    expect(Object.keys(await articleBodiesItem.getValue()).sort()).toEqual(['n1', 'n2']);
    expect(await isUrlSaved(`${input.url}#top`)).toBe(true);
    expect(await isUrlSaved('https://epaper.example.com/other.html')).toBe(false);
  });

  it('shows just-saved articles the server list does not have yet, but not stale ones', () => {
    const server = [cached('s1'), cached('s2')];
    const local = [cached('fresh', NOW - 1000), cached('stale', NOW - LOCAL_GRACE_MS - 1), cached('s1', NOW - 1000)];
    const actual = mergeFirstPage(server, local, { hasMore: false, now: NOW });
    expect(actual.map((item) => item.id)).toEqual(['fresh', 's1', 's2']);
  });

  it('leaves a just-saved article older than a full first page to the later pages', () => {
    const at = (iso: string) => ({ capturedAt: iso });
    const server = [{ ...cached('s1'), ...at('2024-07-31T10:00:00.000Z') }, { ...cached('s2'), ...at('2024-07-31T09:00:00.000Z') }];
    const local = [
      { ...cached('lagging', NOW - 1000), ...at('2024-07-31T11:00:00.000Z') },
      { ...cached('older', NOW - 1000), ...at('2024-07-31T08:00:00.000Z') },
    ];
    expect(mergeFirstPage(server, local, { hasMore: true, now: NOW }).map((item) => item.id)).toEqual(['lagging', 's1', 's2']);
    expect(mergeFirstPage(server, local, { hasMore: false, now: NOW }).map((item) => item.id)).toEqual(['lagging', 'older', 's1', 's2']);
  });

  it('drops articles deleted elsewhere when the server list is complete', async () => {
    await articleCacheItem.setValue([cached('gone'), cached('s1')]);
    const actual = await refreshCacheFromFirstPage([cached('s1')], false, NOW);
    expect(actual.map((item) => item.id)).toEqual(['s1']);
    expect((await articleCacheItem.getValue()).map((item) => item.id)).toEqual(['s1']);
  });

  it('keeps older cached articles below the first page when the server has more pages', async () => {
    await articleCacheItem.setValue([cached('s1'), cached('older')]);
    await refreshCacheFromFirstPage([cached('s0'), cached('s1')], true, NOW);
    expect((await articleCacheItem.getValue()).map((item) => item.id)).toEqual(['s0', 's1', 'older']);
  });

  it('never grows past its limit', async () => {
    await articleCacheItem.setValue(Array.from({ length: ARTICLE_CACHE_LIMIT }, (_, index) => cached(`c${index}`)));
    const input = captureInput();
    await recordSavedCapture(input, captureResponse(input, ['new']));
    const actual = await articleCacheItem.getValue();
    expect(actual).toHaveLength(ARTICLE_CACHE_LIMIT);
    expect(actual[0]?.id).toBe('new');
  });

  it('forgets a deleted article and its text', async () => {
    const input = captureInput();
    await recordSavedCapture(input, captureResponse(input, ['a', 'b']));
    await forgetArticle('a');
    expect((await articleCacheItem.getValue()).map((item) => item.id)).toEqual(['b']);
    expect(Object.keys(await articleBodiesItem.getValue())).toEqual(['b']);
  });

  it('searches titles and summaries offline', () => {
    const input = [cached('x1'), { ...cached('x2'), title: '重庆工业增长' }];
    expect(searchCached(input, '工业').map((item) => item.id)).toEqual(['x2']);
    expect(searchCached(input, '  ')).toHaveLength(2);
  });
});
