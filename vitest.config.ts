import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit and integration tests: the BFF against in-memory PGlite, the SPA in jsdom with MSW
// routing /api/* into the same BFF. The e2e suite has its own config (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [react()],
  test: {
    globalSetup: ['server/testing/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'bff', environment: 'node', include: ['{server,contract,scripts}/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'spa',
          environment: 'jsdom',
          // tus-js-client has no "exports", only the "browser" field Vite follows when it builds; in
          // jsdom Node would load its node build (node:http), which MSW's XHR interception never sees.
          alias: { 'tus-js-client': 'tus-js-client/lib.es5/browser/index.js' },
          setupFiles: ['src/testing/setup-tests.ts'],
          // The portal's own origin, so the BFF's same-origin check sees what a browser sends.
          environmentOptions: { jsdom: { url: 'http://portal.test/' } },
          include: ['{src,mocks}/**/*.test.{ts,tsx}'],
        },
      },
    ],
    // Vitest leaves one core to its own process, which on a 2-core CI machine means one test file
    // at a time; that process mostly waits, so both cores run test files (CI time, issue 11).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
