// POST /v1/reindex: repairs the caller's search index from KV, one bounded pass per call
// (`npm run reindex` calls it until it answers complete).
import { Hono } from 'hono';
import type { App } from '../context';
import { methodNotAllowed } from '../lib/errors';
import { storeFor } from '../store';

export const reindexRouter = new Hono<App>()
  .post('/', async (c) => c.json(await storeFor(c.env, c.get('user')).repairIndex(), 200))
  .all('/', methodNotAllowed(['POST']));
