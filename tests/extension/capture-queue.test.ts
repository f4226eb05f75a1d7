import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureInput, CaptureResponse } from '../../shared/src/schemas';
import { ApiFailure } from '../../extension/utils/api-failure';
import {
  backoffMs,
  enqueueCapture,
  FIRST_RETRY_MS,
  flushQueue,
  MAX_RETRY_MS,
  nextAttemptAt,
  waitingCount,
} from '../../extension/utils/capture-queue';
import { pendingCapturesItem, refusedCapturesItem } from '../../extension/utils/storage';
import { captureInput, captureResponse } from './fixtures';

const NOW = Date.UTC(2024, 6, 30, 8);

/** A server stand-in that answers with the given outcomes in turn and records what it was sent. */
function serverAnswering(...outcomes: Array<'ok' | ApiFailure>) {
  const sent: CaptureInput[] = [];
  const saved: CaptureInput[] = [];
  return {
    sent,
    saved,
    deps: {
      now: () => NOW,
      async send(input: CaptureInput): Promise<CaptureResponse> {
        sent.push(input);
        const outcome = outcomes.shift() ?? 'ok';
        if (outcome !== 'ok') throw outcome;
        return captureResponse(input, ['a1']);
      },
      async onSaved(input: CaptureInput) {
        saved.push(input);
      },
    },
  };
}

const unreachable = () => new ApiFailure('unreachable', 'The server cannot be reached.');
const serverError = () => new ApiFailure('server-error', 'The server had a problem.', 503);
const nothingToSave = () => new ApiFailure('nothing-to-save', 'There is nothing to save.', 422);

describe('backoffMs', () => {
  it.each([
    [1, FIRST_RETRY_MS],
    [2, FIRST_RETRY_MS * 2],
    [3, FIRST_RETRY_MS * 4],
    [20, MAX_RETRY_MS],
  ])('after %i failed attempts waits %i ms', (attempts, expected) => {
    expect(backoffMs(attempts)).toBe(expected);
  });
});

describe('capture queue', () => {
  beforeEach(async () => {
    await fakeBrowser.reset();
  });

  it('keeps a queued capture in persisted storage, once even when queued twice', async () => {
    const input = captureInput();
    expect(await enqueueCapture(input, 'offline', NOW)).toBe(1);
    expect(await enqueueCapture({ ...input }, 'offline again', NOW + 5)).toBe(1);
    const stored = await fakeBrowser.storage.local.get('pendingCaptures');
    expect(stored.pendingCaptures).toHaveLength(1);
    expect(await nextAttemptAt()).toBe(NOW + FIRST_RETRY_MS);
  });

  it('queues different texts from the same page separately', async () => {
    await enqueueCapture(captureInput({ text: '第一段文字' }), 'offline', NOW);
    expect(await enqueueCapture(captureInput({ text: '第二段文字' }), 'offline', NOW)).toBe(2);
  });

  it('does not send a capture before its retry time unless forced', async () => {
    await enqueueCapture(captureInput(), 'offline', NOW);
    const server = serverAnswering('ok');
    expect(await flushQueue(server.deps)).toEqual({ sent: 0, refused: 0, waiting: 1 });
    expect(server.sent).toHaveLength(0);
    expect(await flushQueue(server.deps, { force: true })).toEqual({ sent: 1, refused: 0, waiting: 0 });
    expect(server.saved).toEqual([captureInput()]);
    expect(await waitingCount()).toBe(0);
  });

  it('backs off further after each failed retry and keeps the capture', async () => {
    await enqueueCapture(captureInput(), 'offline', NOW - FIRST_RETRY_MS);
    const server = serverAnswering(serverError(), unreachable());
    await flushQueue(server.deps);
    let [item] = await pendingCapturesItem.getValue();
    expect(item?.attempts).toBe(2);
    expect(item?.nextAttemptAt).toBe(NOW + FIRST_RETRY_MS * 2);
    await flushQueue(server.deps, { force: true });
    [item] = await pendingCapturesItem.getValue();
    expect(item?.attempts).toBe(3);
    expect(item?.nextAttemptAt).toBe(NOW + FIRST_RETRY_MS * 4);
    expect(server.sent).toHaveLength(2);
  });

  it('stops at the first failure instead of trying every waiting capture against a dead server', async () => {
    await enqueueCapture(captureInput({ text: '甲' }), 'offline', NOW - 3);
    await enqueueCapture(captureInput({ text: '乙' }), 'offline', NOW - 2);
    await enqueueCapture(captureInput({ text: '丙' }), 'offline', NOW - 1);
    const server = serverAnswering(unreachable());
    expect(await flushQueue(server.deps, { force: true })).toEqual({ sent: 0, refused: 0, waiting: 3 });
    expect(server.sent.map((input) => input.text)).toEqual(['甲']);
  });

  it('drops a capture the server refuses (4xx) and keeps the refusal to show', async () => {
    await enqueueCapture(captureInput({ text: '   ', title: '空白页' }), 'offline', NOW);
    await enqueueCapture(captureInput({ text: '正文' }), 'offline', NOW + 1);
    const server = serverAnswering(nothingToSave(), 'ok');
    expect(await flushQueue(server.deps, { force: true })).toEqual({ sent: 1, refused: 1, waiting: 0 });
    const refused = await refusedCapturesItem.getValue();
    expect(refused).toEqual([{ title: '空白页', message: 'There is nothing to save.', at: NOW }]);
  });

  it('keeps captures waiting when the token is refused: the settings, not the capture, are wrong', async () => {
    await enqueueCapture(captureInput(), 'offline', NOW);
    const server = serverAnswering(new ApiFailure('unauthorized', 'Check your token.', 401));
    expect(await flushQueue(server.deps, { force: true })).toEqual({ sent: 0, refused: 0, waiting: 1 });
  });

  it('sends each capture once when two flushes run at the same time', async () => {
    await enqueueCapture(captureInput(), 'offline', NOW);
    const server = serverAnswering('ok', 'ok');
    await Promise.all([flushQueue(server.deps, { force: true }), flushQueue(server.deps, { force: true })]);
    expect(server.sent).toHaveLength(1);
  });

  it('does not lose a capture queued while a flush is running', async () => {
    await enqueueCapture(captureInput({ text: '先' }), 'offline', NOW);
    const server = serverAnswering(unreachable());
    const flushing = flushQueue(server.deps, { force: true });
    const queuing = enqueueCapture(captureInput({ text: '后' }), 'offline', NOW);
    await Promise.all([flushing, queuing]);
    expect((await pendingCapturesItem.getValue()).map((item) => item.input.text).sort()).toEqual(['先', '后'].sort());
  });
});

describe('a queued capture with its article', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the structure through storage and sends it unchanged', async () => {
    const input: CaptureInput = {
      ...captureInput(),
      article: {
        title: '标题',
        byline: '记者 甲',
        blocks: [
          { kind: 'paragraph', text: '正文。' },
          { kind: 'heading', level: 2, text: '小标题' },
          { kind: 'caption', text: '图片说明。', credit: '记者 乙 摄' },
        ],
      },
    };
    await enqueueCapture(input, 'offline', NOW);
    const server = serverAnswering('ok');
    expect(await flushQueue(server.deps, { force: true })).toEqual({ sent: 1, refused: 0, waiting: 0 });
    expect(server.sent).toEqual([input]);
  });
});
