import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { SupportBundleList } from '../../../contract/support-bundles';
import { supportBundles } from '../../db/schema';
import { startInstall } from '../../testing/ingest-client';
import { ACME_LICENSE_ID } from '../../testing/recorded-requests';
import type { TestPortal } from '../../testing/test-portal';
import { createBundlePortal, sha256Hex } from '../../testing/tus-client';

/**
 * Support-bundle uploads exactly as the real clients send them (issue 9), with Go's canonical
 * header spelling. Each request names the file and commit it was read from.
 */

const BASELINE = new URL('../../../../shared/fixtures/support-bundles/troubleshoot-baseline.tar.gz', import.meta.url);
const fixture = async (url: URL) => new Uint8Array(await readFile(url));
const basic = (license: string) => `Basic ${btoa(`${license}:${license}`)}`;

/** Sent as the host would: no Origin, nothing the client does not send itself. */
const send = (
  portal: TestPortal,
  path: string,
  init: { method: string; headers: [string, string][]; body?: BodyInit },
) => portal.app.request(`http://portal.test${path}`, { method: init.method, headers: init.headers, body: init.body });

/** troubleshoot pkg/supportbundle/upload.go@bad59380, UploadToReplicatedApp. */
const troubleshootUpload = (license: string, bytes: Uint8Array<ArrayBuffer>): [string, Parameters<typeof send>[2]] => [
  '/supportbundle/upload/atlas',
  {
    method: 'POST',
    headers: [
      ['Authorization', license],
      ['Content-Type', 'application/gzip'],
      ['Content-Length', String(bytes.byteLength)],
    ],
    body: bytes,
  },
];

/** kots pkg/handlers/troubleshoot.go@e1053616, ShareSupportBundle, with InjectReportingInfoHeaders. */
const kotsShare = (
  license: string,
  bytes: Uint8Array<ArrayBuffer>,
  instanceId: string,
): [string, Parameters<typeof send>[2]] => [
  '/supportbundle/upload/atlas',
  {
    method: 'POST',
    headers: [
      ['Authorization', basic(license)],
      ['Content-Type', 'application/tar+gzip'],
      ['X-Replicated-Supportbundle-Collectedat', '2026-11-21T09:30:00Z'],
      ['X-Replicated-Instanceid', instanceId],
      ['X-Replicated-Appstatus', 'ready'],
      ['X-Replicated-K8sversion', 'v1.31.2+k3s1'],
      ['X-Replicated-Kurlnodecounttotal', '0'],
      ['X-Replicated-Kurlnodecountready', '0'],
      ['Content-Length', String(bytes.byteLength)],
    ],
    body: bytes,
  },
];

/** replicated-sdk pkg/upstream/supportbundle.go@3c9e6a53: GetSupportBundleUploadURL, UploadToS3, MarkSupportBundleUploaded. */
const sdkHeaders = (license: string): [string, string][] => [
  ['User-Agent', 'Replicated-SDK/v1.19.6'],
  ['Authorization', basic(license)],
  ['X-Replicated-Instanceid', 'sdk-instance-1'],
  ['X-Replicated-Appstatus', 'ready'],
  ['X-Replicated-Downstreamchannelid', '2kLp9QvX7mRt4StableCh'],
  ['X-Replicated-Downstreamchannelsequence', '5'],
];

const history = async (portal: TestPortal, cookie: string) =>
  ((await (await portal.request('/api/support-bundles', { cookie })).json()) as SupportBundleList).bundles;

describe('support bundles from the real clients (issue 9)', () => {
  it("takes troubleshoot's upload with the raw license ID, and lists it with its facts", async () => {
    const { portal } = await createBundlePortal();
    const bytes = await fixture(BASELINE);
    const response = await send(portal, ...troubleshootUpload(ACME_LICENSE_ID, bytes));
    expect(response.status).toBe(201);
    const alice = await portal.signIn('alice@acme.example');
    const [bundle] = await history(portal, alice);
    expect(bundle).toMatchObject({
      source: 'troubleshoot',
      status: 'ready',
      size: bytes.byteLength,
      sha256: sha256Hex(bytes),
      uploadedBy: { kind: 'license' },
      collectedAt: '2025-12-10T17:27:11.000Z',
    });
    const details = await (await portal.request(`/api/support-bundles/${bundle!.id}`, { cookie: alice })).json();
    expect(details.facts).toMatchObject({
      k8sVersion: 'v1.31.2+k3s1',
      k8sDistribution: 'k3s',
      nodes: { total: 1, ready: 1 },
    });
  });

  it("takes KOTS's share with Basic auth, its collection time and its instance; a service-account token works too", async () => {
    const { portal } = await createBundlePortal();
    const bytes = await fixture(BASELINE);
    const response = await send(portal, ...kotsShare(ACME_LICENSE_ID, bytes, 'unknown-instance'));
    expect(response.status).toBe(201);
    const alice = await portal.signIn('alice@acme.example');
    expect((await history(portal, alice))[0]).toMatchObject({
      source: 'kots',
      collectedAt: '2026-11-21T09:30:00.000Z',
      instance: null,
    });

    const install = await startInstall(portal, 'alice@acme.example');
    const withToken = await send(portal, ...kotsShare(install.token, bytes, 'unknown-instance'));
    expect(withToken.status).toBe(201);
    // Both were sent at the same moment: the history's order between them is the ids'.
    expect(await history(portal, alice)).toContainEqual(
      expect.objectContaining({ source: 'kots', uploadedBy: expect.objectContaining({ kind: 'service_account' }) }),
    );
  });

  it('refuses a wrong license, another app, a type that is not gzip, and a bad collection time, storing nothing', async () => {
    const { portal } = await createBundlePortal();
    const bytes = await fixture(BASELINE);
    const [path, init] = troubleshootUpload(ACME_LICENSE_ID, bytes);
    const statusOf = async (change: (headers: Headers) => void, to = path) => {
      const headers = new Headers(init.headers);
      change(headers);
      return (await send(portal, to, { ...init, headers: [...headers.entries()] })).status;
    };
    expect(await statusOf((h) => h.set('Authorization', 'not-a-license'))).toBe(401);
    expect(await statusOf(() => {}, '/supportbundle/upload/other-app')).toBe(404);
    expect(await statusOf((h) => h.set('Content-Type', 'application/zip'))).toBe(400);
    expect(await statusOf((h) => h.set('X-Replicated-SupportBundle-CollectedAt', 'yesterday'))).toBe(400);
    expect(await portal.db.select().from(supportBundles)).toEqual([]);
  });

  it('answers 422 with the reason for a hostile archive, which the history keeps as rejected', async () => {
    const { portal } = await createBundlePortal();
    const bytes = await fixture(
      new URL('../../support-bundles/fixtures/hostile/path-traversal.tar.gz', import.meta.url),
    );
    const response = await send(portal, ...troubleshootUpload(ACME_LICENSE_ID, bytes));
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatchObject({
      code: 'bundle_rejected',
      details: { code: 'path_traversal' },
    });
    const alice = await portal.signIn('alice@acme.example');
    expect((await history(portal, alice))[0]).toMatchObject({
      status: 'rejected',
      rejection: { code: 'path_traversal' },
    });
  });

  it("takes the SDK's three steps: upload URL, PUT with no credentials, uploaded", async () => {
    const { portal } = await createBundlePortal();
    const bytes = await fixture(BASELINE);
    const started = await send(portal, '/v3/supportbundle/upload-url', {
      method: 'POST',
      headers: sdkHeaders(ACME_LICENSE_ID),
    });
    expect(started.status).toBe(200);
    const { bundle_id: bundleId, upload_url: uploadUrl } = await started.json();
    expect(uploadUrl).toMatch(
      new RegExp(`^http://portal\\.test/v3/supportbundle/upload/${bundleId}/[A-Za-z0-9_-]{43}$`),
    );

    const path = new URL(uploadUrl).pathname;
    const put = await send(portal, path, {
      method: 'PUT',
      headers: [['Content-Length', String(bytes.byteLength)]],
      body: bytes,
    });
    expect(put.status).toBe(201);
    // The URL is spent: a second PUT finds nothing.
    const again = await send(portal, path, {
      method: 'PUT',
      headers: [['Content-Length', String(bytes.byteLength)]],
      body: bytes,
    });
    expect(again.status).toBe(404);

    const uploaded = await send(portal, `/v3/supportbundle/${bundleId}/uploaded`, {
      method: 'POST',
      headers: [...sdkHeaders(ACME_LICENSE_ID), ['Content-Type', 'application/json']],
      body: JSON.stringify({ channel_id: '2kLp9QvX7mRt4StableCh' }),
    });
    expect(uploaded.status).toBe(200);
    expect(await uploaded.json()).toEqual({ slug: bundleId });

    const alice = await portal.signIn('alice@acme.example');
    expect(await history(portal, alice)).toEqual([
      expect.objectContaining({ id: bundleId, source: 'sdk', status: 'ready', sha256: sha256Hex(bytes) }),
    ]);
  });

  it('lets exactly one of two PUTs racing for one upload URL through, and keeps its bundle', async () => {
    const { portal } = await createBundlePortal();
    const bytes = await fixture(BASELINE);
    const started = await send(portal, '/v3/supportbundle/upload-url', {
      method: 'POST',
      headers: sdkHeaders(ACME_LICENSE_ID),
    });
    const path = new URL((await started.json()).upload_url).pathname;
    const put = () =>
      send(portal, path, { method: 'PUT', headers: [['Content-Length', String(bytes.byteLength)]], body: bytes });
    const statuses = (await Promise.all([put(), put()])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 404]);
    const alice = await portal.signIn('alice@acme.example');
    expect(await history(portal, alice)).toEqual([
      expect.objectContaining({ status: 'ready', sha256: sha256Hex(bytes) }),
    ]);
  });

  it('refuses a guessed upload URL, and "uploaded" before the bytes or for another team', async () => {
    const { portal } = await createBundlePortal();
    const started = await send(portal, '/v3/supportbundle/upload-url', {
      method: 'POST',
      headers: sdkHeaders(ACME_LICENSE_ID),
    });
    const { bundle_id: bundleId } = await started.json();
    const guessed = await send(portal, `/v3/supportbundle/upload/${bundleId}/${'x'.repeat(43)}`, {
      method: 'PUT',
      headers: [['Content-Length', '3']],
      body: 'abc',
    });
    expect(guessed.status).toBe(404);
    const early = await send(portal, `/v3/supportbundle/${bundleId}/uploaded`, {
      method: 'POST',
      headers: sdkHeaders(ACME_LICENSE_ID),
    });
    expect(early.status).toBe(409);
    const initech = await send(portal, `/v3/supportbundle/${bundleId}/uploaded`, {
      method: 'POST',
      headers: sdkHeaders('5tRv1KxM9pInitech'),
    });
    expect(initech.status).toBe(404);
  });
});
