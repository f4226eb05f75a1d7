// /v1/session: the web reader signs in with an API token once; the session then lives in an
// HttpOnly cookie (lib/session.ts), so the token is never kept by the page.
import { Hono } from 'hono';
import { SessionInput, type Session } from '../../../shared/src';
import type { App } from '../context';
import { ApiException, methodNotAllowed } from '../lib/errors';
import { endSession, startSession } from '../lib/session';
import { readJsonBody } from '../lib/validate';
import { findUser, parseApiTokens, requireAuth } from '../middleware/auth';

/** A sign-in body is a token and nothing more. */
const MAX_SIGN_IN_BYTES = 4096;

export const sessionRouter = new Hono<App>()
  .post('/', async (c) => {
    const { token } = await readJsonBody(c, SessionInput, MAX_SIGN_IN_BYTES);
    const user = await findUser(parseApiTokens(c.env.API_TOKENS), token);
    if (!user) throw new ApiException(401, 'unauthorized', 'unknown token');
    await startSession(c, user, token);
    return c.json({ user } satisfies Session, 200);
  })
  .get('/', requireAuth, (c) => c.json({ user: c.get('user') } satisfies Session, 200))
  // Signing out needs no valid session: it only clears the cookies.
  .delete('/', (c) => {
    endSession(c);
    return c.body(null, 204);
  })
  .all('/', methodNotAllowed(['GET', 'POST', 'DELETE']));
