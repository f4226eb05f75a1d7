// Worker tests run inside workerd with a real local KV namespace, through the real routes.
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: new URL('../../wrangler.toml', import.meta.url).pathname },
      miniflare: { bindings: { API_TOKENS: 'alice:tok-a,bob:tok-b' } },
    }),
  ],
  test: {
    name: 'worker',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.test.ts'],
  },
});
