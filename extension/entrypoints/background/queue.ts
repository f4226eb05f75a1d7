// Retries waiting captures: on an alarm at the next due time, when the browser starts, and
// whenever the popup asks.
import { browser } from 'wxt/browser';
import { flushQueue, nextAttemptAt, type FlushResult } from '../../utils/capture-queue';
import { currentApiClient } from './client';
import { recordSavedCapture } from '../../utils/article-cache';

const RETRY_ALARM = 'retry-captures';

export async function scheduleQueueRetry(): Promise<void> {
  const when = await nextAttemptAt();
  if (when === undefined) {
    await browser.alarms.clear(RETRY_ALARM);
    return;
  }
  // Chrome will not fire an alarm sooner than 30 s from now anyway.
  await browser.alarms.create(RETRY_ALARM, { when: Math.max(when, Date.now() + 1000) });
}

export async function retryWaitingCaptures(options: { force?: boolean } = {}): Promise<FlushResult> {
  const client = await currentApiClient();
  const result = await flushQueue({ send: (input) => client.saveCapture(input), onSaved: recordSavedCapture }, options);
  await scheduleQueueRetry();
  return result;
}

export function setUpCaptureQueue(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) void retryWaitingCaptures();
  });
  browser.runtime.onStartup.addListener(() => {
    void retryWaitingCaptures({ force: true });
  });
}
