import { defineConfig } from 'vitest/config';

/**
 * Three projects, each runnable on its own: `unit` needs nothing built; `site` reads `dist/` (run
 * `npm run build` first); `browser` serves `dist/` to Chromium. `npm test` builds and runs all three.
 */
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Test files run side by side already: their page charts are drawn in the test's own thread.
    // The build draws in workers, and tests/unit/chart-pool.test.ts shows both give the same SVG.
    env: { LAGESBILD_CHART_WORKERS: '0' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
        },
      },
    ],
  },
});
