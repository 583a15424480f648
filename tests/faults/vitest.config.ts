import { defineConfig } from 'vitest/config';

/** `npm run faults`: the whole fault suite, one scenario at a time (each runs three worker processes). */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/faults/**/*.test.ts', 'tests/faults/**/*.faults.ts'],
    globalSetup: ['./packages/testing/src/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
  },
});
