import { defineConfig } from 'vitest/config';

// End-to-end specs drive the built Firefox extension (npm run build:firefox:e2e)
// in headless Firefox ESR over WebDriver BiDi. As in vitest.e2e.config.ts: one
// browser per file, files one at a time (2-core machines; a launch is ~5 s).
export default defineConfig({
  test: {
    // In CI also write JSON, so .ci/run can count these with the other suites.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/e2e-firefox.json' }]] : ['default'],
    include: ['test/e2e-firefox/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
