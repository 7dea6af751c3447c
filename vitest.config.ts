import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts?(x)', 'entrypoints/**/*.test.ts?(x)', 'test/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
  },
});
