import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const exitWithParent = fileURLToPath(new URL('./exit-with-parent.mjs', import.meta.url));

export type RunningServer = {
  baseURL: string;
  /** Milliseconds from spawning the process to its first 200 from /api/health. */
  readyAfterMs: number;
  output: () => string;
  stop: () => Promise<void>;
};

/** A port nobody listens on right now: bind port 0 and let the OS choose. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built server (`node dist/server/main.js`, what `npm start` runs once built) on a free
 * local port with the demo catalogue and the given data folder, and waits until it is healthy.
 */
export async function startServer({
  dataDir,
  timeoutMs = 30_000,
  pollMs = 100,
}: {
  dataDir: string;
  timeoutMs?: number;
  pollMs?: number;
}): Promise<RunningServer> {
  if (!existsSync(`${packageRoot}dist/server/main.js`))
    throw new Error(
      'dist/server/main.js is missing: run `npm run build` first (`npm run test:e2e` and `npm run bench` do).',
    );
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', exitWithParent, 'dist/server/main.js'], {
    cwd: packageRoot,
    // Empty means unset (server/node/env.ts): a developer's own SMTP or database never leaks in.
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseURL,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SMTP_URL: '',
      PORTICO_CONFIG: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = once(child, 'exit');
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);

  const stop = async () => {
    process.off('exit', kill);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(kill, 5_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = started + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) break;
    const status = await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { baseURL, readyAfterMs: performance.now() - started, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  await stop();
  throw new Error(
    `The server at ${baseURL} did not answer GET /api/health with 200 within ${timeoutMs / 1000} s` +
      ` (exit code ${child.exitCode ?? 'none'}). Its output:\n${output}`,
  );
}
