// Bearer-token auth. Tokens come from the Worker secret API_TOKENS ("user:token,user:token").
import { createMiddleware } from 'hono/factory';
import type { App } from '../context';
import { ApiException } from '../lib/errors';

/** User names become part of KV keys, so they are restricted to a safe alphabet without ':'. */
const USER_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

export interface TokenEntry {
  user: string;
  token: string;
}

/** Parses API_TOKENS; malformed entries are skipped (and logged), never half-trusted. */
export function parseApiTokens(secret: string | undefined): TokenEntry[] {
  const entries: TokenEntry[] = [];
  for (const pair of (secret ?? '').split(',')) {
    const trimmed = pair.trim();
    if (!trimmed) continue;
    const colon = trimmed.indexOf(':');
    const user = trimmed.slice(0, colon);
    const token = trimmed.slice(colon + 1);
    if (colon < 1 || !USER_NAME.test(user) || token.length < 1) {
      console.warn('API_TOKENS: skipping a malformed entry');
      continue;
    }
    entries.push({ user, token });
  }
  return entries;
}

const encoder = new TextEncoder();

async function sha256(value: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(value)));
}

/**
 * Compares in time that does not depend on where the strings differ: both sides are
 * hashed to equal length first, then every byte is compared without an early exit.
 */
export async function constantTimeEqual(a: string, b: string): Promise<boolean> {
  const [hashA, hashB] = await Promise.all([sha256(a), sha256(b)]);
  let difference = 0;
  for (let i = 0; i < hashA.length; i++) difference |= hashA[i]! ^ hashB[i]!;
  return difference === 0;
}

/** The user whose token matches, checking every entry so timing does not reveal which one did. */
export async function findUser(entries: TokenEntry[], presented: string): Promise<string | undefined> {
  let found: string | undefined;
  for (const entry of entries) {
    if ((await constantTimeEqual(entry.token, presented)) && found === undefined) found = entry.user;
  }
  return found;
}

const unauthorized = (message: string) =>
  new ApiException(401, 'unauthorized', message, { headers: { 'WWW-Authenticate': 'Bearer realm="baozhai"' } });

export const requireToken = createMiddleware<App>(async (c, next) => {
  const header = c.req.header('authorization');
  const match = header?.match(/^Bearer[ ]+(\S+)\s*$/i);
  if (!match) throw unauthorized('missing bearer token: send Authorization: Bearer <token>');
  const user = await findUser(parseApiTokens(c.env.API_TOKENS), match[1]!);
  if (!user) throw unauthorized('unknown token');
  c.set('user', user);
  await next();
});
