// Types for the test-only modules `cloudflare:test` and the test bindings.
/// <reference types="@cloudflare/vitest-pool-workers/types" />
