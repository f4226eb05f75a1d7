// Worker tests run inside workerd with a real local KV namespace and D1 database, through the real routes.
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

const root = new URL('../../', import.meta.url).pathname;

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: `${root}wrangler.toml` },
      miniflare: {
        bindings: { API_TOKENS: 'alice:tok-a,bob:tok-b', TEST_MIGRATIONS: await readD1Migrations(`${root}migrations`) },
      },
    }),
  ],
  test: {
    name: 'worker',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.test.ts'],
    setupFiles: ['./setup.ts'],
  },
}));
