// Every test suite is its own Vitest project with its own runtime:
// pipeline (Node), worker (workerd with local KV), extension (WXT fake browser), e2e (real Chromium).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['tests/*/vitest.config.ts'],
  },
});
