import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const extensionRoot = new URL('../../extension', import.meta.url).pathname;

// Unit tests of the extension's logic with WXT's fake browser (in-memory storage, alarms, tabs).
export default defineConfig({
  plugins: [WxtVitest({ root: extensionRoot })],
  test: {
    name: 'extension',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.test.ts'],
    environment: 'node',
  },
});
