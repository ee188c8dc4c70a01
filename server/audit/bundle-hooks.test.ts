import { describe, expect, it } from 'vitest';
import type { AuditAction, AuditPage } from '../../contract/audit';
import { startInstall } from '../testing/ingest-client';
import { ACME_LICENSE_ID } from '../testing/recorded-requests';
import type { TestPortal } from '../testing/test-portal';
import { bundleBytes, createBundlePortal, tusClient, uploadMetadata } from '../testing/tus-client';

const FROM = '198.51.100.23';

const entries = async (portal: TestPortal, admin: string, action: AuditAction) =>
  ((await (await portal.request(`/api/team/audit?action=${action}`, { cookie: admin })).json()) as AuditPage).events;

const meId = async (portal: TestPortal, cookie: string) =>
  (await (await portal.request('/api/me', { cookie })).json()).user.id as string;

/** A machine's request, as the Node host hands it over: no Origin, its address in the bindings. */
const machine = (portal: TestPortal, path: string, init: RequestInit) =>
  portal.app.request(`http://portal.test${path}`, init, { clientAddress: FROM });

describe('the audit hooks of support bundles', () => {
  it('records a browser upload when its last byte arrives, and a delete; refusals write nothing', async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const bob = await portal.signIn('bob@acme.example');
    const from = (path: string, init?: RequestInit & { cookie?: string }) =>
      portal.request(path, { ...init, clientAddress: FROM });
    const tus = tusClient(from, bob);
    const bytes = bundleBytes(1000);
    const created = await tus.create(bytes.byteLength, uploadMetadata({ filename: 'node-1.tar.gz' }));
    const location = created.headers.get('location')!;
    const id = location.split('/').pop()!;

    expect((await tus.patch(location, 0, bytes.slice(0, 400))).status).toBe(204);
    expect((await tus.patch(location, 0, bytes.slice(400))).status).toBe(409); // wrong offset
    expect(await entries(portal, alice, 'bundle.uploaded')).toEqual([]);
    expect((await tus.patch(location, 400, bytes.slice(400))).status).toBe(204);

    const bobActor = { kind: 'user', id: await meId(portal, bob), label: 'bob@acme.example' };
    const target = { kind: 'bundle', id, label: 'node-1.tar.gz' };
    expect(await entries(portal, alice, 'bundle.uploaded')).toEqual([
      expect.objectContaining({ actor: bobActor, target, clientAddress: FROM, details: { source: 'browser' } }),
    ]);

    const remove = (cookie: string) =>
      portal.request(`/api/support-bundles/${id}`, { method: 'DELETE', cookie, clientAddress: FROM });
    const erin = await portal.signIn('erin@acme.example'); // a member, not the uploader
    expect((await remove(erin)).status).toBe(403);
    expect(await entries(portal, alice, 'bundle.deleted')).toEqual([]);
    expect((await remove(alice)).status).toBe(204);
    const aliceActor = { kind: 'user', id: await meId(portal, alice), label: 'alice@acme.example' };
    expect(await entries(portal, alice, 'bundle.deleted')).toEqual([
      expect.objectContaining({ actor: aliceActor, target, clientAddress: FROM, details: null }),
    ]);
  });

  it('records troubleshoot’s upload by the license ID; a refused one writes nothing', async () => {
    const { portal } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const bytes = bundleBytes(1200);
    const send = (type: string) =>
      machine(portal, '/supportbundle/upload/atlas', {
        method: 'POST',
        headers: { authorization: ACME_LICENSE_ID, 'content-type': type, 'content-length': String(bytes.byteLength) },
        body: new Uint8Array(bytes),
      });
    expect((await send('text/plain')).status).toBe(400);
    expect(await entries(portal, alice, 'bundle.uploaded')).toEqual([]);
    const accepted = await send('application/gzip');
    expect(accepted.status).toBe(201);
    const { bundleId } = await accepted.json();
    expect(await entries(portal, alice, 'bundle.uploaded')).toEqual([
      expect.objectContaining({
        actor: { kind: 'license', id: null, label: 'License ID' },
        target: { kind: 'bundle', id: bundleId, label: expect.stringMatching(/^supportbundle-.+\.tar\.gz$/) },
        clientAddress: FROM,
        details: { source: 'troubleshoot' },
      }),
    ]);
  });

  it('records the SDK’s upload by a service account at its credential-less upload URL', async () => {
    const { portal } = await createBundlePortal();
    const { token, attempt, cookie: alice } = await startInstall(portal, 'alice@acme.example', { name: 'edge-sdk' });
    const started = await machine(portal, '/v3/supportbundle/upload-url', {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`${token}:${token}`)}`, 'user-agent': 'Replicated-SDK/v1.19.6' },
    });
    expect(started.status).toBe(200);
    const { bundle_id: bundleId, upload_url: uploadUrl } = await started.json();
    const bytes = bundleBytes(900);
    const put = (body: Uint8Array) =>
      machine(portal, new URL(uploadUrl).pathname, {
        method: 'PUT',
        headers: { 'content-length': String(bytes.byteLength) },
        body: new Uint8Array(body),
      });
    expect((await put(bytes)).status).toBe(201);
    expect((await put(bytes)).status).toBe(404); // the URL is spent
    expect(await entries(portal, alice, 'bundle.uploaded')).toEqual([
      expect.objectContaining({
        actor: { kind: 'service_account', id: attempt.serviceAccount!.id, label: 'edge-sdk' },
        target: expect.objectContaining({ kind: 'bundle', id: bundleId }),
        clientAddress: FROM,
        details: { source: 'sdk' },
      }),
    ]);
  });
});
