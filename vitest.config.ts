import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // Each database test file starts its own embedded PostgreSQL (or server database): give it time.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
