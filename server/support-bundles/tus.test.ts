import { describe, expect, it } from 'vitest';
import type { SupportBundleList } from '../../contract/support-bundles';
import { createApp } from '../app';
import { fileBlobStore } from '../node/blob-store';
import { TEST_ORIGIN } from '../testing/test-portal';
import {
  bundleBytes,
  createBundlePortal,
  failingBody,
  sha256Hex,
  streamOf,
  tusClient,
  uploadMetadata,
  UPLOADS,
} from '../testing/tus-client';

const KiB = 1024;

const list = async (portal: Awaited<ReturnType<typeof createBundlePortal>>['portal'], cookie: string) =>
  ((await (await portal.request('/api/support-bundles', { cookie })).json()) as SupportBundleList).bundles;

describe('support-bundle uploads over tus 1.0.0', () => {
  it('creates an upload, takes it in three PATCHes, reports progress, and lists the bundle once complete', async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const tus = tusClient(portal.request, alice);
    const options = await portal.request(UPLOADS, { method: 'OPTIONS', cookie: alice });
    expect(options.status).toBe(204);
    expect(Object.fromEntries([...options.headers].filter(([name]) => name.startsWith('tus-')))).toEqual({
      'tus-resumable': '1.0.0',
      'tus-version': '1.0.0',
      'tus-extension': 'creation,termination,expiration',
      'tus-max-size': '2147483648',
    });

    const bytes = bundleBytes(300 * KiB);
    const created = await tus.create(bytes.byteLength, uploadMetadata({ filename: 'support-bundle.tar.gz' }));
    expect(created.status).toBe(201);
    expect(created.headers.get('tus-resumable')).toBe('1.0.0');
    expect(created.headers.get('upload-expires')).toBe('Mon, 23 Nov 2026 10:00:00 GMT');
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^\/api\/support-bundles\/uploads\/[0-9a-f-]{36}$/);

    for (const [from, to] of [
      [0, 100 * KiB],
      [100 * KiB, 200 * KiB],
    ]) {
      const sent = await tus.patch(location, from!, bytes.slice(from, to));
      expect(sent.status).toBe(204);
      expect(sent.headers.get('upload-offset')).toBe(String(to));
      expect(sent.headers.get('tus-resumable')).toBe('1.0.0');
    }
    const head = await tus.head(location);
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe(String(200 * KiB));
    expect(head.headers.get('upload-length')).toBe(String(300 * KiB));
    expect(head.headers.get('cache-control')).toBe('no-store');
    expect(head.headers.get('tus-resumable')).toBe('1.0.0');
    const signedOut = await tusClient(portal.request, '').head(location);
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get('tus-resumable')).toBe('1.0.0');
    expect(await list(portal, alice)).toEqual([]);

    const last = await tus.patch(location, 200 * KiB, bytes.slice(200 * KiB));
    expect(last.status).toBe(204);
    expect(last.headers.get('upload-offset')).toBe(String(300 * KiB));
    expect((await tus.head(location)).headers.get('upload-offset')).toBe(String(300 * KiB));
    expect(await list(portal, alice)).toEqual([
      expect.objectContaining({
        filename: 'support-bundle.tar.gz',
        source: 'browser',
        status: 'ready',
        size: 300 * KiB,
        sha256: sha256Hex(bytes),
        uploadedBy: expect.objectContaining({ kind: 'user', name: 'alice@acme.example' }),
        instance: null,
      }),
    ]);
  });

  it('keeps the bytes a dropped connection delivered; HEAD says so and the next PATCH completes', async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const tus = tusClient(portal.request, alice);
    const bytes = bundleBytes(256 * KiB, 3);
    const location = (await tus.create(bytes.byteLength)).headers.get('location')!;

    const dropped = await tus.patch(location, 0, failingBody(bytes.slice(0, 96 * KiB)));
    expect(dropped.status).toBe(400);
    expect(dropped.headers.get('upload-offset')).toBe(String(96 * KiB));
    expect((await tus.head(location)).headers.get('upload-offset')).toBe(String(96 * KiB));

    expect((await tus.patch(location, 96 * KiB, streamOf(bytes.slice(96 * KiB)))).status).toBe(204);
    expect((await list(portal, alice))[0]).toMatchObject({ status: 'ready', sha256: sha256Hex(bytes) });
  });

  it('resumes on a new server over the same data folder and database, and the SHA-256 is still right', async () => {
    const { portal, blobDir } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const bytes = bundleBytes(200 * KiB, 5);
    const location = (await tusClient(portal.request, alice).create(bytes.byteLength)).headers.get('location')!;
    await tusClient(portal.request, alice).patch(location, 0, failingBody(bytes.slice(0, 80 * KiB)));

    // A restart: a new app with a new blob store (no hash in memory) on the same files and rows.
    // Its deferred work (the inspection) is awaited, not given a fixed time, which a busy machine outlasts.
    const deferred: Promise<unknown>[] = [];
    const restarted = createApp({
      db: portal.db,
      publicUrl: TEST_ORIGIN,
      now: portal.clock.now,
      mailer: { send: async () => {} },
      blobs: fileBlobStore(blobDir),
      defer: (task) => void deferred.push(task()),
    });
    const request = async (path: string, init: RequestInit & { cookie?: string } = {}) => {
      const headers = new Headers(init.headers);
      headers.set('origin', TEST_ORIGIN);
      headers.set('cookie', init.cookie!);
      const response = await restarted.request(`${TEST_ORIGIN}${path}`, { ...init, headers });
      await Promise.all(deferred);
      return response;
    };
    const tus = tusClient(request, alice);
    const offset = Number((await tus.head(location)).headers.get('upload-offset'));
    expect(offset).toBe(80 * KiB);
    expect((await tus.patch(location, offset, bytes.slice(offset))).status).toBe(204);
    expect((await list(portal, alice))[0]).toMatchObject({ status: 'ready', sha256: sha256Hex(bytes) });
  });

  it('refuses a PATCH at the wrong offset with 409, and keeps nothing of it', async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const tus = tusClient(portal.request, alice);
    const location = (await tus.create(1000)).headers.get('location')!;
    await tus.patch(location, 0, bundleBytes(100));
    const wrong = await tus.patch(location, 50, bundleBytes(100));
    expect(wrong.status).toBe(409);
    expect(wrong.headers.get('tus-resumable')).toBe('1.0.0');
    expect(await wrong.json()).toMatchObject({ error: { code: 'conflict', details: { offset: 100 } } });
    expect((await tus.head(location)).headers.get('upload-offset')).toBe('100');
  });

  it('refuses bytes past Upload-Length with 413, declared or streamed, and keeps none past it', async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const tus = tusClient(portal.request, alice);
    const location = (await tus.create(40 * KiB)).headers.get('location')!;
    const declared = await tus.patch(location, 0, bundleBytes(41 * KiB));
    expect(declared.status).toBe(413);
    expect((await tus.head(location)).headers.get('upload-offset')).toBe('0');

    // Streamed in 16 KiB chunks: the third would pass 40 KiB.
    const streamed = await tus.patch(location, 0, failingBody(bundleBytes(64 * KiB)));
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect((await tus.head(location)).headers.get('upload-offset')).toBe(String(32 * KiB));
    expect(await list(portal, alice)).toEqual([]);
  });

  it("refuses an upload larger than portico.yaml's support.max_bundle_bytes with 413 naming the limit", async () => {
    const { portal } = await createBundlePortal({ maxBundleBytes: 10 * 1024 * 1024 });
    const alice = await portal.signIn('alice@acme.example');
    const options = await portal.request(UPLOADS, { method: 'OPTIONS', cookie: alice });
    expect(options.headers.get('tus-max-size')).toBe(String(10 * 1024 * 1024));
    const created = await tusClient(portal.request, alice).create(10 * 1024 * 1024 + 1);
    expect(created.status).toBe(413);
    expect(created.headers.get('tus-resumable')).toBe('1.0.0');
    const { error } = await created.json();
    expect(error.message).toContain('10 MiB');
    expect(error.details).toEqual({ limitBytes: 10 * 1024 * 1024 });
  });
});
