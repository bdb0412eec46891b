import { defineConfig } from 'vitest/config';

// Caches stay out of node_modules: npm treats a changed node_modules as a stale install, and `npx fulcrum`
// would then rebuild the package before running.
export default defineConfig({
  cacheDir: '.vite-cache',
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/setup.ts'],
  },
});
