import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { SupportBundleList } from '../../contract/support-bundles';
import { instances } from '../db/schema';
import { createBundlePortal, upload, uploadMetadata } from '../testing/tus-client';
import type { TestPortal } from '../testing/test-portal';

const fixture = async (name: string) => new Uint8Array(await readFile(new URL(`./fixtures/${name}`, import.meta.url)));

const history = async (portal: TestPortal, cookie: string) =>
  ((await (await portal.request('/api/support-bundles', { cookie })).json()) as SupportBundleList).bundles;

describe('a browser upload of an air-gap bundle, through to the instance it reports', () => {
  it('creates the air-gap instance, links the bundle to it, and changes nothing the second time', async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const bytes = await fixture('airgap-acme.tar.gz');
    await upload(portal, alice, bytes, 3, uploadMetadata({ filename: 'airgap-acme.tar.gz' }));
    await portal.settled();

    const [bundle] = await history(portal, alice);
    expect(bundle).toMatchObject({
      status: 'ready',
      collectedAt: '2026-11-20T10:15:00.000Z',
      analysis: { error: 1, warn: 1, pass: 1 },
      instance: { id: expect.any(String), name: 'prod-east' },
    });
    const listed = await (await portal.request('/api/instances?tab=airgap', { cookie: alice })).json();
    expect(listed.instances).toEqual([
      expect.objectContaining({
        id: bundle!.instance!.id,
        name: 'prod-east',
        airgap: true,
        status: 'degraded',
        versionLabel: '1.4.0',
        installMethod: 'embedded',
      }),
    ]);

    const before = await portal.db.select().from(instances);
    await upload(portal, alice, bytes, 1, uploadMetadata({ filename: 'again.tar.gz' }));
    await portal.settled();
    expect((await history(portal, alice)).map((b) => b.status)).toEqual(['ready', 'ready']);
    expect(await portal.db.select().from(instances)).toEqual(before);
  });

  it("rejects a bundle of another customer's license, and records no instance", async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    await upload(portal, alice, await fixture('airgap-initech.tar.gz'), 1, uploadMetadata({ filename: 'x.tar.gz' }));
    await portal.settled();
    const [bundle] = await history(portal, alice);
    expect(bundle).toMatchObject({ status: 'rejected', rejection: { code: 'license_mismatch' }, instance: null });
    expect(await portal.db.select().from(instances)).toEqual([]);
  });
});
