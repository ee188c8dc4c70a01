import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BlobOffsetConflict, type BlobStore } from '../deps';
import { appendChunks } from '../support-bundles/blob-append';

const BATCH_BYTES = 1024 * 1024;

async function writeAll(handle: FileHandle, bytes: Uint8Array) {
  for (let written = 0; written < bytes.byteLength;) {
    written += (await handle.write(bytes, written)).bytesWritten;
  }
}

/**
 * Gathers the socket's small chunks (64 KiB) into writes of BATCH_BYTES, far fewer system calls,
 * and overlaps them: while one batch is written (libuv's thread pool), the next is filled and
 * the last one hashed. Memory: two batches per upload in progress, whatever its size. The hash
 * runs ahead of the disk; if a write fails, the file is shorter than the hash has seen, and the
 * next append hashes the stored prefix again.
 */
function batchedSink(handle: FileHandle, state: { hash: Hash; size: number }) {
  let filling = Buffer.allocUnsafe(BATCH_BYTES);
  let spare = Buffer.allocUnsafe(BATCH_BYTES);
  let held = 0;
  let writing: Promise<void> = Promise.resolve();
  const startWrite = async (bytes: Uint8Array) => {
    await writing;
    writing = writeAll(handle, bytes);
    state.hash.update(bytes);
    state.size += bytes.byteLength;
  };
  const flushHeld = async () => {
    if (held === 0) return;
    const bytes = filling.subarray(0, held);
    [filling, spare] = [spare, filling];
    held = 0;
    await startWrite(bytes);
  };
  return {
    async write(chunk: Uint8Array) {
      if (held + chunk.byteLength > BATCH_BYTES) await flushHeld();
      if (chunk.byteLength > BATCH_BYTES) return startWrite(chunk);
      // The buffer being filled is never the one being written: startWrite waited for that one.
      filling.set(chunk, held);
      held += chunk.byteLength;
    },
    async flush() {
      await flushHeld();
      await writing;
    },
  };
}

/** Ids are ours (UUIDs); anything else never names a file. */
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * Blobs as files under `root` (DATA_DIR/blobs): `<id>.part` while it is uploaded, renamed to
 * `<id>` once complete, after an fsync. The SHA-256 is taken on the way: one Hash per upload
 * lives in memory beside the size it has seen. After a restart, or when the file is not the size
 * the hash has seen, the stored prefix is hashed once again and the upload continues.
 */
export function fileBlobStore(root: string): BlobStore {
  const hashes = new Map<string, { hash: Hash; size: number }>();
  const appending = new Set<string>();
  const path = (id: string, part: boolean) => {
    if (!SAFE_ID.test(id)) throw new Error(`not a blob id: ${JSON.stringify(id)}`);
    return join(root, part ? `${id}.part` : id);
  };
  const sizeOf = async (file: string) => (await stat(file).catch(() => null))?.size ?? null;

  /** The hash of the first `size` bytes of the file, from memory when it has seen exactly those. */
  async function hashUpTo(id: string, file: string, size: number) {
    const known = hashes.get(id);
    if (known?.size === size) return known;
    const hash = createHash('sha256');
    if (size > 0) {
      for await (const chunk of createReadStream(file, { start: 0, end: size - 1 })) hash.update(chunk as Buffer);
    }
    const state = { hash, size };
    hashes.set(id, state);
    return state;
  }

  return {
    async create(id) {
      await mkdir(root, { recursive: true });
      await (await open(path(id, true), 'w')).close();
      hashes.set(id, { hash: createHash('sha256'), size: 0 });
    },
    async append(id, offset, body, maxBytes) {
      const file = path(id, true);
      const size = await sizeOf(file);
      if (size === null) throw new Error(`no upload in progress for blob ${id}`);
      if (appending.has(id) || offset !== size) throw new BlobOffsetConflict(size);
      appending.add(id);
      const handle = await open(file, 'a');
      try {
        const state = await hashUpTo(id, file, size);
        return await appendChunks(body, size, maxBytes, batchedSink(handle, state));
      } finally {
        appending.delete(id);
        await handle.close();
      }
    },
    async size(id) {
      return (await sizeOf(path(id, true))) ?? (await sizeOf(path(id, false)));
    },
    async complete(id) {
      const part = path(id, true);
      const done = path(id, false);
      const partSize = await sizeOf(part);
      if (partSize === null) {
        // Completed before (a retry after a crash between the rename and the database).
        const size = await sizeOf(done);
        if (size === null) throw new Error(`no blob ${id}`);
        const { hash } = await hashUpTo(id, done, size);
        hashes.delete(id);
        return { size, sha256: hash.digest('hex') };
      }
      const { hash } = await hashUpTo(id, part, partSize);
      hashes.delete(id);
      const handle = await open(part, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(part, done);
      return { size: partSize, sha256: hash.digest('hex') };
    },
    async open(id, range) {
      const file = path(id, false);
      const size = await sizeOf(file);
      if (size === null) return null;
      const start = range?.start ?? 0;
      const end = Math.min(range?.end ?? size, size);
      if (end <= start) return new Blob([]).stream();
      return Readable.toWeb(createReadStream(file, { start, end: end - 1 })) as ReadableStream<Uint8Array>;
    },
    async delete(id) {
      hashes.delete(id);
      await rm(path(id, true), { force: true });
      await rm(path(id, false), { force: true });
    },
  };
}
