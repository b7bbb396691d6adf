import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // Each database test file starts its own embedded PostgreSQL (or server database), and the suite must pass
    // on a busy 2-core machine: limits are for tests that hang, never for how fast a condition comes true.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Web tests wait on conditions (findBy*, waitFor) with the generous limit set here.
    setupFiles: ['src/web/testing/setup.ts'],
    pool: 'forks',
  },
});
