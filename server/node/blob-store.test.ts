import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BlobOffsetConflict, BlobTooLarge, BodyInterrupted, type BlobStore } from '../deps';
import { memoryBlobStore } from '../support-bundles/memory-blob-store';
import { bundleBytes, failingBody, sha256Hex, streamOf } from '../testing/tus-client';
import { fileBlobStore } from './blob-store';

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'portico-blobs-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const read = async (store: BlobStore, id: string, range?: { start: number; end?: number }) =>
  new Uint8Array(await new Response(await store.open(id, range)).arrayBuffer());

const stores: [string, () => Promise<BlobStore>][] = [
  ['file', async () => fileBlobStore(await tempDir())],
  ['memory', async () => memoryBlobStore()],
];

describe.each(stores)('the %s blob store', (_, makeStore) => {
  it('appends at the end, completes with the SHA-256 of every byte, reads whole or a range, deletes', async () => {
    const store = await makeStore();
    const bytes = bundleBytes(300_000);
    await store.create('b-1');
    expect(await store.size('b-1')).toBe(0);
    expect(await store.append('b-1', 0, streamOf(bytes.slice(0, 100_000)), 1_000_000)).toBe(100_000);
    expect(await store.append('b-1', 100_000, streamOf(bytes.slice(100_000)), 1_000_000)).toBe(300_000);
    expect(await store.complete('b-1')).toEqual({ size: 300_000, sha256: sha256Hex(bytes) });
    expect(sha256Hex(await read(store, 'b-1'))).toBe(sha256Hex(bytes));
    expect(await read(store, 'b-1', { start: 10, end: 20 })).toEqual(bytes.slice(10, 20));
    await store.delete('b-1');
    expect(await store.size('b-1')).toBeNull();
    expect(await store.open('b-1')).toBeNull();
  });

  it('refuses an append that does not start at the end, and one while another is under way', async () => {
    const store = await makeStore();
    await store.create('b-2');
    await store.append('b-2', 0, streamOf(bundleBytes(10)), 100);
    await expect(store.append('b-2', 5, streamOf(bundleBytes(10)), 100)).rejects.toEqual(new BlobOffsetConflict(10));
    let release = () => {};
    const slow = new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(new Uint8Array(4));
        release = () => controller.close();
      },
    });
    const first = store.append('b-2', 10, slow, 100);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(store.append('b-2', 14, streamOf(bundleBytes(1)), 100)).rejects.toBeInstanceOf(BlobOffsetConflict);
    release();
    expect(await first).toBe(14);
  });

  it('keeps every byte received before a body fails, and goes on from there', async () => {
    const store = await makeStore();
    const bytes = bundleBytes(100 * 1024);
    await store.create('b-3');
    const error = await store.append('b-3', 0, failingBody(bytes.slice(0, 48 * 1024)), 1e9).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyInterrupted);
    expect(await store.size('b-3')).toBe(48 * 1024);
    await store.append('b-3', 48 * 1024, streamOf(bytes.slice(48 * 1024)), 1e9);
    expect((await store.complete('b-3')).sha256).toBe(sha256Hex(bytes));
  });

  it('never keeps a byte past the limit', async () => {
    const store = await makeStore();
    const bytes = bundleBytes(64 * 1024);
    await store.create('b-4');
    const error = await store.append('b-4', 0, failingBody(bytes), 40 * 1024).catch((e: unknown) => e);
    expect(error).toEqual(new BlobTooLarge(32 * 1024));
    expect(await store.size('b-4')).toBe(32 * 1024);
    expect(await store.append('b-4', 32 * 1024, streamOf(bytes.slice(32 * 1024, 40 * 1024)), 8 * 1024)).toBe(40 * 1024);
    expect((await store.complete('b-4')).sha256).toBe(sha256Hex(bytes.slice(0, 40 * 1024)));
  });
});

describe('the file blob store across a restart', () => {
  it('hashes the stored prefix once when its memory is gone, then goes on; files are named by id', async () => {
    const dir = await tempDir();
    const bytes = bundleBytes(200_000, 7);
    const before = fileBlobStore(dir);
    await before.create('b-5');
    await before.append('b-5', 0, failingBody(bytes.slice(0, 64 * 1024)), 1e9).catch(() => {});
    expect(await readdir(dir)).toEqual(['b-5.part']);

    const after = fileBlobStore(dir);
    expect(await after.size('b-5')).toBe(64 * 1024);
    await after.append('b-5', 64 * 1024, streamOf(bytes.slice(64 * 1024)), 1e9);
    expect(await after.complete('b-5')).toEqual({ size: 200_000, sha256: sha256Hex(bytes) });
    expect(await readdir(dir)).toEqual(['b-5']);
    // Completing again (a retry after a crash) answers the same.
    expect(await fileBlobStore(dir).complete('b-5')).toEqual({ size: 200_000, sha256: sha256Hex(bytes) });
  });

  it('refuses an id that is not one of ours rather than naming a file with it', async () => {
    const store = fileBlobStore(await tempDir());
    await expect(store.create('../escape')).rejects.toThrow(/not a blob id/);
  });
});
