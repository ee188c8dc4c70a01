import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StartError } from './start-error';

export const LOCK_FILE = 'portico.lock';

type Holder = { pid: number; host: string; startedAt: string };

export type DataFolderLock = { file: string; release(): void };

/**
 * One server per data folder (issue 6, defect 3: two servers on one PGlite folder both started,
 * and acknowledged writes were lost). The lock is DATA_DIR/portico.lock naming the holder's PID,
 * host and start time. It is created complete and atomically (written aside, then hard-linked
 * into place, which fails if it exists), so a starting rival never reads a half-written lock.
 * A lock whose process is gone is left by a killed server and is taken over, as PostgreSQL does
 * with postmaster.pid. The lock is removed when the process exits; kill -9 leaves it behind.
 */
export async function lockDataFolder(dataDir: string, now = new Date()): Promise<DataFolderLock> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  const mine: Holder = { pid: process.pid, host: hostname(), startedAt: now.toISOString() };
  const draft = `${file}.${process.pid}`;
  await writeFile(draft, `${JSON.stringify(mine)}\n`);
  try {
    // Twice at most: once as found, once after taking over a dead server's lock.
    for (let attempt = 0; attempt < 2; attempt++) {
      if (await linkOrExists(draft, file)) return held(file, mine);
      const holder = await readHolder(file);
      if (holder === undefined) continue; // Removed in between: try again.
      if (holder === null)
        throw new StartError(
          `The data folder ${dataDir} holds a ${LOCK_FILE} that is not Portico's. ` +
            'If no Portico server uses this folder, delete that file.',
        );
      if (isRunning(holder.pid))
        throw new StartError(
          `The data folder ${dataDir} is in use by another Portico server (PID ${holder.pid} on ${holder.host}, ` +
            `started ${holder.startedAt}). Stop it first, or set DATA_DIR to another folder.`,
        );
      await unlink(file).catch(ignoreMissing);
    }
    throw new StartError(`The data folder ${dataDir} is being locked by another server starting at the same time.`);
  } finally {
    await unlink(draft).catch(ignoreMissing);
  }
}

/** Removes the lock at exit, if it is still this process's. */
function held(file: string, mine: Holder): DataFolderLock {
  const release = () => {
    process.off('exit', release);
    try {
      const holder = JSON.parse(readFileSync(file, 'utf8')) as Holder;
      if (holder.pid === mine.pid && holder.startedAt === mine.startedAt) unlinkSync(file);
    } catch {
      // Already gone, or no longer ours: nothing to remove.
    }
  };
  process.on('exit', release);
  return { file, release };
}

async function linkOrExists(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
  }
  // A file system without hard links (some network and FUSE mounts): exclusive create instead.
  try {
    await writeFile(to, readFileSync(from), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The lock's holder; undefined when there is no lock any more, null when it is not a lock of ours. */
async function readHolder(file: string): Promise<Holder | null | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const holder = JSON.parse(text) as Partial<Holder>;
    return Number.isInteger(holder.pid) && holder.pid! > 0 ? (holder as Holder) : null;
  } catch {
    return null;
  }
}

/**
 * Whether the holder may still be running. A lock naming this process or its parent is from an
 * earlier life: in a container the server gets the same PID at every start.
 */
function isRunning(pid: number): boolean {
  if (pid === process.pid || pid === process.ppid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // Alive, but another user's.
  }
}

function ignoreMissing(error: NodeJS.ErrnoException) {
  if (error.code !== 'ENOENT') throw error;
}
