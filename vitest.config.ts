import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/summary-reporter.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The corpus and index are built once per run (see test/global-setup.ts) and shared on disk.
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    reporters: ['default', new SummaryReporter()],
  },
});
