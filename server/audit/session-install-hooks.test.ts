import { describe, expect, it } from 'vitest';
import type { AuditAction, AuditPage } from '../../contract/audit';
import { ACME_EMBEDDED } from '../testing/ingest-client';
import { createTestPortal, type TestPortal } from '../testing/test-portal';

/** Where the requests come from, as the host would pass it (server/node/client-address.ts). */
const FROM = '203.0.113.7';

const entries = async (portal: TestPortal, admin: string, action: AuditAction) =>
  ((await (await portal.request(`/api/team/audit?action=${action}`, { cookie: admin })).json()) as AuditPage).events;

describe('the audit hooks of sign-in and installs', () => {
  it('records a sign-in with the person and their address; a spent link writes nothing', async () => {
    const portal = await createTestPortal();
    await portal.request('/api/auth/login-links', { method: 'POST', json: { email: 'bob@acme.example' } });
    const token = portal.lastLinkToken('bob@acme.example');
    const signIn = () => portal.request('/api/auth/sessions', { method: 'POST', json: { token }, clientAddress: FROM });
    const signedIn = await signIn();
    expect(signedIn.status).toBe(201);
    const { user } = await signedIn.json();

    const alice = await portal.signIn('alice@acme.example');
    const bobs = (await entries(portal, alice, 'session.signed_in')).filter((e) => e.actor.id === user.id);
    expect(bobs).toEqual([
      {
        id: expect.any(String),
        at: '2026-11-22T10:00:00.000Z',
        actor: { kind: 'user', id: user.id, label: 'bob@acme.example' },
        action: 'session.signed_in',
        target: null,
        clientAddress: FROM,
        details: null,
      },
    ]);

    expect((await signIn()).status).toBe(400);
    expect(await entries(portal, alice, 'session.signed_in')).toHaveLength(2); // bob's and alice's
  });

  it('records an install started and discarded, by whom and from where; refusals write nothing', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const bob = await portal.signIn('bob@acme.example');
    const bobId = (await (await portal.request('/api/me', { cookie: bob })).json()).user.id as string;
    const start = () =>
      portal.request('/api/installs', { method: 'POST', cookie: bob, json: ACME_EMBEDDED, clientAddress: FROM });
    const created = await start();
    expect(created.status).toBe(201);
    const { attempt } = await created.json();

    const actor = { kind: 'user', id: bobId, label: 'bob@acme.example' };
    const target = { kind: 'install', id: attempt.id, label: 'vm-1' };
    expect(await entries(portal, alice, 'install.started')).toEqual([
      expect.objectContaining({
        actor,
        target,
        clientAddress: FROM,
        details: { method: 'embedded', version: '1.4.0' },
      }),
    ]);
    expect((await start()).status).toBe(409); // the name is taken
    expect(await entries(portal, alice, 'install.started')).toHaveLength(1);

    const discard = (id: string) =>
      portal.request(`/api/installs/${id}`, { method: 'DELETE', cookie: bob, clientAddress: FROM });
    expect((await discard('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(await entries(portal, alice, 'install.discarded')).toEqual([]);
    expect((await discard(attempt.id)).status).toBe(200);
    expect((await discard(attempt.id)).status).toBe(200); // already discarded: nothing more happened
    expect(await entries(portal, alice, 'install.discarded')).toEqual([
      expect.objectContaining({ actor, target, clientAddress: FROM, details: null }),
    ]);
  });
});
