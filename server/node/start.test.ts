import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnServer, startServer, type ServerProcess } from '../testing/server-process';

/*
 * The real server process (server/node/main.ts) starting next to another one: the data folder
 * lock and the port check (issue 6, defect 3).
 */

const STARTUP_MS = 120_000;
const TEST_MS = 2 * STARTUP_MS + 60_000;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDataDir() {
  const dir = await mkdtemp(join(tmpdir(), 'portico-start-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string) {
  const server = await startServer({ entry: 'source', dataDir, timeoutMs: STARTUP_MS });
  cleanups.push(server.stop);
  return server;
}

async function spawn(dataDir: string, port?: number) {
  const server = await spawnServer({ entry: 'source', dataDir, port });
  cleanups.push(server.stop);
  return server;
}

/** The exit code, or a failure naming what it printed if it is still running after 60 s. */
async function exitCodeOf(server: ServerProcess) {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`still running after 60 s; it printed:\n${server.output()}`)), 60_000),
  );
  return Promise.race([server.exited, timeout]);
}

async function lockHolder(dataDir: string): Promise<{ pid: number; host: string; startedAt: string }> {
  return JSON.parse(await readFile(join(dataDir, 'portico.lock'), 'utf8'));
}

/** Asks for a sign-in link: the database takes a write and the outbox gets an email. */
async function askForLink(server: ServerProcess) {
  const response = await fetch(`${server.baseURL}/api/auth/login-links`, {
    method: 'POST',
    headers: { origin: server.baseURL, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'alice@acme.example' }),
  });
  return response.status;
}

describe('one server per data folder', () => {
  it(
    'refuses a second server on the folder, naming it and the PID, and the first keeps working',
    { timeout: TEST_MS },
    async () => {
      const dataDir = await tempDataDir();
      const first = await start(dataDir);
      expect(await lockHolder(dataDir)).toMatchObject({ pid: first.pid, host: hostname() });

      const second = await spawn(dataDir);
      expect(await exitCodeOf(second)).toBe(1);
      expect(second.output()).toMatch(
        new RegExp(
          `^Portico cannot start\\. The data folder ${dataDir} is in use by another Portico server ` +
            `\\(PID ${first.pid} on ${hostname()}, started [\\dT:.Z-]+\\)\\. ` +
            'Stop it first, or set DATA_DIR to another folder\\.\\n$',
        ),
      );

      expect(await askForLink(first)).toBe(202);
      await expect
        .poll(() => readdir(join(dataDir, 'outbox')).catch(() => []), { timeout: 10_000 })
        .toContainEqual(expect.stringMatching(/-alice@acme\.example\.eml$/));
      expect(await lockHolder(dataDir)).toMatchObject({ pid: first.pid });
      await first.stop();
      expect(await first.exited).toBe(0);
      expect(existsSync(join(dataDir, 'portico.lock'))).toBe(false);
    },
  );

  it('takes over the lock a killed server left behind', { timeout: TEST_MS }, async () => {
    const dataDir = await tempDataDir();
    const killed = await start(dataDir);
    expect(await askForLink(killed)).toBe(202);
    process.kill(killed.pid, 'SIGKILL');
    await killed.exited;
    expect(await lockHolder(dataDir)).toMatchObject({ pid: killed.pid });

    const next = await start(dataDir);
    expect(await lockHolder(dataDir)).toMatchObject({ pid: next.pid, host: hostname() });
    expect(await askForLink(next)).toBe(202);
  });
});

describe('a port already in use', () => {
  it('stops the start with one line, before the database is opened', { timeout: TEST_MS }, async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as AddressInfo).port;
    const dataDir = await tempDataDir();

    const server = await spawn(dataDir, port);
    expect(await exitCodeOf(server)).toBe(1);
    expect(server.output()).toBe(
      `Portico cannot start. Port ${port} on 127.0.0.1 is already in use. ` +
        'Stop the program listening there, or set PORT to a free port.\n',
    );
    // No database was created, so no migration ran; the lock went with the process.
    expect(await readdir(dataDir)).toEqual([]);
  });
});
