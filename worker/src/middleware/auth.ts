// Auth for /v1: a bearer token, or the web reader's session cookie (lib/session.ts).
// Tokens come from the Worker secret API_TOKENS ("user:token,user:token").
import { createMiddleware } from 'hono/factory';
import type { App } from '../context';
import { ApiException } from '../lib/errors';
import { CSRF_HEADER, csrfHeaderMatches, sessionCookies, verifySession } from '../lib/session';

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

/** The user an `Authorization: Bearer` header signs in; 401 when it is malformed or unknown. */
export async function userOfBearer(header: string, entries: TokenEntry[]): Promise<string> {
  const match = header.match(/^Bearer[ ]+(\S+)\s*$/i);
  if (!match) throw unauthorized('missing bearer token: send Authorization: Bearer <token>');
  const user = await findUser(entries, match[1]!);
  if (!user) throw unauthorized('unknown token');
  return user;
}

/** Every token of `user` (a user may hold several). */
export const tokensOf = (entries: TokenEntry[]) => (user: string) => entries.filter((entry) => entry.user === user).map((entry) => entry.token);

/** Methods that change nothing: a session may make them without the CSRF header. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A bearer token (the extension, scripts) or the session cookie (the web reader). A request
 * with an Authorization header is judged by it alone. One signed in by cookie must send
 * X-CSRF-Token equal to the bz_csrf cookie with every request that may change something.
 */
export const requireAuth = createMiddleware<App>(async (c, next) => {
  const entries = parseApiTokens(c.env.API_TOKENS);
  const header = c.req.header('authorization');
  const cookies = header === undefined ? sessionCookies(c) : undefined;
  if (!cookies) {
    c.set('user', await userOfBearer(header ?? '', entries));
    return next();
  }
  const user = await verifySession(cookies, tokensOf(entries));
  if (!user) throw unauthorized('session expired or not valid: sign in again');
  if (!SAFE_METHODS.has(c.req.method) && !csrfHeaderMatches(c, cookies)) {
    throw new ApiException(403, 'csrf_failed', `signed in by cookie: send the ${CSRF_HEADER} header with the value of the bz_csrf cookie`);
  }
  c.set('user', user);
  await next();
});
