import { configDefaults, defineConfig } from 'vitest/config';

// Benchmarks that need the TypeScript sources (the sync engine). `npm test`
// runs them once with small counts (npm run bench:smoke, BENCH_SMOKE=1).
export default defineConfig({
  test: {
    // In CI also write JSON, so .ci/run can print one closing 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/bench-smoke.json' }]] : ['default'],
    include: ['bench/**/*.run.ts'],
    // The first-sync bench starts a database, a browser and signs in: ~40 s
    // even at 2,000 events on this machine, over the smoke run's 10 s a bench.
    exclude: process.env.BENCH_SMOKE === '1' ? [...configDefaults.exclude, 'bench/first-sync.run.ts'] : configDefaults.exclude,
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
