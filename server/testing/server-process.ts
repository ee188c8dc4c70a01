import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const exitWithParent = fileURLToPath(new URL('./exit-with-parent.mjs', import.meta.url));

/**
 * How to run the Node host: `built` is what `npm start` runs once built (dist/server/main.js);
 * `source` runs server/node/main.ts through Vite, for tests that run before any build.
 */
export type ServerEntry = 'built' | 'source';
const entries: Record<ServerEntry, string> = {
  built: 'dist/server/main.js',
  source: fileURLToPath(new URL('./main-from-source.mjs', import.meta.url)),
};

export type ServerProcess = {
  baseURL: string;
  port: number;
  pid: number;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output: () => string;
  /** Its exit code once it has exited (null when a signal ended it). */
  exited: Promise<number | null>;
  /** SIGTERM, as an operator's Ctrl-C or a service manager would; SIGKILL after 5 s. */
  stop: () => Promise<void>;
};

export type RunningServer = ServerProcess & {
  /** Milliseconds from spawning the process to its first 200 from /api/health. */
  readyAfterMs: number;
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
 * Spawns the Node host on 127.0.0.1 with the demo catalogue, the given data folder and no SMTP or
 * PostgreSQL of the developer's own (an empty variable means unset, server/node/env.ts); `env`
 * adds or overrides variables. Does not wait for it: see startServer.
 */
export async function spawnServer(options: {
  entry: ServerEntry;
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', exitWithParent, entries[options.entry]], {
    cwd: packageRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseURL,
      DATA_DIR: options.dataDir,
      DATABASE_URL: '',
      SMTP_URL: '',
      PORTICO_CONFIG: '',
      TRUST_PROXY: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  void exited.then(() => process.off('exit', kill));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(kill, 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { baseURL, port, pid: child.pid!, output: () => output, exited, stop };
}

/** Spawns the server and waits until it answers /api/health with 200; fails with its output if not. */
export async function startServer(options: {
  entry: ServerEntry;
  dataDir: string;
  /** A fixed port, to start a stopped server again where its pages and uploads point. */
  port?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
  pollMs?: number;
}): Promise<RunningServer> {
  const { timeoutMs = 30_000, pollMs = 100 } = options;
  const started = performance.now();
  const server = await spawnServer(options);
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  while (performance.now() < started + timeoutMs && exitCode === undefined) {
    const status = await fetch(`${server.baseURL}/api/health`, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { ...server, readyAfterMs: performance.now() - started };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  await server.stop();
  throw new Error(
    `The server at ${server.baseURL} did not answer GET /api/health with 200 within ${timeoutMs / 1000} s` +
      ` (exit code ${exitCode ?? 'none'}). Its output:\n${server.output()}`,
  );
}
