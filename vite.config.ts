import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { isSignInPath } from './contract/constants';

// The SPA (index.html) and the sign-in page (login.html, decision 019). The BFF is built by
// vite.server.config.ts; in development, run `npm run dev` (the built Node server on :8080, this
// dev server on :5173 proxying to it).
export default defineConfig({
  plugins: [react(), tailwindcss(), signInPageInDevelopment()],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // Read by the Node host to preload a page's own chunks with its HTML (server/node/route-preloads.ts).
    manifest: true,
    // One stylesheet for every page, tied to no chunk. Split by chunk, it was also a dependency
    // of each lazy page, and Vite's loader, finding no <link> to it in a page that has it written
    // in (decision 020), downloaded it again and restyled the whole page as it landed.
    cssCodeSplit: false,
    rolldownOptions: {
      input: { index: 'index.html', login: 'login.html' },
      output: {
        // The libraries every page starts with, as one file: one request, better compression
        // than rolldown's split of them across shared chunks, and a file that stays cached while
        // only the portal's own code changes (the sign-in page's weight, decision 017). i18next
        // is a file of its own, shared with the sign-in page, which must not load React with it
        // (decision 019); the higher priority keeps it out of the framework, which imports it.
        codeSplitting: {
          groups: [
            { name: 'i18next', test: /node_modules[\\/]i18next[\\/]/, priority: 2 },
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query)|react-i18next|use-sync-external-store)[\\/]/,
              priority: 1,
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

/** The dev server answers the sign-in page's paths with login.html, as the Node host does. */
function signInPageInDevelopment(): Plugin {
  return {
    name: 'portico-sign-in-page',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const url = new URL(request.url ?? '/', 'http://dev');
        if (isSignInPath(url.pathname)) request.url = `/login.html${url.search}`;
        next();
      });
    },
  };
}
