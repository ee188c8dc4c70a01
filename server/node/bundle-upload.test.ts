import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { request, type Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TEST_ORIGIN } from '../testing/test-portal';
import { bundleBytes, createBundlePortal, sha256Hex, tusClient, UPLOADS } from '../testing/tus-client';

/**
 * The upload protocol over a real socket (issue 9): a client that drops the connection midway
 * leaves every byte that reached the server, and resumes from there.
 */
describe('a support-bundle upload over real HTTP', () => {
  it('keeps the bytes of a connection dropped midway, and resumes from HEAD to the right SHA-256', async () => {
    const { portal } = await createBundlePortal();
    const server = createAdaptorServer({ fetch: portal.app.fetch }) as Server;
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const cookie = await portal.signIn('alice@acme.example');
    const tus = tusClient(portal.request, cookie);

    const bytes = bundleBytes(4 * 1024 * 1024, 11);
    const location = (await tus.create(bytes.byteLength)).headers.get('location')!;
    const headers = {
      cookie,
      origin: TEST_ORIGIN,
      'tus-resumable': '1.0.0',
      'content-type': 'application/offset+octet-stream',
    };

    // Half the bytes, then the connection is gone.
    const dropped = request(`${base}${location}`, {
      method: 'PATCH',
      headers: { ...headers, 'upload-offset': '0', 'content-length': String(bytes.byteLength) },
    });
    dropped.on('error', () => {});
    await new Promise<void>((resolve) => dropped.write(bytes.subarray(0, 2 * 1024 * 1024), () => resolve()));
    const offset = await settledOffset(() => tus.head(location));
    dropped.destroy();
    const kept = await settledOffset(() => tus.head(location));
    expect(kept).toBeGreaterThanOrEqual(offset);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(2 * 1024 * 1024);

    const rest = await fetch(`${base}${location}`, {
      method: 'PATCH',
      headers: { ...headers, 'upload-offset': String(kept) },
      body: Buffer.from(bytes.subarray(kept)),
    });
    expect(rest.status).toBe(204);
    await portal.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await portal.settled();
    const list = await (await portal.request('/api/support-bundles', { cookie })).json();
    expect(list.bundles[0]).toMatchObject({ status: 'ready', sha256: sha256Hex(bytes) });
    expect((await portal.request(UPLOADS, { method: 'OPTIONS', cookie })).status).toBe(204);
  });
});

/** The upload's offset once it stops moving (the server has written what reached it). */
async function settledOffset(head: () => Promise<Response>): Promise<number> {
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const offset = Number((await head()).headers.get('upload-offset'));
    if (offset === last && offset > 0) return offset;
    last = offset;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return last;
}
