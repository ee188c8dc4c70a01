import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import type { databaseTemplate } from './server/db/template';
import { productionReactRouter } from './vite.config';

/**
 * The zero-install demo (issue 11, decision 018): the SPA plus the real BFF on PGlite in the
 * page, behind MSW's service worker. A static folder, dist/demo/, any file server can host; the
 * production build (vite.config.ts) never sees mocks/demo/.
 */
export default defineConfig(({ command }) => ({
  plugins: [react(), tailwindcss(), demoPage(), mswWorker(), demoInstaller(), demoDatabaseTemplate()],
  resolve: command === 'build' ? { alias: [productionReactRouter] } : {},
  build: {
    outDir: 'dist/demo',
    emptyOutDir: true,
    // PGlite (Postgres in WebAssembly) is large and uses eval by design; neither is news at every build.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { checks: { eval: false } },
  },
  // PGlite loads its WebAssembly and data files by URL; pre-bundling would break those URLs.
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
}));

/**
 * index.html, with the demo's entry for the SPA's, and without the preloads of /api/*: on a first
 * visit the service worker is not yet there to answer them, so they would read the file server's 404s.
 */
function demoPage(): Plugin {
  return {
    name: 'portico-demo-page',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html
          .replace(/\s*<link rel="preload" href="\/api\/[^"]*"[^>]*>/g, '')
          .replace('src="/src/main.tsx"', 'src="/mocks/demo/main.tsx"'),
    },
  };
}

/**
 * MSW's worker script, copied from the installed msw so it always matches the library's version
 * (it lives in public/ of no build: the production folder does not carry it).
 */
function mswWorker(): Plugin {
  const source = () => readFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'));
  let building = false;
  return {
    name: 'portico-msw-worker',
    configResolved(config) {
      building = config.command === 'build';
    },
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('content-type', 'text/javascript');
        res.end(source());
      });
    },
    buildStart() {
      if (building) this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: source() });
    },
  };
}

/**
 * The demo installer the Node host serves from demo/artifacts (scripts/build-demo-artifacts.mjs),
 * as a static file the demo's artifact store fetches: the download of "play the machine" packs it
 * with the license, as the real download does. Only the installer: the machine never runs it.
 */
function demoInstaller(): Plugin {
  return {
    name: 'portico-demo-installer',
    apply: 'build',
    buildStart() {
      const dir = mkdtempSync(join(tmpdir(), 'portico-demo-artifacts-'));
      try {
        execFileSync(process.execPath, ['scripts/build-demo-artifacts.mjs', dir], { stdio: 'ignore' });
        const source = readFileSync(join(dir, 'embedded/atlas'));
        this.emitFile({ type: 'asset', fileName: 'demo-artifacts/embedded/atlas', source });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The migrated database as a file (mocks/demo/demo-portal.ts starts a new browser's database from
 * it), made by the same code as the Node host's template: initdb in a page takes tens of seconds.
 */
function demoDatabaseTemplate(): Plugin {
  return {
    name: 'portico-demo-database',
    apply: 'build',
    async buildStart() {
      // Through Vite, because the migrations are bundled by import.meta.glob (server/db/migrate.ts).
      const { module } = await runnerImport<{ databaseTemplate: typeof databaseTemplate }>('./server/db/template.ts', {
        configFile: false,
        logLevel: 'error',
      });
      const template = await module.databaseTemplate('gzip');
      this.emitFile({
        type: 'asset',
        fileName: 'demo-database.tar.gz',
        source: new Uint8Array(await template.arrayBuffer()),
      });
    },
  };
}
