// Captures that could not reach the server wait here, in persisted storage, and are retried
// with growing delays until the server answers. A refusal (4xx) is not retried but kept to show.
import type { CaptureInput, CaptureResponse } from '../../shared/src/schemas';
import { ApiFailure } from './api-failure';
import { pendingCapturesItem, refusedCapturesItem, type PendingCapture, type RefusedCapture } from './storage';

export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 30 * 60_000;
const REFUSED_LIMIT = 20;

/** Delay before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min … up to 30 min. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** Same text from the same address is the same capture (the server dedupes it the same way). */
export async function captureKey(input: CaptureInput): Promise<string> {
  const bytes = new TextEncoder().encode(`${input.url ?? ''}\n${input.text}`);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest).slice(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

// Every change to the queue goes through this chain, so an enqueue during a flush is never lost.
let queueLock: Promise<unknown> = Promise.resolve();
function withQueueLock<T>(task: () => Promise<T>): Promise<T> {
  const run = queueLock.then(task, task);
  queueLock = run.catch(() => undefined);
  return run;
}

/** Adds a capture to the queue unless the same one is already waiting; returns how many wait. */
export function enqueueCapture(input: CaptureInput, reason: string, now = Date.now()): Promise<number> {
  return withQueueLock(async () => {
    const key = await captureKey(input);
    const pending = await pendingCapturesItem.getValue();
    if (pending.some((item) => item.key === key)) return pending.length;
    // A new array: the value read may be the item's shared fallback, which must stay empty.
    const next = [...pending, { key, input, queuedAt: now, attempts: 1, nextAttemptAt: now + backoffMs(1), lastError: reason }];
    await pendingCapturesItem.setValue(next);
    return next.length;
  });
}

export async function waitingCount(): Promise<number> {
  return (await pendingCapturesItem.getValue()).length;
}

/** When the next waiting capture is due, for the retry alarm; undefined when none waits. */
export async function nextAttemptAt(): Promise<number | undefined> {
  const pending = await pendingCapturesItem.getValue();
  if (pending.length === 0) return undefined;
  return Math.min(...pending.map((item) => item.nextAttemptAt));
}

/**
 * A refusal caused by the extension's settings (no server, bad token) says nothing about the
 * capture: it keeps waiting until the user fixes the settings, instead of being dropped.
 */
function isSettingsProblem(error: ApiFailure): boolean {
  return error.kind === 'no-server' || error.kind === 'bad-server-url' || error.kind === 'no-token' || error.kind === 'unauthorized';
}

export interface FlushDependencies {
  send(input: CaptureInput): Promise<CaptureResponse>;
  onSaved(input: CaptureInput, response: CaptureResponse): Promise<void>;
  now?(): number;
}

export interface FlushResult {
  sent: number;
  refused: number;
  waiting: number;
}

/**
 * Sends the captures that are due (all of them when `force`), oldest first. Stops at the first
 * one the server cannot take now: the others would fail the same way.
 */
export function flushQueue(deps: FlushDependencies, options: { force?: boolean } = {}): Promise<FlushResult> {
  return withQueueLock(async () => {
    const now = deps.now?.() ?? Date.now();
    const pending = [...(await pendingCapturesItem.getValue())].sort((a, b) => a.queuedAt - b.queuedAt);
    const remaining: PendingCapture[] = [];
    const refusals: RefusedCapture[] = [];
    let sent = 0;
    let serverDown = false;
    for (const item of pending) {
      if (serverDown || (!options.force && item.nextAttemptAt > now)) {
        remaining.push(item);
        continue;
      }
      try {
        const response = await deps.send(item.input);
        sent += 1;
        await deps.onSaved(item.input, response);
      } catch (error) {
        if (error instanceof ApiFailure && !error.retryable && !isSettingsProblem(error)) {
          refusals.push({ title: item.input.title ?? item.input.url ?? '', message: error.message, at: now });
          continue;
        }
        serverDown = true;
        const attempts = item.attempts + 1;
        remaining.push({
          ...item,
          attempts,
          nextAttemptAt: now + backoffMs(attempts),
          lastError: error instanceof Error ? error.message : String(error),
        });
      }
    }
    await pendingCapturesItem.setValue(remaining);
    if (refusals.length > 0) {
      const earlier = await refusedCapturesItem.getValue();
      await refusedCapturesItem.setValue([...refusals, ...earlier].slice(0, REFUSED_LIMIT));
    }
    return { sent, refused: refusals.length, waiting: remaining.length };
  });
}
