import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Vitest leaves a core free by default; on a two-core CI machine that halves the suite's speed.
    maxWorkers: '100%',
    minWorkers: 1,
    // Test files share a worker's loaded modules instead of importing the whole app again per file
    // (collecting took 65 s of the suite's 103 s). Tests keep no state in modules and mock none.
    pool: 'threads',
    isolate: false,
    globalSetup: ['test/support/build-once.ts', 'test/support/postgres-global.ts'],
  },
});
