// Types for the test-only module `cloudflare:test` (reset, createExecutionContext, ...).
/// <reference types="@cloudflare/vitest-pool-workers/types" />
