import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer as startServerProcess, type RunningServer } from '../../server/testing/server-process';

const mainFile = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));

/**
 * Starts the built server (`node dist/server/main.js`, what `npm start` runs once built) on a free
 * local port with the demo catalogue and the given data folder, and waits until it is healthy.
 */
export async function startServer(options: {
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
  pollMs?: number;
}): Promise<RunningServer> {
  if (!existsSync(mainFile))
    throw new Error(
      'dist/server/main.js is missing: run `npm run build` first (`npm run test:e2e` and `npm run bench` do).',
    );
  return startServerProcess({ entry: 'built', ...options });
}
