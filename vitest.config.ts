import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Unit and integration tests: the BFF against in-memory PGlite, the SPA in jsdom with MSW
// routing /api/* into the same BFF. The e2e suite has its own config (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [react()],
  test: {
    globalSetup: ['server/testing/global-setup.ts'],
    setupFiles: ['src/testing/setup-tests.ts'],
    include: ['{src,server,contract,mocks,scripts}/**/*.test.{ts,tsx}'],
    projects: [
      {
        extends: true,
        test: { name: 'bff', environment: 'node', include: ['{server,contract,scripts}/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'spa', environment: 'jsdom', include: ['{src,mocks}/**/*.test.{ts,tsx}'] },
      },
    ],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
