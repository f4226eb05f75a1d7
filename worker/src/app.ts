// The Worker's HTTP API: one router per resource, mounted under /v1.
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { App } from './context';
import { notFound, onError } from './lib/errors';
import { requireToken } from './middleware/auth';
import { articles } from './routes/articles';
import { captures } from './routes/captures';
import { health } from './routes/health';
import { openapi } from './routes/openapi';
import { process } from './routes/process';

export const app = new Hono<App>()
  // Bearer tokens, no cookies: any origin may call (the extension, a local page).
  .use('*', cors({ origin: '*', allowHeaders: ['Authorization', 'Content-Type'], allowMethods: ['GET', 'POST', 'DELETE'], maxAge: 86400 }))
  .route('/openapi.json', openapi)
  .route('/v1/health', health)
  // Registered after health, so health answers without a token.
  .use('/v1/*', requireToken)
  .route('/v1/process', process)
  .route('/v1/captures', captures)
  .route('/v1/articles', articles);

app.onError(onError);
app.notFound(notFound);

export type AppType = typeof app;
