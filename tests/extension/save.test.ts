// The background's save path with WXT's fake browser: what happens to a capture for each way
// the server can answer. fetch is replaced by a stand-in server here; the E2E tests use the real one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { savePastedText } from '../../extension/entrypoints/background/save';
import { retryWaitingCaptures } from '../../extension/entrypoints/background/queue';
import { ApiFailure } from '../../extension/utils/api-failure';
import { FIRST_RETRY_MS } from '../../extension/utils/capture-queue';
import { setLanguage } from '../../extension/utils/i18n';
import { apiTokenItem, articleCacheItem, pendingCapturesItem } from '../../extension/utils/storage';
import { captureResponse } from './fixtures';

const TEXT = '上半年重庆工业经济增加值同比增长8.6%\n今年上半年全市规上工业增加值同比增长8.6%。';

/** Answers every request with `answer`, recording the requests. */
function serverAnswering(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    return answer(request);
  });
  return requests;
}

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('saving a capture', () => {
  beforeEach(async () => {
    await fakeBrowser.reset();
    setLanguage('en');
    await apiTokenItem.setValue('tok');
  });
  // Only the fetch stand-in: WXT's test setup stubs globals (chrome) that must stay.
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('stores the answer in the local cache when the server takes it', async () => {
    const requests = serverAnswering(async (request) => json(captureResponse(await request.json(), ['a1', 'a2']), 201));
    const actual = await savePastedText(TEXT);
    expect(actual).toMatchObject({ status: 'saved', waiting: 0 });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer tok');
    expect((await articleCacheItem.getValue()).map((article) => article.id)).toEqual(['a1', 'a2']);
  });

  it.each([
    ['the server is unreachable', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['the server fails (503)', () => json({ error: { code: 'storage_unavailable', message: 'KV down' } }, 503)],
  ])('queues the capture and sets a retry alarm when %s', async (_case, answer) => {
    serverAnswering(answer);
    const before = Date.now();
    const actual = await savePastedText(TEXT);
    expect(actual).toEqual({ status: 'queued', waiting: 1 });
    const [pending] = await pendingCapturesItem.getValue();
    expect(pending?.input).toMatchObject({ text: TEXT, source: 'paste' });
    const alarm = await fakeBrowser.alarms.get('retry-captures');
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + FIRST_RETRY_MS);
  });

  it('does not queue what the server refuses (422), and says why', async () => {
    serverAnswering(() => json({ error: { code: 'nothing_to_keep', message: 'no text' } }, 422));
    await expect(savePastedText('。。。')).rejects.toThrowError(/nothing to save/);
    expect(await pendingCapturesItem.getValue()).toEqual([]);
  });

  it('refuses empty text without calling the server', async () => {
    const requests = serverAnswering(() => json({}, 500));
    await expect(savePastedText('   \n ')).rejects.toBeInstanceOf(ApiFailure);
    expect(requests).toHaveLength(0);
  });

  it('sends a queued capture once the server is back, then clears the alarm', async () => {
    serverAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    await savePastedText(TEXT);
    const requests = serverAnswering(async (request) => json(captureResponse(await request.json(), ['a1']), 201));
    expect(await retryWaitingCaptures({ force: true })).toEqual({ sent: 1, refused: 0, waiting: 0 });
    expect(requests).toHaveLength(1);
    expect(await pendingCapturesItem.getValue()).toEqual([]);
    expect(await fakeBrowser.alarms.get('retry-captures')).toBeUndefined();
    expect((await articleCacheItem.getValue()).map((article) => article.id)).toEqual(['a1']);
  });
});
