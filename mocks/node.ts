import { setupServer } from 'msw/node';

/** MSW for Vitest; tests add the BFF handlers for their own portal (src/testing/render-app.tsx). */
export const mswServer = setupServer();
