import { app } from './app';
import type { Bindings } from './context';
import { repairAllIndexes } from './scheduled';

export default {
  fetch: app.fetch,
  scheduled: (_controller, env, ctx) => ctx.waitUntil(repairAllIndexes(env)),
} satisfies ExportedHandler<Bindings>;
