import { defineConfig } from 'vitest/config';

// Database tests run against a throwaway PostgreSQL (test/support/postgres.ts):
// one cluster per file, files one at a time (2-core machines).
export default defineConfig({
  test: {
    // In CI also write JSON, so .ci/run can print one closing 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/db.json' }]] : ['default'],
    include: ['test/db/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
