import { Hono } from 'hono';
import type { App } from '../context';
import { methodNotAllowed } from '../lib/errors';
import { buildOpenApiDocument } from '../lib/openapi';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const openapiRouter = new Hono<App>()
  .get('/', (c) => c.json((document ??= buildOpenApiDocument()), 200))
  .all('/', methodNotAllowed(['GET']));
