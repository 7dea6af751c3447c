import { defineConfig } from 'vitest/config';

// Benchmarks that need the TypeScript sources (the sync engine). `npm test`
// runs them once with small counts (npm run bench:smoke, BENCH_SMOKE=1).
export default defineConfig({
  test: {
    // In CI also write JSON, so .ci/run can print one closing 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/bench-smoke.json' }]] : ['default'],
    include: ['bench/**/*.run.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
