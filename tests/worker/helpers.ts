// Requests go through the Worker's real fetch handler (its default export) in workerd,
// against the real local KV namespace of this test file.
import { applyD1Migrations, reset } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import type { CaptureResponse } from '../../shared/src';

export const TOKENS = { alice: 'tok-a', bob: 'tok-b' } as const;
export type User = keyof typeof TOKENS;

export interface CallOptions {
  method?: string;
  /** Whose token to send (default alice); null sends none. */
  as?: User | null;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  body?: BodyInit;
}

export function call(path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.as !== null && !headers.has('authorization')) headers.set('authorization', `Bearer ${TOKENS[options.as ?? 'alice']}`);
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  } else if (options.text !== undefined) {
    body = options.text;
    if (!headers.has('content-type')) headers.set('content-type', 'text/plain; charset=utf-8');
  }
  const method = options.method ?? (body === undefined ? 'GET' : 'POST');
  return exports.default.fetch(new Request(`http://baozhai.test${path}`, { method, headers, body }));
}

export interface JsonReply<T> {
  status: number;
  body: T;
  headers: Headers;
}

export async function callJson<T = any>(path: string, options: CallOptions = {}): Promise<JsonReply<T>> {
  const response = await call(path, options);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/**
 * A short news item whose every line carries `tag`, so the tag is in the title and the
 * summary however the pipeline splits or summarizes it.
 */
export function newsItem(tag: string): string {
  return [
    `${tag}城市更新推动老旧小区改造`,
    `${tag}今年将完成老旧小区改造一百个，涉及居民三万户，改造内容包括加装电梯、更新管网和增加停车位。`,
    `${tag}住房城乡建设委员会负责人表示，改造坚持居民自愿原则，先征求意见再动工。`,
  ].join('\n');
}

/** Saves `newsItem(tag)` and returns the API's answer; fails the test unless it was created. */
export async function saveCapture(tag: string, extra: Record<string, unknown> = {}, as: User = 'alice'): Promise<CaptureResponse> {
  const reply = await callJson<CaptureResponse>('/v1/captures', { json: { text: newsItem(tag), ...extra }, as });
  if (reply.status !== 201) throw new Error(`saving ${tag}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** Every key in the namespace: tests count them to prove what was (not) written. */
export async function allKeys(): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.ARTICLES.list({ cursor });
    names.push(...page.keys.map((key) => key.name));
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return names;
}

/** Every article and capture key: allKeys() without the tombstones deleted articles leave for a while. */
export async function liveKeys(): Promise<string[]> {
  return (await allKeys()).filter((name) => !name.includes(':d:'));
}

/** An ISO time `minutes` after a fixed start, for captures with a known order. */
export const minutesAfterStart = (minutes: number) => new Date(Date.UTC(2024, 6, 30, 8, minutes)).toISOString();

/** Empties KV and D1 (`reset` drops the search tables too), then lays the search schema again. */
export async function resetStorage(): Promise<void> {
  await reset();
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
}
