import { describe, expect, it } from 'vitest';
import type { SupportBundleDetails, SupportBundleList } from '../../contract/support-bundles';
import { bundleBytes, createBundlePortal, sha256Hex, streamOf, upload, uploadMetadata } from '../testing/tus-client';
import { inspectBundle } from './inspector';
import { analysisCounts } from './present';
import { receiveBundle } from './receive';
import { inspectPending } from './store';
import { supportBundles } from '../db/schema';
import { eq } from 'drizzle-orm';

type Portal = Awaited<ReturnType<typeof createBundlePortal>>['portal'];
const HOUR_MS = 3_600_000;

const list = async (portal: Portal, cookie: string) =>
  ((await (await portal.request('/api/support-bundles', { cookie })).json()) as SupportBundleList).bundles;

const teamId = async (portal: Portal, name: string) =>
  (await portal.db.query.teams.findFirst({ where: (t, { eq }) => eq(t.name, name) }))!.id;

describe('the support-bundle history', () => {
  it("lists the team's complete bundles newest first, with who uploaded them and whether one may delete them", async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const bob = await portal.signIn('bob@acme.example');
    const first = await upload(portal, bob, bundleBytes(100), 1, uploadMetadata({ filename: 'first.tar.gz' }));
    portal.clock.advance(HOUR_MS);
    const second = await upload(portal, alice, bundleBytes(200), 1, uploadMetadata({ filename: 'second.tar.gz' }));
    await upload(portal, await portal.signIn('carol@globex.example'), bundleBytes(300));

    const asBob = await list(portal, bob);
    expect(asBob.map((b) => [b.id, b.uploadedBy.name, b.canDelete])).toEqual([
      [second.id, 'alice@acme.example', false],
      [first.id, 'bob@acme.example', true],
    ]);
    expect(asBob[1]).toEqual({
      id: first.id,
      filename: 'first.tar.gz',
      instance: null,
      source: 'browser',
      status: 'ready',
      rejection: null,
      size: 100,
      sha256: sha256Hex(bundleBytes(100)),
      uploadedBy: expect.objectContaining({ kind: 'user', name: 'bob@acme.example' }),
      collectedAt: null,
      uploadedAt: '2026-11-22T10:00:00.000Z',
      analysis: null,
      canDelete: true,
    });
    expect((await list(portal, alice)).every((b) => b.canDelete)).toBe(true);

    const details = (await (
      await portal.request(`/api/support-bundles/${first.id}`, { cookie: bob })
    ).json()) as SupportBundleDetails;
    expect(details).toMatchObject({ id: first.id, facts: {}, files: [] });
  });

  it('keeps a refused bundle with its reason and deletes its bytes', async () => {
    const { portal, blobs } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const notGzip = new TextEncoder().encode('PK\u0003\u0004 this is a zip file');
    const { id } = await upload(portal, alice, notGzip, 1, uploadMetadata({ filename: 'bundle.zip' }));
    expect(await list(portal, alice)).toEqual([
      expect.objectContaining({
        id,
        status: 'rejected',
        rejection: { code: 'not_gzip', message: 'This file is not a gzip-compressed archive (.tar.gz).' },
      }),
    ]);
    expect(await blobs.open(id)).toBeNull();
    expect((await portal.request(`/api/support-bundles/${id}/download`, { cookie: alice })).status).toBe(404);
  });

  it('downloads the exact bytes as an attachment under a safe name', async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const bytes = bundleBytes(200 * 1024, 9);
    const filename = 'bündel"\r\nX-Evil: 1.tar.gz';
    const { id } = await upload(portal, alice, bytes, 2, uploadMetadata({ filename: filename.replace(/[\r\n]/g, '') }));
    const download = await portal.request(`/api/support-bundles/${id}/download`, { cookie: alice });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/gzip');
    expect(download.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="b_ndel_X-Evil_ 1.tar.gz"; filename*=UTF-8''b%C3%BCndel%22X-Evil%3A%201.tar.gz`,
    );
    expect(download.headers.get('x-evil')).toBeNull();
    expect(sha256Hex(new Uint8Array(await download.arrayBuffer()))).toBe(sha256Hex(bytes));
  });

  it('answers the file viewer as JSON, 404 for a file the bundle does not have', async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const { id } = await upload(portal, alice, bundleBytes(100));
    const missing = await portal.request(`/api/support-bundles/${id}/file?path=version.yaml`, { cookie: alice });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    const noPath = await portal.request(`/api/support-bundles/${id}/file`, { cookie: alice });
    expect(noPath.status).toBe(400);
  });

  it('lets an admin or the uploader delete a bundle, and nobody else', async () => {
    const { portal, blobs } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const bob = await portal.signIn('bob@acme.example');
    const erin = await portal.signIn('erin@acme.example');
    const carol = await portal.signIn('carol@globex.example');
    const del = (id: string, cookie: string) =>
      portal.request(`/api/support-bundles/${id}`, { method: 'DELETE', cookie });
    const bobs = await upload(portal, bob, bundleBytes(100));
    const other = await upload(portal, bob, bundleBytes(100, 2));

    expect((await del(bobs.id, carol)).status).toBe(404);
    const refused = await del(bobs.id, erin);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('forbidden');
    expect((await del(bobs.id, bob)).status).toBe(204);
    expect((await del(other.id, alice)).status).toBe(204);
    expect(await list(portal, bob)).toEqual([]);
    expect(await blobs.open(bobs.id)).toBeNull();
    expect((await del(bobs.id, bob)).status).toBe(404);
  });
});

describe('receiveBundle, for the real clients adapters', () => {
  const deps = (ctx: Awaited<ReturnType<typeof createBundlePortal>>) => ({
    db: ctx.portal.db,
    blobs: ctx.blobs,
    now: ctx.portal.clock.now,
    logger: { info() {}, error() {} },
    inspectBundle,
  });

  it('streams a whole body in, completes and inspects it, and lists it like a browser upload', async () => {
    const ctx = await createBundlePortal();
    const bytes = bundleBytes(150 * 1024, 4);
    const collectedAt = new Date('2026-11-21T09:00:00Z');
    const bundle = await receiveBundle(deps(ctx), {
      teamId: await teamId(ctx.portal, 'Acme Corp'),
      uploadedBy: { kind: 'license', id: 'license' },
      source: 'kots',
      filename: 'supportbundle.tar.gz',
      collectedAt,
      body: streamOf(bytes),
      declaredLength: bytes.byteLength,
    });
    expect(bundle).toMatchObject({ status: 'ready', size: bytes.byteLength, sha256: sha256Hex(bytes) });
    const [listed] = await list(ctx.portal, await ctx.portal.signIn('alice@acme.example'));
    expect(listed).toMatchObject({ source: 'kots', collectedAt: collectedAt.toISOString(), status: 'ready' });
  });

  it('refuses a body over the limit with 413 and a short or long one with 400, keeping nothing', async () => {
    const ctx = await createBundlePortal({ maxBundleBytes: 64 * 1024 });
    const input = {
      teamId: await teamId(ctx.portal, 'Acme Corp'),
      uploadedBy: { kind: 'license', id: 'license' } as const,
      source: 'troubleshoot' as const,
      filename: 'b.tar.gz',
    };
    const refusal = (body: Uint8Array, declaredLength?: number) =>
      receiveBundle(deps(ctx), { ...input, body: streamOf(body), declaredLength }).catch(
        (e: { status: number }) => e.status,
      );
    expect(await refusal(bundleBytes(70 * 1024))).toBe(413);
    expect(await refusal(bundleBytes(10), 70 * 1024)).toBe(413);
    expect(await refusal(bundleBytes(10), 20)).toBe(400);
    expect(await refusal(bundleBytes(30), 20)).toBe(400);
    expect(await ctx.portal.db.query.supportBundles.findMany()).toEqual([]);
  });
});

describe('inspectPending, at start', () => {
  it('inspects the bundles a stopped server left inspecting', async () => {
    const ctx = await createBundlePortal();
    const alice = await ctx.portal.signIn('alice@acme.example');
    const { id } = await upload(ctx.portal, alice, bundleBytes(100));
    await ctx.portal.db
      .update(supportBundles)
      .set({ status: 'inspecting', facts: null })
      .where(eq(supportBundles.id, id));
    const deps = { db: ctx.portal.db, blobs: ctx.blobs, now: ctx.portal.clock.now, logger: { info() {}, error() {} } };
    expect(await inspectPending({ ...deps, inspectBundle })).toBe(1);
    expect((await list(ctx.portal, alice))[0]).toMatchObject({ id, status: 'ready' });
  });
});

describe('analysisCounts', () => {
  it('counts analyzer results by severity, from a list or from counts, and null without them', () => {
    const results = [{ severity: 'error' }, { severity: 'warn' }, { severity: 'warn' }, { severity: 'debug' }];
    expect(analysisCounts({ analysis: results })).toEqual({ error: 1, warn: 2, pass: 1 });
    expect(analysisCounts({ analysis: { error: 2, warn: 0, debug: 3 } })).toEqual({ error: 2, warn: 0, pass: 3 });
    expect(analysisCounts({})).toBeNull();
    expect(analysisCounts(null)).toBeNull();
  });
});
