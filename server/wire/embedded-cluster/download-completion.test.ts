import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../node/host';
import { createTestPortal, type TestPortal } from '../../testing/test-portal';
import { checkpointTimes, readTgz, startInstall } from '../../testing/ingest-client';

const PATH = '/embedded/atlas/stable/1.4.0';

/** Long enough for an unread stream to be pumped to its end if anything pumps it. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function assetsDownloaded(install: Awaited<ReturnType<typeof startInstall>>) {
  await settle();
  return checkpointTimes(await install.read()).assets_downloaded;
}

/** The portal behind a real Node server, as `npm start` runs it (server/node/host.ts). */
async function listening(portal: TestPortal) {
  const server = serve({
    fetch: createHost(portal.app, '/nonexistent', {
      trustProxy: false,
      branding: { title: 'Atlas', primaryColor: '#4f46e5', faviconUrl: null },
    }).fetch,
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('Assets downloaded counts only a completed GET (issue 6, defect 9)', () => {
  it('answers HEAD with the headers of the download and records nothing', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const head = await portal.app.request(`http://portal.test${PATH}`, {
      method: 'HEAD',
      headers: { authorization: install.token },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/gzip');
    expect(head.headers.get('content-disposition')).toBe('attachment; filename="atlas-stable.tgz"');
    expect(await head.text()).toBe('');
    expect(await assetsDownloaded(install)).toBeNull();

    const get = await portal.app.request(`http://portal.test${PATH}`, { headers: { authorization: install.token } });
    await readTgz(get.body!);
    expect(await assetsDownloaded(install)).toBe('2026-11-22T10:00:00.000Z');
  });

  it('records nothing for a GET whose reader stops before the end', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const get = await portal.app.request(`http://portal.test${PATH}`, { headers: { authorization: install.token } });
    const reader = get.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    expect(await assetsDownloaded(install)).toBeNull();
  });

  it('records nothing for a HEAD through the Node server, and a GET through it once read', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const server = await listening(portal);
    try {
      const head = await fetch(`${server.url}${PATH}`, { method: 'HEAD', headers: { authorization: install.token } });
      expect(head.status).toBe(200);
      expect(await assetsDownloaded(install)).toBeNull();

      const get = await fetch(`${server.url}${PATH}`, { headers: { authorization: install.token } });
      expect((await readTgz(get.body!)).map((f) => f.name)).toEqual(['atlas', 'license.yaml']);
      expect(await assetsDownloaded(install)).not.toBeNull();
    } finally {
      await server.close();
    }
  });
});
