// Runs the Node host from its sources (server/node/main.ts), for tests that need the real server
// process before `npm run build` has made dist/: Vite's module runner resolves what the build
// would (import.meta.glob for the migrations, ?raw imports); node_modules load as usual.
import { fileURLToPath } from 'node:url';
import { createServer, createServerModuleRunner } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const vite = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
const runner = createServerModuleRunner(vite.environments.ssr, { hmr: false });
await runner.import('/server/node/main.ts');
