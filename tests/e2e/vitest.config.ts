import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in Debian's Chromium against the real Worker under wrangler dev.
// One browser and one worker are shared by the scenarios, which run in order.
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['./global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
