import { describe, expect, it } from 'vitest';
import { instances } from '../db/schema';
import { cleanAbandonedUploads } from './store';
import {
  bundleBytes,
  createBundlePortal,
  gzipLookalike,
  tusClient,
  upload,
  uploadMetadata,
  UPLOADS,
} from '../testing/tus-client';

const HOUR_MS = 3_600_000;

describe('support-bundle uploads: refusals', () => {
  it('refuses missing or invalid headers with 400 naming the header (415 for the content type)', async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const tus = tusClient(portal.request, alice);
    const refusal = async (response: Response, status: number, header: string) => {
      expect(response.status).toBe(status);
      expect(response.headers.get('tus-resumable')).toBe('1.0.0');
      const { error } = await response.json();
      expect(error.message).toContain(header);
      expect(Object.keys(error.details.headers)).toEqual([header]);
    };
    await refusal(await tus.create(''), 400, 'Upload-Length');
    await refusal(await tus.create('12abc'), 400, 'Upload-Length');
    await refusal(await tus.create(0), 400, 'Upload-Length');
    await refusal(await tus.create(100, 'filename !!!'), 400, 'Upload-Metadata');
    await refusal(await tus.create(100, ''), 400, 'Upload-Metadata');
    await refusal(await tus.create(100, undefined, { 'upload-defer-length': '1' }), 400, 'Upload-Defer-Length');
    await refusal(
      await portal.request(UPLOADS, { method: 'POST', cookie: alice, headers: { 'upload-length': '100' } }),
      400,
      'Tus-Resumable',
    );
    await refusal(await tus.create(100, undefined, { 'tus-resumable': '0.2.2' }), 412, 'Tus-Resumable');

    const location = (await tus.create(100)).headers.get('location')!;
    await refusal(await tus.patch(location, 0, gzipLookalike(10), { 'upload-offset': '' }), 400, 'Upload-Offset');
    await refusal(await tus.patch(location, 0, gzipLookalike(10), { 'upload-offset': '-1' }), 400, 'Upload-Offset');
    await refusal(
      await tus.patch(location, 0, gzipLookalike(10), { 'content-type': 'application/octet-stream' }),
      415,
      'Content-Type',
    );
    expect((await tus.head(location)).headers.get('upload-offset')).toBe('0');
  });

  it('refuses a file name with NUL, an unpaired surrogate, invalid UTF-8 or a path', async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const tus = tusClient(portal.request, alice);
    for (const filename of [
      'bundle\u0000.tar.gz',
      new Uint8Array([0x61, 0xed, 0xa0, 0x80, 0x62]), // a surrogate, as CESU-8 would write it
      new Uint8Array([0x61, 0xff, 0x62]),
      '../../etc/passwd',
      'a'.repeat(256),
    ]) {
      const created = await tus.create(100, uploadMetadata({ filename }));
      expect(created.status, String(filename)).toBe(400);
      expect((await created.json()).error.details.headers).toHaveProperty('Upload-Metadata');
    }
    // Any other text is kept as it was given.
    const name = 'Bündel 😀 "quoted".tar.gz';
    const { id } = await upload(portal, alice, bundleBytes(100), 1, uploadMetadata({ filename: name }));
    const details = await (await portal.request(`/api/support-bundles/${id}`, { cookie: alice })).json();
    expect(details.filename).toBe(name);
  });

  it("answers 404 for another team's upload and for another member's, and changes nothing", async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const location = (await tusClient(portal.request, alice).create(100)).headers.get('location')!;
    await tusClient(portal.request, alice).patch(location, 0, bundleBytes(10));
    for (const email of ['carol@globex.example', 'bob@acme.example']) {
      const other = tusClient(portal.request, await portal.signIn(email));
      expect((await other.head(location)).status).toBe(404);
      expect((await other.patch(location, 10, bundleBytes(10))).status).toBe(404);
      expect((await other.terminate(location)).status).toBe(404);
    }
    expect((await tusClient(portal.request, alice).head(location)).headers.get('upload-offset')).toBe('10');
  });

  it("ties a bundle to one of the team's instances, never to another team's", async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const [acme, globex] = await Promise.all(
      ['Acme Corp', 'Globex'].map(async (name) => {
        const rows = await portal.db.query.teams.findFirst({ where: (t, { eq }) => eq(t.name, name) });
        return rows!.id;
      }),
    );
    const ours = '00000000-0000-4000-8000-00000000000a';
    const theirs = '00000000-0000-4000-8000-00000000000b';
    await portal.db.insert(instances).values([
      { id: ours, teamId: acme!, airgap: true, source: 'manual', name: 'vault-dc1' },
      { id: theirs, teamId: globex!, airgap: false },
    ]);
    const tus = tusClient(portal.request, alice);
    const refused = await tus.create(100, uploadMetadata({ filename: 'b.tar.gz', instanceId: theirs }));
    expect(refused.status).toBe(400);
    const { id } = await upload(
      portal,
      alice,
      bundleBytes(100),
      1,
      uploadMetadata({ filename: 'b.tar.gz', instanceId: ours }),
    );
    const details = await (await portal.request(`/api/support-bundles/${id}`, { cookie: alice })).json();
    expect(details.instance).toEqual({ id: ours, name: 'vault-dc1' });
  });

  it('cancels an upload with DELETE (termination): its row and bytes are gone', async () => {
    const { portal, blobs } = await createBundlePortal();
    const bob = await portal.signIn('bob@acme.example');
    const tus = tusClient(portal.request, bob);
    const location = (await tus.create(100)).headers.get('location')!;
    await tus.patch(location, 0, bundleBytes(10));
    const cancelled = await tus.terminate(location);
    expect(cancelled.status).toBe(204);
    expect(cancelled.headers.get('tus-resumable')).toBe('1.0.0');
    expect((await tus.head(location)).status).toBe(404);
    expect(await blobs.size(location.split('/').pop()!)).toBeNull();
  });

  it('removes uploads not completed within a day, rows and bytes, and refuses them with 410 meanwhile', async () => {
    const { portal, blobs } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const tus = tusClient(portal.request, alice);
    const location = (await tus.create(100)).headers.get('location')!;
    const id = location.split('/').pop()!;
    await tus.patch(location, 0, bundleBytes(10));
    const complete = await upload(portal, alice, bundleBytes(50));

    portal.clock.advance(23 * HOUR_MS);
    expect(await cleanAbandonedUploads({ db: portal.db, blobs }, portal.clock.now())).toBe(0);
    portal.clock.advance(HOUR_MS);
    expect((await tus.patch(location, 10, bundleBytes(10))).status).toBe(410);
    portal.clock.advance(1);
    expect(await cleanAbandonedUploads({ db: portal.db, blobs }, portal.clock.now())).toBe(1);
    expect((await tus.head(location)).status).toBe(404);
    expect(await blobs.size(id)).toBeNull();
    expect((await portal.request(`/api/support-bundles/${complete.id}`, { cookie: alice })).status).toBe(200);
  });
});
