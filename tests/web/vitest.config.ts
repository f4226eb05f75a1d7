import { defineConfig } from 'vitest/config';

// Real web pages through the extension's capture script in Debian's Chromium (page scripts and
// network off), then the pipeline: quality floors for `npm run eval:web`'s figures.
export default defineConfig({
  test: {
    name: 'web',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.test.ts'],
    environment: 'node',
    // One browser captures 142 pages in turn: about a minute on an idle two-core machine.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
