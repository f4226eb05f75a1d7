// The Worker's HTTP API: one router per resource, mounted under /v1.
import { Hono } from 'hono';
import type { App } from './context';
import { notFound, onError } from './lib/errors';
import { requireAuth } from './middleware/auth';
import { corsForCallers } from './middleware/cors';
import { articlesRouter } from './routes/articles';
import { capturesRouter } from './routes/captures';
import { exportsRouter } from './routes/exports';
import { feedLinkRouter, feedsRouter } from './routes/feed';
import { healthRouter } from './routes/health';
import { openapiRouter } from './routes/openapi';
import { processRouter } from './routes/process';
import { reindexRouter } from './routes/reindex';
import { sessionRouter } from './routes/session';

export const app = new Hono<App>()
  // The extensions and the origins in CORS_ORIGINS (middleware/cors.ts); never with credentials.
  .use('*', corsForCallers)
  .route('/openapi.json', openapiRouter)
  .route('/v1/health', healthRouter)
  // The Atom feed: its secret URL is its credential.
  .route('/feeds', feedsRouter)
  // Signing in and out come before auth; GET /v1/session checks it itself.
  .route('/v1/session', sessionRouter)
  // Registered after health and session, so those answer without a token.
  .use('/v1/*', requireAuth)
  .route('/v1/process', processRouter)
  .route('/v1/captures', capturesRouter)
  .route('/v1/articles', articlesRouter)
  .route('/v1/reindex', reindexRouter)
  .route('/v1/feed', feedLinkRouter)
  .route('/v1', exportsRouter);

app.onError(onError);
app.notFound(notFound);

export type AppType = typeof app;
