import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'pipeline',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.test.ts'],
    environment: 'node',
  },
});
