import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run the TypeScript sources of the workspace packages (their "source" export condition),
  // never a possibly stale dist/ build.
  // Setting the list replaces Vite's defaults, so they follow "source" (without "module": some npm
  // packages' "module" builds are not valid Node ESM).
  resolve: { conditions: ['source', 'node', 'development|production'] },
  ssr: { resolve: { conditions: ['source', 'node', 'development|production'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['./packages/testing/src/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep forks low so Redis-heavy suites do not starve each other.
    pool: 'forks',
    maxWorkers: 2,
  },
});
