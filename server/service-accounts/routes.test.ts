import { describe, expect, it } from 'vitest';
import type { ServiceAccountList } from '../../contract/service-accounts';
import { demoCatalogueText } from '../catalogue/demo';
import { bearer, createAccount, created, PATH, withViewer } from '../testing/service-accounts';
import { createTestPortal } from '../testing/test-portal';

async function list(portal: Awaited<ReturnType<typeof createTestPortal>>, cookie: string) {
  const answer = await portal.request(PATH, { cookie });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as ServiceAccountList).serviceAccounts;
}

describe('/api/team/service-accounts', () => {
  it('creates an account whose token is answered once, prefixed, and listed without it', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const { serviceAccount, token } = await created(portal, alice, ' ci-bot ', '2027-01-31');
    expect(token).toMatch(/^portico_sa_[A-Za-z0-9_-]{20,}$/);
    expect(serviceAccount).toMatchObject({
      name: 'ci-bot',
      kind: 'manual',
      createdBy: { kind: 'user', id: expect.any(String), name: 'alice@acme.example' },
      createdAt: '2026-11-22T10:00:00.000Z',
      lastUsedAt: null,
      expiresAt: '2027-01-31T00:00:00.000Z',
      status: 'active',
    });
    const listed = await list(portal, alice);
    expect(listed).toEqual([serviceAccount]);
    expect(JSON.stringify(listed)).not.toContain(token);
    const stored = await portal.db.execute(`SELECT token_hash FROM service_accounts WHERE name = 'ci-bot'`);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('lists install accounts as such, to every role, and only the team’s own', async () => {
    const portal = await createTestPortal({ catalogue: withViewer(demoCatalogueText) });
    const alice = await portal.signIn('alice@acme.example');
    const started = await portal.request('/api/installs', {
      method: 'POST',
      cookie: alice,
      json: { method: 'embedded', name: 'vm-1', version: '1.4.0', options: { network: 'online' } },
    });
    expect(started.status).toBe(201);
    await created(portal, alice, 'ci-bot');
    const eve = await portal.signIn('eve@acme.example');
    const names = (await list(portal, eve)).map((a) => [a.name, a.kind, a.createdBy?.name]);
    expect(names.sort()).toEqual([
      ['ci-bot', 'manual', 'alice@acme.example'],
      ['vm-1', 'install', 'alice@acme.example'],
    ]);
    const carol = await portal.signIn('carol@globex.example');
    expect(await list(portal, carol)).toEqual([]);
  });

  it('refuses bad input next to the field and changes nothing', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    await created(portal, alice, 'ci-bot');
    const cases: [unknown, number, string][] = [
      [{ name: '' }, 400, 'name'],
      [{ name: '   ' }, 400, 'name'],
      [{ name: 'x'.repeat(64) }, 400, 'name'],
      [{ name: 'ci\u202ebot' }, 400, 'name'],
      [{}, 400, 'name'],
      [{ name: 'CI-Bot' }, 409, 'name'],
      [{ name: 'nightly', expiresOn: '2026-11-22' }, 400, 'expiresOn'],
      [{ name: 'nightly', expiresOn: '2025-01-01' }, 400, 'expiresOn'],
      [{ name: 'nightly', expiresOn: 'tomorrow' }, 400, 'expiresOn'],
      [{ name: 'nightly', expiresOn: '2027-02-30' }, 400, 'expiresOn'],
    ];
    for (const [json, status, field] of cases) {
      const answer = await createAccount(portal, alice, json);
      expect(answer.status, JSON.stringify(json)).toBe(status);
      const { error } = await answer.json();
      expect(Object.keys(error.details.fields), JSON.stringify(json)).toEqual([field]);
    }
    expect((await list(portal, alice)).map((a) => a.name)).toEqual(['ci-bot']);
  });

  it('lets only admins manage, and answers 404 for unknown ids and other teams’ accounts', async () => {
    const portal = await createTestPortal({ catalogue: withViewer(demoCatalogueText) });
    const alice = await portal.signIn('alice@acme.example');
    const { serviceAccount } = await created(portal, alice, 'ci-bot');
    for (const email of ['bob@acme.example', 'eve@acme.example']) {
      const cookie = await portal.signIn(email);
      expect((await createAccount(portal, cookie, { name: 'mine' })).status).toBe(403);
      const rotate = await portal.request(`${PATH}/${serviceAccount.id}/rotate`, { method: 'POST', cookie });
      expect(rotate.status).toBe(403);
      expect((await portal.request(`${PATH}/${serviceAccount.id}`, { method: 'DELETE', cookie })).status).toBe(403);
    }
    const carol = await portal.signIn('carol@globex.example');
    for (const [cookie, id] of [
      [carol, serviceAccount.id],
      [alice, 'no-such-account'],
    ] as const) {
      expect((await portal.request(`${PATH}/${id}/rotate`, { method: 'POST', cookie })).status).toBe(404);
      expect((await portal.request(`${PATH}/${id}`, { method: 'DELETE', cookie })).status).toBe(404);
    }
    expect((await list(portal, alice))[0]!.status).toBe('active');
  });

  it('rotates: a new token works and the old one stops at once', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const { serviceAccount, token: old } = await created(portal, alice, 'ci-bot');
    expect((await bearer(portal, '/api/instances', old)).status).toBe(200); // now cached
    const rotated = await portal.request(`${PATH}/${serviceAccount.id}/rotate`, { method: 'POST', cookie: alice });
    expect(rotated.status).toBe(200);
    const { token, serviceAccount: after } = await rotated.json();
    expect(token).toMatch(/^portico_sa_/);
    expect(token).not.toBe(old);
    expect(after.id).toBe(serviceAccount.id);
    expect((await bearer(portal, '/api/instances', old)).status).toBe(401);
    expect((await bearer(portal, '/api/instances', token)).status).toBe(200);
  });

  it('lets one of two racing rotations win; the other gets 409, never a token that is already dead', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const { serviceAccount } = await created(portal, alice, 'ci-bot');
    const rotate = () => portal.request(`${PATH}/${serviceAccount.id}/rotate`, { method: 'POST', cookie: alice });
    const answers = await Promise.all([rotate(), rotate()]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const { token } = await answers.find((a) => a.status === 200)!.json();
    expect((await bearer(portal, '/api/instances', token)).status).toBe(200);
  });

  it('revokes: 204, the token fails at once, the row stays, the name can be reused', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const { serviceAccount, token } = await created(portal, alice, 'ci-bot');
    expect((await bearer(portal, '/api/instances', token)).status).toBe(200);
    const revoked = await portal.request(`${PATH}/${serviceAccount.id}`, { method: 'DELETE', cookie: alice });
    expect(revoked.status).toBe(204);
    expect((await bearer(portal, '/api/instances', token)).status).toBe(401);
    const again = await portal.request(`${PATH}/${serviceAccount.id}/rotate`, { method: 'POST', cookie: alice });
    expect(again.status).toBe(409);
    const reused = await created(portal, alice, 'ci-bot');
    const listed = await list(portal, alice);
    expect(listed.map((a) => [a.name, a.status])).toEqual([
      ['ci-bot', 'active'],
      ['ci-bot', 'revoked'],
    ]);
    expect(listed[0]!.id).toBe(reused.serviceAccount.id);
  });

  it('records creating, rotating and revoking in the audit log', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const { serviceAccount } = await created(portal, alice, 'ci-bot');
    await portal.request(`${PATH}/${serviceAccount.id}/rotate`, { method: 'POST', cookie: alice });
    await portal.request(`${PATH}/${serviceAccount.id}`, { method: 'DELETE', cookie: alice });
    const { rows } = (await portal.db.execute(
      `SELECT action, actor_label, target_label FROM audit_events WHERE action LIKE 'service_account.%' ORDER BY at, action`,
    )) as unknown as { rows: { action: string; actor_label: string; target_label: string }[] };
    expect(rows.map((r) => r.action).sort()).toEqual([
      'service_account.created',
      'service_account.revoked',
      'service_account.rotated',
    ]);
    expect(new Set(rows.map((r) => `${r.actor_label} ${r.target_label}`))).toEqual(
      new Set(['alice@acme.example ci-bot']),
    );
  });
});
