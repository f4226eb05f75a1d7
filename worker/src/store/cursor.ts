// The cursors handed to clients, encoded as base64url JSON; anything else is refused.
// The list cursor: a KV cursor plus how many keys of that KV page were already returned (a
// page may stop in the middle of a KV page). The search cursor: how many hits came before.
import { z } from 'zod';
import { base64url } from '../lib/encoding';
import { ApiException } from '../lib/errors';

export const ListPosition = z.strictObject({
  /** KV cursor of the page to read; absent for the first page. */
  c: z.string().min(1).max(1024).optional(),
  /** Keys of that page already consumed. */
  s: z.number().int().min(0).max(1000),
});
export type ListPosition = z.infer<typeof ListPosition>;

export const START: ListPosition = { s: 0 };

/** Search pages go at most this deep (100 pages of 100). */
export const MAX_SEARCH_OFFSET = 10_000;
const SearchPosition = z.strictObject({ o: z.number().int().min(1).max(MAX_SEARCH_OFFSET) });

export function encodeCursor(position: ListPosition): string {
  return encodeJson(position);
}

export function encodeSearchCursor(offset: number): string {
  return encodeJson({ o: offset });
}

function encodeJson(value: unknown): string {
  return base64url(new TextEncoder().encode(JSON.stringify(value)));
}

export const badCursor = () => new ApiException(400, 'bad_request', 'cursor is not valid: pass back a cursor this API returned');

export function decodeCursor(cursor: string): ListPosition {
  return decodeJson(cursor, ListPosition);
}

export function decodeSearchCursor(cursor: string): number {
  return decodeJson(cursor, SearchPosition).o;
}

function decodeJson<T>(cursor: string, schema: z.ZodType<T>): T {
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw badCursor();
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const parsed = schema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the 400 below
  }
  throw badCursor();
}
