import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, type Alias, type Plugin } from 'vite';
import { isSignInPath } from './contract/constants';

// The SPA (index.html) and the sign-in page (login.html, decision 019). The BFF is built by
// vite.server.config.ts; in development, run `npm run dev` (the built Node server on :8080, this
// dev server on :5173 proxying to it).
export default defineConfig(({ command }) => ({
  plugins: [react(), tailwindcss(), signInPageInDevelopment(), compileHints(), noEmptySourceMaps()],
  resolve: command === 'build' ? { alias: [productionReactRouter] } : {},
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
}));

/**
 * react-router's package exports name only its development build, whatever the mode
 * (remix-run/react-router#12532, #14753), so a build would ship its dev warnings and its "Hey
 * developer" error page. Its production build sits beside it; the builds (this one and the
 * demo's) take that. A react-router without one fails the build rather than falling back.
 */
export const productionReactRouter: Alias = {
  find: /^react-router$/,
  replacement: join(
    dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
    'dist/production/index.mjs',
  ),
};

/**
 * V8's explicit compile hint (Chromium 136 on; a comment to every other engine) as the first line
 * of each chunk: its functions are compiled on a background thread as it streams in, rather than
 * one at a time on the main thread the first time each is called (decision 024). A page's chunks
 * run most of their functions as it opens. zod's do not: they load with a form's first change,
 * and most of the library never runs.
 *
 * Put in last (Vite writes its preload map at the top of a chunk in its own generateBundle), with
 * the source map moved down a line to match, and in the hash, so a chunk's name changes with it.
 */
function compileHints(): Plugin {
  const HINT = '//# allFunctionsCalledOnLoad';
  const wanted = (chunk: { moduleIds: readonly string[] }) =>
    !chunk.moduleIds.some((id) => /node_modules[\\/]zod[\\/]/.test(id));
  return {
    name: 'portico-compile-hints',
    apply: 'build',
    augmentChunkHash: (chunk) => (wanted(chunk) ? HINT : ''),
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !wanted(chunk)) continue;
          chunk.code = `${HINT}\n${chunk.code}`;
          if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
          const map = bundle[`${chunk.fileName}.map`];
          if (map?.type === 'asset') {
            const source = JSON.parse(String(map.source)) as { mappings: string };
            map.source = JSON.stringify({ ...source, mappings: `;${source.mappings}` });
          }
        }
      },
    },
  };
}

/**
 * A chunk made only of JSON (the portal's strings) gets a source map that names no source and maps
 * nothing, and Lighthouse's parser fails on such a map. These chunks are written without one.
 */
function noEmptySourceMaps(): Plugin {
  return {
    name: 'portico-no-empty-source-maps',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.map || chunk.map.sources.length) continue;
          delete bundle[`${chunk.fileName}.map`];
          chunk.map = null;
          chunk.code = chunk.code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
        }
      },
    },
  };
}

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
