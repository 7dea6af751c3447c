import { defineConfig } from 'vitest/config';

// End-to-end specs drive the built extension in real Chromium; they share one
// browser per file and run files one at a time (2-core machines).
export default defineConfig({
  test: {
    // In CI also write JSON, so .ci/run can print one closing 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/e2e.json' }]] : ['default'],
    include: ['test/e2e/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
