import { defineConfig } from 'vitest/config';

// End-to-end: Debian's Chromium (playwright-core) against the built server, started once by
// e2e/global-setup.ts. Run with `npm run test:e2e`, which builds first.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false, // One browser at a time on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
