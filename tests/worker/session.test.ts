// Signing the web reader in: POST /v1/session sets an HttpOnly session cookie and a CSRF cookie;
// /v1 then accepts the cookie in place of the bearer token, and mutating requests need the
// CSRF header. All through the real routes.
import { exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, Session } from '../../shared/src';
import { SESSION_SECONDS, verifySession } from '../../worker/src/lib/session';
import { newsItem, resetStorage, saveCapture, TOKENS } from './helpers';

beforeEach(() => resetStorage());

interface Cookie {
  name: string;
  value: string;
  attributes: Map<string, string>;
}

function parseSetCookie(header: string): Cookie {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const equals = pair.indexOf('=');
  return {
    name: pair.slice(0, equals),
    value: pair.slice(equals + 1),
    attributes: new Map(attributes.map((attribute) => {
      const [name = '', value = ''] = attribute.split('=');
      return [name.toLowerCase(), value];
    })),
  };
}

const cookiesOf = (response: Response) => new Map(response.headers.getAll('set-cookie').map(parseSetCookie).map((cookie) => [cookie.name, cookie]));

function send(path: string, init: { method?: string; headers?: Record<string, string>; json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  let body: string | undefined;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers.set('content-type', 'application/json');
  }
  return exports.default.fetch(new Request(`https://baozhai.test${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body }));
}

/** Signs in with `token` and returns the Cookie header a browser would send back, and the CSRF token. */
async function signIn(token: string = TOKENS.alice) {
  const response = await send('/v1/session', { json: { token } });
  expect(response.status).toBe(200);
  const cookies = cookiesOf(response);
  const session = cookies.get('bz_session')!;
  const csrf = cookies.get('bz_csrf')!;
  return { cookie: `bz_session=${session.value}; bz_csrf=${csrf.value}`, csrf: csrf.value, session: session.value, body: await response.json() };
}

describe('POST /v1/session', () => {
  it('answers who signed in and sets both cookies with the right flags', async () => {
    const response = await send('/v1/session', { json: { token: TOKENS.alice } });
    expect(response.status).toBe(200);
    expect(Session.parse(await response.json())).toEqual({ user: 'alice' });
    const cookies = cookiesOf(response);
    const session = cookies.get('bz_session');
    const csrf = cookies.get('bz_csrf');
    expect(session).toBeDefined();
    expect(csrf).toBeDefined();
    for (const cookie of [session!, csrf!]) {
      expect(cookie.attributes.has('secure'), cookie.name).toBe(true);
      expect(cookie.attributes.get('samesite'), cookie.name).toBe('Strict');
      expect(cookie.attributes.get('path'), cookie.name).toBe('/');
      expect(cookie.attributes.get('max-age'), cookie.name).toBe(String(SESSION_SECONDS));
    }
    expect(session!.attributes.has('httponly')).toBe(true);
    // The page's script reads the CSRF token to send it back.
    expect(csrf!.attributes.has('httponly')).toBe(false);
  });

  it('never puts the token in a cookie', async () => {
    const { session, csrf } = await signIn();
    for (const value of [session, csrf, decodeURIComponent(session)]) {
      expect(value).not.toContain(TOKENS.alice);
      expect(value).not.toContain(btoa(TOKENS.alice).replace(/=+$/, ''));
    }
  });

  it('gives each sign-in its own CSRF token', async () => {
    const first = await signIn();
    const second = await signIn();
    expect(first.csrf).not.toBe(second.csrf);
    expect(first.csrf.length).toBeGreaterThanOrEqual(32);
  });

  it.each([
    { case: 'an unknown token', json: { token: 'tok-c' }, status: 401, code: 'unauthorized' },
    { case: 'an empty token', json: { token: '' }, status: 400, code: 'validation_failed' },
    { case: 'no token field', json: {}, status: 400, code: 'validation_failed' },
  ])('refuses $case with $status and sets no cookie', async ({ json, status, code }) => {
    const response = await send('/v1/session', { json });
    expect(response.status).toBe(status);
    expect(ApiError.parse(await response.json()).error.code).toBe(code);
    expect(response.headers.getAll('set-cookie')).toEqual([]);
  });

  it('answers 415 to a form post (a cross-site form cannot sign anyone in)', async () => {
    const response = await exports.default.fetch(
      new Request('https://baozhai.test/v1/session', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${TOKENS.alice}` }),
    );
    expect(response.status).toBe(415);
  });
});

describe('GET /v1/session', () => {
  it('answers the signed-in user with the cookie, and 401 without', async () => {
    const { cookie } = await signIn(TOKENS.bob);
    const signedIn = await send('/v1/session', { headers: { cookie } });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toEqual({ user: 'bob' });
    const signedOut = await send('/v1/session');
    expect(signedOut.status).toBe(401);
    expect(ApiError.parse(await signedOut.json()).error.code).toBe('unauthorized');
  });

  it('refuses a session cookie whose user, expiry or signature was changed', async () => {
    const { session, csrf } = await signIn();
    const [user, expires, signature] = [session.slice(0, session.indexOf('.')), ...session.slice(session.indexOf('.') + 1).split('.')] as [string, string, string];
    const forged = [
      `bob.${expires}.${signature}`,
      `${user}.${Number(expires) + 1}.${signature}`,
      `${user}.${expires}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      `${user}.${expires}`,
      'alice',
    ];
    for (const value of forged) {
      const response = await send('/v1/session', { headers: { cookie: `bz_session=${value}; bz_csrf=${csrf}` } });
      expect(response.status, value).toBe(401);
    }
  });

  it('refuses the session when the CSRF cookie was swapped (it is part of the signature)', async () => {
    const { session } = await signIn();
    const other = await signIn();
    const response = await send('/v1/session', { headers: { cookie: `bz_session=${session}; bz_csrf=${other.csrf}` } });
    expect(response.status).toBe(401);
  });
});

describe('verifySession', () => {
  it('holds for the session\'s lifetime, then not; and not once the token is gone from API_TOKENS', async () => {
    const { session, csrf } = await signIn();
    const signedAt = Date.now();
    const tokens = (user: string) => (user === 'alice' ? [TOKENS.alice] : []);
    expect(await verifySession({ session, csrf }, tokens, signedAt + (SESSION_SECONDS - 60) * 1000)).toBe('alice');
    expect(await verifySession({ session, csrf }, tokens, signedAt + (SESSION_SECONDS + 1) * 1000)).toBeUndefined();
    expect(await verifySession({ session, csrf }, () => ['a-new-token'], signedAt)).toBeUndefined();
    expect(await verifySession({ session, csrf }, () => ['a-new-token', TOKENS.alice], signedAt)).toBe('alice');
  });
});

describe('DELETE /v1/session', () => {
  it('answers 204 and clears both cookies', async () => {
    const { cookie, csrf } = await signIn();
    const response = await send('/v1/session', { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf } });
    expect(response.status).toBe(204);
    const cleared = cookiesOf(response);
    for (const name of ['bz_session', 'bz_csrf']) {
      expect(cleared.get(name)?.value, name).toBe('');
      expect(cleared.get(name)?.attributes.get('max-age'), name).toBe('0');
      expect(cleared.get(name)?.attributes.get('path'), name).toBe('/');
    }
  });
});

describe('/v1 with the session cookie', () => {
  it('reads and lists with the cookie alone', async () => {
    const saved = await saveCapture('渝中区');
    const { cookie } = await signIn();
    const list = await send('/v1/articles', { headers: { cookie } });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { articles: { id: string }[] }).articles.map((article) => article.id)).toEqual(saved.articles.map((article) => article.id));
    const one = await send(`/v1/articles/${saved.articles[0]!.id}`, { headers: { cookie } });
    expect(one.status).toBe(200);
  });

  it('sees only the signed-in user\'s articles', async () => {
    const alices = await saveCapture('渝北区', {}, 'alice');
    const { cookie } = await signIn(TOKENS.bob);
    expect((await send(`/v1/articles/${alices.articles[0]!.id}`, { headers: { cookie } })).status).toBe(404);
    const list = (await (await send('/v1/articles', { headers: { cookie } })).json()) as { articles: unknown[] };
    expect(list.articles).toEqual([]);
  });

  it.each([
    { case: 'no X-CSRF-Token header', header: undefined },
    { case: 'an empty header', header: '' },
    { case: 'a header that is not the cookie', header: 'x'.repeat(43) },
  ])('refuses a mutating request with $case: 403 csrf_failed, nothing changed', async ({ header }) => {
    const saved = await saveCapture('巴南区');
    const { cookie } = await signIn();
    const headers: Record<string, string> = { cookie };
    if (header !== undefined) headers['x-csrf-token'] = header;
    const deleted = await send(`/v1/articles/${saved.articles[0]!.id}`, { method: 'DELETE', headers });
    expect(deleted.status).toBe(403);
    expect(ApiError.parse(await deleted.json()).error.code).toBe('csrf_failed');
    const posted = await send('/v1/captures', { headers, json: { text: newsItem('南岸区') } });
    expect(posted.status).toBe(403);
    // Still there, and nothing new was saved.
    expect((await send(`/v1/articles/${saved.articles[0]!.id}`, { headers: { cookie } })).status).toBe(200);
    const list = (await (await send('/v1/articles', { headers: { cookie } })).json()) as { articles: unknown[] };
    expect(list.articles).toHaveLength(saved.articles.length);
  });

  it('lets a mutating request through with the matching header', async () => {
    const saved = await saveCapture('九龙坡区');
    const { cookie, csrf } = await signIn();
    const deleted = await send(`/v1/articles/${saved.articles[0]!.id}`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf } });
    expect(deleted.status).toBe(204);
    const posted = await send('/v1/captures', { headers: { cookie, 'x-csrf-token': csrf }, json: { text: newsItem('大渡口区') } });
    expect(posted.status).toBe(201);
  });

  it('judges a request with an Authorization header by the header alone', async () => {
    const { cookie } = await signIn(TOKENS.alice);
    const wrongBearer = await send('/v1/articles', { headers: { cookie, authorization: 'Bearer tok-c' } });
    expect(wrongBearer.status).toBe(401);
    // A bearer request needs no CSRF header, cookie or not.
    const saved = await send('/v1/captures', { headers: { cookie, authorization: `Bearer ${TOKENS.bob}` }, json: { text: newsItem('綦江区') } });
    expect(saved.status).toBe(201);
    const asBob = (await (await send('/v1/articles', { headers: { authorization: `Bearer ${TOKENS.bob}` } })).json()) as { articles: unknown[] };
    expect(asBob.articles.length).toBeGreaterThan(0);
  });
});
