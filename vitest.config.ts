import { defineConfig } from 'vitest/config';

// Tests talk to real Postgres, Redis, TLS servers and Chromium: generous bounds, no retries.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { ALLOW_PRIVATE_TARGETS: 'true', LOG_LEVEL: 'silent' },
  },
});
