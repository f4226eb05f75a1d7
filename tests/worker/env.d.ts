// Types for the test-only module `cloudflare:test` (reset, createExecutionContext, ...).
/// <reference types="@cloudflare/vitest-pool-workers/types" />

declare namespace Cloudflare {
  interface Env {
    /** The D1 migrations, read by vitest.config.ts and applied by the tests (helpers.ts). */
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
