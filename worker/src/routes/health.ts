import { Hono } from 'hono';
import type { Health } from '../../../shared/src';
import { version } from '../../../package.json';
import type { App } from '../context';
import { methodNotAllowed } from '../lib/errors';

export const healthRouter = new Hono<App>()
  .get('/', (c) => c.json({ ok: true, version } satisfies Health, 200))
  .all('/', methodNotAllowed(['GET']));
