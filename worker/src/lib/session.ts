// The web reader's session: signed in once with an API token, then carried by two cookies.
//
//   bz_session  `{user}.{expires}.{signature}`, HttpOnly. The signature is an HMAC-SHA-256 keyed
//               with the user's API token over the user, the expiry and the CSRF token, so the
//               cookie never holds the token, cannot be forged without it, and stops working
//               when that token is removed from API_TOKENS (which is how sessions are revoked).
//   bz_csrf     a random token, readable by the page's script, which sends it back in the
//               X-CSRF-Token header of every mutating request. Being part of the signature, it
//               cannot be swapped for one an attacker planted.
// Both are Secure, SameSite=Strict, Path=/.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { App } from '../context';
import { base64url, randomToken } from './encoding';

export const SESSION_COOKIE = 'bz_session';
export const CSRF_COOKIE = 'bz_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
/** How long a session lasts: a month of reading without signing in again. */
export const SESSION_SECONDS = 30 * 24 * 60 * 60;
const CSRF_BYTES = 32;

const encoder = new TextEncoder();

async function signature(token: string, user: string, expires: number, csrf: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(token), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signed = await crypto.subtle.sign('HMAC', key, encoder.encode(`baozhai-session\n${user}\n${expires}\n${csrf}`));
  return base64url(new Uint8Array(signed));
}

/** Equal strings, compared without an early exit (both are signatures of the same length). */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

const cookieOptions = (maxAge: number, httpOnly: boolean): CookieOptions => ({ path: '/', secure: true, sameSite: 'Strict', httpOnly, maxAge });

/** Signs `user` in: sets both cookies, signed with the token they signed in with. */
export async function startSession(c: Context<App>, user: string, token: string, now = Date.now()): Promise<void> {
  const csrf = randomToken(CSRF_BYTES);
  const expires = Math.floor(now / 1000) + SESSION_SECONDS;
  setCookie(c, SESSION_COOKIE, `${user}.${expires}.${await signature(token, user, expires, csrf)}`, cookieOptions(SESSION_SECONDS, true));
  setCookie(c, CSRF_COOKIE, csrf, cookieOptions(SESSION_SECONDS, false));
}

export function endSession(c: Context<App>): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(0, true));
  deleteCookie(c, CSRF_COOKIE, cookieOptions(0, false));
}

export interface SessionCookies {
  session: string;
  csrf: string;
}

/** The two session cookies, when the request carries the session one. */
export function sessionCookies(c: Context<App>): SessionCookies | undefined {
  const session = getCookie(c, SESSION_COOKIE);
  if (!session) return undefined;
  return { session, csrf: getCookie(c, CSRF_COOKIE) ?? '' };
}

/**
 * The user a session cookie signs in, or undefined when it is malformed, expired, or signed
 * by none of that user's tokens (`tokensOf`).
 */
export async function verifySession(cookies: SessionCookies, tokensOf: (user: string) => string[], now = Date.now()): Promise<string | undefined> {
  const match = /^([A-Za-z0-9_.-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(cookies.session);
  if (!match || !cookies.csrf) return undefined;
  const [, user, expiresText, presented] = match as unknown as [string, string, string, string];
  const expires = Number(expiresText);
  if (expires * 1000 <= now) return undefined;
  let valid = false;
  for (const token of tokensOf(user)) {
    if (sameText(await signature(token, user, expires, cookies.csrf), presented)) valid = true;
  }
  return valid ? user : undefined;
}

/** The X-CSRF-Token header matches the bz_csrf cookie. */
export function csrfHeaderMatches(c: Context<App>, cookies: SessionCookies): boolean {
  const header = c.req.header(CSRF_HEADER) ?? '';
  return cookies.csrf.length > 0 && sameText(header, cookies.csrf);
}
