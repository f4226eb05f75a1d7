// CORS: which web origins may call the API from a browser. Other origins authenticate with a
// bearer token: the session cookie is SameSite=Strict (the Worker's own reader only) and no
// answer carries Access-Control-Allow-Credentials, so an origin that is let in gains nothing
// without a token; still, only the callers configured are named.
//
// CORS_ORIGINS (a Worker var, comma-separated) lists them: exact origins
// (`https://reader.example.com`), a scheme with any host (`chrome-extension://*`), or `*` for
// any origin. Unset, it is the extensions' own origins; the API's own origin is always allowed.
import { cors } from 'hono/cors';
import type { App } from '../context';

export const DEFAULT_CORS_ORIGINS = 'chrome-extension://*,moz-extension://*,safari-web-extension://*';

/** The value for Access-Control-Allow-Origin, or null to leave it out (the browser then refuses). */
export function allowedOrigin(origin: string, ownOrigin: string, configured: string | undefined): string | null {
  if (!origin || origin === 'null') return null;
  if (origin === ownOrigin) return origin;
  for (const entry of (configured ?? DEFAULT_CORS_ORIGINS).split(',')) {
    const allowed = entry.trim();
    if (!allowed) continue;
    if (allowed === '*') return '*';
    if (allowed.endsWith('://*') ? origin.startsWith(allowed.slice(0, -1)) && origin.length > allowed.length - 1 : origin === allowed) {
      return origin;
    }
  }
  return null;
}

export const corsForCallers = cors({
  origin: (origin, c) => allowedOrigin(origin, new URL(c.req.url).origin, (c.env as App['Bindings'] | undefined)?.CORS_ORIGINS),
  allowHeaders: ['Authorization', 'Content-Type'],
  allowMethods: ['GET', 'POST', 'DELETE'],
  exposeHeaders: ['Retry-After'],
  maxAge: 86400,
  credentials: false,
});
