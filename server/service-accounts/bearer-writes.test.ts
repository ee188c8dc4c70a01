import { describe, expect, it } from 'vitest';
import type { AirgapRecord } from '../../contract/airgap';
import type { AuditAction, AuditPage } from '../../contract/audit';
import type { InstallAttempt, InstallAttemptList, InstallAttemptWithToken } from '../../contract/installs';
import type { ServiceAccountList } from '../../contract/service-accounts';
import type { SupportBundleDetails } from '../../contract/support-bundles';
import { bearer, created, PATH } from '../testing/service-accounts';
import { createTestPortal, type TestPortal } from '../testing/test-portal';
import { bundleBytes, createBundlePortal, tusClient } from '../testing/tus-client';

/** Issue 10: a manual service account's token does, as `Authorization: Bearer`, what a member may. */

const install = { method: 'embedded', name: 'vm-1', version: '1.4.0', options: { network: 'online' } };

const send = (portal: TestPortal, token: string, method: string, path: string, json?: unknown) =>
  bearer(portal, path, token, {
    method,
    ...(json === undefined ? {} : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
  });

const auditEntries = async (portal: TestPortal, admin: string, action: AuditAction) =>
  ((await (await portal.request(`/api/team/audit?action=${action}`, { cookie: admin })).json()) as AuditPage).events;

describe('service-account tokens changing things as Bearer', () => {
  it('start an install, listed and audited as started by the service account', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const { serviceAccount, token } = await created(portal, alice, 'ci-bot');
    const bot = { kind: 'service_account', id: serviceAccount.id, name: 'ci-bot' };

    const started = await send(portal, token, 'POST', '/api/installs', install);
    expect(started.status).toBe(201);
    const { attempt, token: installToken } = (await started.json()) as InstallAttemptWithToken;
    expect(attempt.startedBy).toEqual(bot);
    expect(installToken).toMatch(/^portico_sa_/);

    // The person's view, and the token's own, list it with its starter.
    const listed = (await (await portal.request('/api/installs', { cookie: alice })).json()) as InstallAttemptList;
    expect(listed.attempts.map((a) => [a.name, a.startedBy])).toEqual([['vm-1', bot]]);
    const own = (await (await bearer(portal, `/api/installs/${attempt.id}`, token)).json()) as InstallAttempt;
    expect(own.startedBy).toEqual(bot);

    // Its just-in-time account is made by whoever started the install: here, the service account.
    const accounts = (await (await portal.request(PATH, { cookie: alice })).json()) as ServiceAccountList;
    expect(accounts.serviceAccounts.find((a) => a.name === 'vm-1')?.createdBy).toEqual(bot);

    const renamed = await send(portal, token, 'PATCH', `/api/installs/${attempt.id}`, { name: 'vm-2' });
    expect(renamed.status).toBe(200);
    expect((await send(portal, token, 'DELETE', `/api/installs/${attempt.id}`)).status).toBe(200);

    const actor = { kind: 'service_account', id: serviceAccount.id, label: 'ci-bot' };
    expect(await auditEntries(portal, alice, 'install.started')).toEqual([
      expect.objectContaining({ actor, target: { kind: 'install', id: attempt.id, label: 'vm-1' } }),
    ]);
    expect(await auditEntries(portal, alice, 'install.discarded')).toEqual([expect.objectContaining({ actor })]);
  });

  it('create, edit and archive an air-gap record, recorded by the service account', async () => {
    const portal = await createTestPortal();
    const dave = await portal.signIn('dave@initech.example');
    const { serviceAccount, token } = await created(portal, dave, 'airgap-sync');
    const bot = { kind: 'service_account', id: serviceAccount.id, name: 'airgap-sync' };
    const base = '/api/airgap-instances';
    const record = { name: 'vault-dc1', version: '1.5.0-beta.1', method: 'helm', kubernetesDistribution: 'openshift' };

    const made = await send(portal, token, 'POST', base, record);
    expect(made.status).toBe(201);
    const body = (await made.json()) as AirgapRecord;
    expect(body).toMatchObject({ name: 'vault-dc1', recordedBy: bot });

    const edited = await send(portal, token, 'PATCH', `${base}/${body.id}`, { name: 'vault-dc2' });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ name: 'vault-dc2', recordedBy: bot });
    const archived = await send(portal, token, 'POST', `${base}/${body.id}/archive`);
    expect(archived.status).toBe(200);
    expect(await archived.json()).toMatchObject({ archivedAt: expect.any(String), recordedBy: bot });

    // The admin sees who recorded it, by name.
    const seen = (await (await portal.request(`${base}/${body.id}`, { cookie: dave })).json()) as AirgapRecord;
    expect(seen.recordedBy).toEqual(bot);
  });

  it('upload a bundle over tus and delete it, as its uploader; another member may not', async () => {
    const { portal, blobs } = await createBundlePortal();
    const alice = await portal.signIn('alice@acme.example');
    const { serviceAccount, token } = await created(portal, alice, 'ci-bot');
    const asToken = async (path: string, init?: RequestInit) => bearer(portal, path, token, init);
    const client = tusClient(asToken, '');
    const bytes = bundleBytes(1000);

    const made = await client.create(bytes.byteLength);
    expect(made.status).toBe(201);
    const location = made.headers.get('location')!;
    expect((await client.patch(location, 0, bytes)).status).toBe(204);
    await portal.settled();
    const id = location.split('/').pop()!;

    const details = (await (await asToken(`/api/support-bundles/${id}`)).json()) as SupportBundleDetails;
    expect(details.uploadedBy).toEqual({ kind: 'service_account', id: serviceAccount.id, name: 'ci-bot' });
    expect(details.canDelete).toBe(true);
    const bob = await portal.signIn('bob@acme.example');
    const refused = await portal.request(`/api/support-bundles/${id}`, { method: 'DELETE', cookie: bob });
    expect(refused.status).toBe(403);

    expect((await asToken(`/api/support-bundles/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await blobs.open(id)).toBeNull();
    const actor = { kind: 'service_account', id: serviceAccount.id, label: 'ci-bot' };
    expect(await auditEntries(portal, alice, 'bundle.uploaded')).toEqual([expect.objectContaining({ actor })]);
    expect(await auditEntries(portal, alice, 'bundle.deleted')).toEqual([expect.objectContaining({ actor })]);
  });

  it('refuse what needs a person or an admin, saying so, and change nothing', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const { token } = await created(portal, alice, 'ci-bot');
    const person: [string, string, unknown?][] = [
      ['GET', '/api/me'],
      ['PUT', '/api/me/preferences', { locale: 'de' }],
      ['PUT', '/api/me/team', { teamId: 'x' }],
      ['GET', '/api/me/invites'],
      ['POST', '/api/me/invites/some-invite/accept'],
      ['DELETE', '/api/auth/session'],
    ];
    for (const [method, path, json] of person) {
      const answer = await send(portal, token, method, path, json);
      expect(answer.status, `${method} ${path}`).toBe(403);
      const { error } = await answer.json();
      expect(error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('a person must sign in') });
    }
    const admin: [string, string, unknown?][] = [
      ['POST', '/api/team/invites', { email: 'zed@acme.example', role: 'member' }],
      ['POST', PATH, { name: 'another-bot' }],
      ['PUT', '/api/team/domain-allowlist', { domains: ['acme.example'] }],
      ['GET', '/api/team/audit'],
    ];
    for (const [method, path, json] of admin) {
      const answer = await send(portal, token, method, path, json);
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect((await answer.json()).error.code).toBe('forbidden');
    }
    expect(portal.outbox.filter((m) => m.to === 'zed@acme.example')).toEqual([]);
    const accounts = (await (await portal.request(PATH, { cookie: alice })).json()) as ServiceAccountList;
    expect(accounts.serviceAccounts.map((a) => a.name)).toEqual(['ci-bot']);
  });

  it('refuse a revoked, an expired and an install’s token, before any change', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const revoked = await created(portal, alice, 'old-bot');
    await portal.request(`${PATH}/${revoked.serviceAccount.id}`, { method: 'DELETE', cookie: alice });
    const expiring = await created(portal, alice, 'nightly', '2026-11-23');
    const { token: installToken } = (await (
      await portal.request('/api/installs', { method: 'POST', cookie: alice, json: install })
    ).json()) as InstallAttemptWithToken;

    const revokedAnswer = await send(portal, revoked.token, 'POST', '/api/installs', { ...install, name: 'vm-2' });
    expect(revokedAnswer.status).toBe(401);
    expect((await revokedAnswer.json()).error.code).toBe('unauthenticated');
    const installAnswer = await send(portal, installToken, 'POST', '/api/installs', { ...install, name: 'vm-3' });
    expect(installAnswer.status).toBe(401);
    portal.clock.advance(14 * 3_600_000 + 1); // past 2026-11-23T00:00Z
    const expired = await send(portal, expiring.token, 'POST', '/api/installs', { ...install, name: 'vm-4' });
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.code).toBe('token_expired');

    const listed = (await (await portal.request('/api/installs', { cookie: alice })).json()) as InstallAttemptList;
    expect(listed.attempts.map((a) => a.name)).toEqual(['vm-1']);
  });
});
