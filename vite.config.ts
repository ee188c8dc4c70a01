import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The SPA. The BFF is built by vite.server.config.ts; in development, run `npm run dev`
// (the built Node server on :8080, this dev server on :5173 proxying to it).
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // Read by the Node host to preload a page's own chunks with its HTML (server/node/route-preloads.ts).
    manifest: true,
    rolldownOptions: {
      output: {
        // The libraries every page starts with, as one file: one request, better compression
        // than rolldown's split of them across shared chunks, and a file that stays cached while
        // only the portal's own code changes (the sign-in page's weight, decision 017).
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query)|i18next|react-i18next|use-sync-external-store)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
