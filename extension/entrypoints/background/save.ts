// Saving: capture the tab's text (or take pasted text), send it, and keep it in the queue
// when the server cannot take it now.
import { browser } from 'wxt/browser';
import { MAX_TEXT_CHARS, MAX_TITLE_CHARS, type CaptureInput } from '../../../shared/src/schemas';
import { ApiFailure, isRetryable } from '../../utils/api-failure';
import { recordSavedCapture, summaryOf } from '../../utils/article-cache';
import { enqueueCapture, waitingCount } from '../../utils/capture-queue';
import { messages } from '../../utils/i18n';
import type { SaveOutcome } from '../../utils/messaging';
import { httpUrlOrUndefined, textCaptureInput } from '../../utils/capture-input';
import type { PageCapture } from '../../utils/page-capture';
import { pdfLayoutThatFits } from '../../utils/pdf-layout';
import type { PdfReading } from '../../utils/pdf-text';
import { currentApiClient } from './client';
import { readPdfFromBase64 } from './pdf';
import { scheduleQueueRetry } from './queue';

/** Thrown for captures that cannot be made at all; the message is shown to the user. */
export class CaptureError extends Error {
  override readonly name = 'CaptureError';
}

/** Sends a capture; on a network failure or a 5xx the capture is queued instead of lost. */
export async function saveCapture(input: CaptureInput): Promise<SaveOutcome> {
  if (!input.text.trim()) throw new ApiFailure('nothing-to-save', messages().errorNothingToSave);
  if (input.text.length > MAX_TEXT_CHARS) throw new ApiFailure('too-large', messages().errorTooLarge);
  const client = await currentApiClient();
  try {
    const response = await client.saveCapture(input);
    await recordSavedCapture(input, response);
    return {
      status: 'saved',
      captureId: response.capture.id,
      articles: response.articles.map(summaryOf),
      alreadySaved: !response.created,
      waiting: await waitingCount(),
    };
  } catch (error) {
    if (!isRetryable(error)) throw error;
    const waiting = await enqueueCapture(input, error instanceof Error ? error.message : String(error));
    await scheduleQueueRetry();
    return { status: 'queued', waiting };
  }
}

/** Runs the capture script in the tab: allowed by the activeTab grant of the user's click. */
async function capturePage(tabId: number): Promise<PageCapture> {
  let results;
  try {
    results = await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/capture.js'] });
  } catch {
    throw new CaptureError(messages().errorCannotCapture);
  }
  const capture = results[0]?.result as PageCapture | undefined;
  if (!capture) throw new CaptureError(messages().errorCannotCapture);
  return capture;
}

async function captureInputFromTab(tabId: number): Promise<CaptureInput> {
  const capture = await capturePage(tabId);
  const capturedAt = new Date().toISOString();
  const title = capture.title.slice(0, MAX_TITLE_CHARS) || undefined;
  const url = httpUrlOrUndefined(capture.url);
  if (capture.kind === 'pdf') {
    let reading: PdfReading;
    try {
      reading = await readPdfFromBase64(capture.base64);
    } catch {
      throw new CaptureError(messages().errorPdf);
    }
    return { text: reading.text, url, title, capturedAt, source: 'pdf', ...pdfLayoutThatFits(reading.pdf) };
  }
  return textCaptureInput(capture, capturedAt);
}

export async function activeTabId(): Promise<number> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) throw new CaptureError(messages().errorCannotCapture);
  return tab.id;
}

export async function saveTab(tabId?: number): Promise<SaveOutcome> {
  const input = await captureInputFromTab(tabId ?? (await activeTabId()));
  return saveCapture(input);
}

export function savePastedText(text: string): Promise<SaveOutcome> {
  return saveCapture({ text, source: 'paste', capturedAt: new Date().toISOString() });
}
