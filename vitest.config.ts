import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // The JSON report lets CI print a one-line tally; the default reporter is what people read.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // Build tests run real Astro builds: give them room, and keep each file in its own worker.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
