// Ids, derived from content so that saving the same text twice finds the first copy.
//
// captureId = first 20 hex digits of SHA-256(user, normalized text, url).
// articleId = `${invertedTime}-${captureId}-${index}`:
//   - invertedTime (10 base-36 digits, counting down from year 10000) comes first, so
//     article keys sort newest first and `list({ prefix })` pages come out in reading order;
//   - captureId ties the article to its capture without a lookup;
//   - index (3 base-36 digits) keeps a page's articles in their printed order.
// Because the id holds everything its KV key needs, one key per article is enough:
// no id → key pointer, so saving a capture costs (articles + 1) writes.

import { sha256Hex } from '../lib/encoding';

/** Milliseconds at 10000-01-01T00:00:00Z; later times sort as if they were this one. */
const END_OF_TIME_MS = 253_402_300_800_000;
const TIME_DIGITS = 10;
const INDEX_DIGITS = 3;
/** Far below 36 ** INDEX_DIGITS: one save must stay within a Worker's 1,000 KV operations. */
export const MAX_ARTICLES_PER_CAPTURE = 500;

const CAPTURE_ID = /^[0-9a-f]{20}$/;
const ARTICLE_ID = /^[0-9a-z]{10}-([0-9a-f]{20})-[0-9a-z]{3}$/;

/** Same text modulo line endings, Unicode composition and trailing spaces: the same capture. */
export function normalizeForHash(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

export async function captureIdFor(user: string, text: string, url: string | undefined): Promise<string> {
  // NUL cannot occur in a user name or URL, so the three fields cannot run into each other.
  const digest = await sha256Hex(`${user}\u0000${url ?? ''}\u0000${normalizeForHash(text)}`);
  return digest.slice(0, 20);
}

export function invertedTime(isoTime: string): string {
  const ms = Date.parse(isoTime);
  const clamped = Number.isFinite(ms) ? Math.min(Math.max(ms, 0), END_OF_TIME_MS) : END_OF_TIME_MS;
  return (END_OF_TIME_MS - clamped).toString(36).padStart(TIME_DIGITS, '0');
}

export function articleIdFor(captureId: string, capturedAt: string, index: number): string {
  return `${invertedTime(capturedAt)}-${captureId}-${index.toString(36).padStart(INDEX_DIGITS, '0')}`;
}

export const isCaptureId = (value: string): boolean => CAPTURE_ID.test(value);
export const isArticleId = (value: string): boolean => ARTICLE_ID.test(value);

export function captureIdOf(articleId: string): string {
  return ARTICLE_ID.exec(articleId)?.[1] ?? '';
}
