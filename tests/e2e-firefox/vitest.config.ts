import { defineConfig } from 'vitest/config';

/**
 * The Firefox end-to-end suite (docs/e2e.md): its own config, so `vitest run` (unit) never starts
 * a browser. One Firefox per test file; two files at a time on two cores.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { requireAssertions: true, poll: { timeout: 10_000, interval: 100 } },
  },
});
