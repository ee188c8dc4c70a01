import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataFolder } from './data-folder-lock';
import { StartError } from './start-error';

/* The lock itself, in this process; server/node/start.test.ts runs it in real servers. */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function folder() {
  const dir = await mkdtemp(join(tmpdir(), 'portico-lock-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A process that runs until the test ends, standing in for another server. */
function otherProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  cleanups.push(() => child.kill('SIGKILL'));
  return child;
}

const writeLock = (dir: string, holder: object) => writeFile(join(dir, LOCK_FILE), JSON.stringify(holder));
const lockOf = async (dir: string) => JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'));

async function refusal(dir: string): Promise<string> {
  const error = await lockDataFolder(dir).catch((e: unknown) => e);
  if (!(error instanceof StartError)) throw new Error(`expected a StartError, got ${String(error)}`);
  return error.message;
}

describe('lockDataFolder', () => {
  it('creates the folder and a lock naming this process, and removes it on release', async () => {
    const dir = join(await folder(), 'data');
    const lock = await lockDataFolder(dir, new Date('2026-11-22T10:00:00Z'));
    expect(await lockOf(dir)).toEqual({
      pid: process.pid,
      host: expect.any(String),
      startedAt: '2026-11-22T10:00:00.000Z',
    });
    expect(await readdir(dir)).toEqual([LOCK_FILE]);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
  });

  it('refuses while the process named in the lock runs, naming the folder and the PID', async () => {
    const dir = await folder();
    const other = otherProcess();
    await writeLock(dir, { pid: other.pid, host: 'portal-1', startedAt: '2026-11-22T09:00:00.000Z' });
    expect(await refusal(dir)).toBe(
      `The data folder ${dir} is in use by another Portico server (PID ${other.pid} on portal-1, ` +
        'started 2026-11-22T09:00:00.000Z). Stop it first, or set DATA_DIR to another folder.',
    );
    expect((await lockOf(dir)).pid).toBe(other.pid);
  });

  it('takes over a lock whose process has ended', async () => {
    const dir = await folder();
    const ended = otherProcess();
    ended.kill('SIGKILL');
    await once(ended, 'exit');
    await writeLock(dir, { pid: ended.pid, host: 'portal-1', startedAt: '2026-11-22T09:00:00.000Z' });
    const lock = await lockDataFolder(dir);
    cleanups.push(lock.release);
    expect((await lockOf(dir)).pid).toBe(process.pid);
  });

  it('takes over a lock naming this very process: a container restarted with the same PID', async () => {
    const dir = await folder();
    await writeLock(dir, { pid: process.pid, host: 'old-container', startedAt: '2026-11-22T09:00:00.000Z' });
    const lock = await lockDataFolder(dir);
    cleanups.push(lock.release);
    expect(await lockOf(dir)).toMatchObject({ pid: process.pid, host: expect.not.stringMatching('old-container') });
  });

  it('leaves a file that is not a lock of its own alone, and says what to do', async () => {
    const dir = await folder();
    await writeFile(join(dir, LOCK_FILE), 'locked by the backup job\n');
    expect(await refusal(dir)).toBe(
      `The data folder ${dir} holds a ${LOCK_FILE} that is not Portico's. ` +
        'If no Portico server uses this folder, delete that file.',
    );
  });

  it('does not remove a lock that is no longer its own', async () => {
    const dir = await folder();
    const lock = await lockDataFolder(dir);
    const other = otherProcess();
    await writeLock(dir, { pid: other.pid, host: 'portal-2', startedAt: '2026-11-22T11:00:00.000Z' });
    lock.release();
    expect((await lockOf(dir)).pid).toBe(other.pid);
  });
});
