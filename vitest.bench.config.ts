import { defineConfig } from 'vitest/config';

// Benchmarks that need the TypeScript sources (the sync engine); not part of `npm test`.
export default defineConfig({
  test: {
    include: ['bench/**/*.run.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
