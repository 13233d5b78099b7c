import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Vitest leaves a core free by default; on a two-core CI machine that halves the suite's speed.
    maxWorkers: '100%',
    minWorkers: 1,
  },
});
