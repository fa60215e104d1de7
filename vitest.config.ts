import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report lets CI print a one-line tally; the default reporter is what people read.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        // Pure functions and the command line's `check`: no site is built, so `npm run test:unit` takes seconds.
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // Real Astro builds, and Chromium on what they built. The example is built once for all of them.
        test: {
          name: 'sites',
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // A build takes the project's build lock and works in its caches (node_modules/.cache/trustbook,
          // node_modules/.astro): two at once would refuse each other. One file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
