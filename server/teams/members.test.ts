import { describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema';
import { createTestPortal } from '../testing/test-portal';
import { accept, invite, members, tokenOf } from './test-helpers';

const isoDate = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

describe('GET /api/team/members', () => {
  it("lists Acme's members with their roles, where they came from and when they were last seen", async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const response = await portal.request('/api/team/members', { cookie });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      {
        id: expect.any(String),
        email: 'alice@acme.example',
        role: 'admin',
        joinedAt: isoDate,
        lastSeenAt: isoDate,
        source: 'catalogue',
      },
      {
        id: expect.any(String),
        email: 'bob@acme.example',
        role: 'member',
        joinedAt: isoDate,
        lastSeenAt: null,
        source: 'catalogue',
      },
    ]);
  });

  it("lists only Globex's member to carol", async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('carol@globex.example');
    expect((await members(portal, cookie)).map((m) => m.email)).toEqual(['carol@globex.example']);
  });

  it('writes last seen at most once a minute', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const first = (await members(portal, cookie))[0]!.lastSeenAt;
    portal.clock.advance(30_000);
    expect((await members(portal, cookie))[0]!.lastSeenAt).toBe(first);
    portal.clock.advance(31_000);
    expect((await members(portal, cookie))[0]!.lastSeenAt).not.toBe(first);
  });
});

describe('PATCH /api/team/members/:id', () => {
  it("lets an admin change a member's role, and records it", async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const bob = (await members(portal, alice)).find((m) => m.email === 'bob@acme.example')!;
    const response = await portal.request(`/api/team/members/${bob.id}`, {
      method: 'PATCH',
      cookie: alice,
      json: { role: 'admin' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ email: 'bob@acme.example', role: 'admin' });
    const audit = await portal.db.select().from(auditEvents);
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'member.role_changed',
        targetLabel: 'bob@acme.example',
        actorLabel: 'alice@acme.example',
      }),
    );
  });

  it('refuses an unknown role, and a member or viewer changing roles', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const bob = (await members(portal, alice)).find((m) => m.email === 'bob@acme.example')!;
    const bad = await portal.request(`/api/team/members/${bob.id}`, {
      method: 'PATCH',
      cookie: alice,
      json: { role: 'owner' },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details.fields.role).toMatch(/admin, member or viewer/);
    const bobCookie = await portal.signIn('bob@acme.example');
    const refused = await portal.request(`/api/team/members/${bob.id}`, {
      method: 'PATCH',
      cookie: bobCookie,
      json: { role: 'admin' },
    });
    expect(refused.status).toBe(403);
    expect((await members(portal, alice)).find((m) => m.email === 'bob@acme.example')!.role).toBe('member');
  });

  it('refuses to demote the last admin (409) and changes nothing', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const me = (await members(portal, alice)).find((m) => m.email === 'alice@acme.example')!;
    const response = await portal.request(`/api/team/members/${me.id}`, {
      method: 'PATCH',
      cookie: alice,
      json: { role: 'member' },
    });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/last admin/);
    expect((await members(portal, alice)).find((m) => m.id === me.id)!.role).toBe('admin');
  });

  it("answers 404 for another team's member", async () => {
    const portal = await createTestPortal();
    const carol = await portal.signIn('carol@globex.example');
    const carolId = (await members(portal, carol))[0]!.id;
    const alice = await portal.signIn('alice@acme.example');
    const response = await portal.request(`/api/team/members/${carolId}`, {
      method: 'PATCH',
      cookie: alice,
      json: { role: 'viewer' },
    });
    expect(response.status).toBe(404);
  });
});

describe('DELETE /api/team/members/:id', () => {
  it('removes a member and ends their sessions on the team at once', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const bobCookie = await portal.signIn('bob@acme.example');
    const bob = (await members(portal, alice)).find((m) => m.email === 'bob@acme.example')!;
    const removed = await portal.request(`/api/team/members/${bob.id}`, { method: 'DELETE', cookie: alice });
    expect(removed.status).toBe(204);
    expect((await portal.request('/api/me', { cookie: bobCookie })).status).toBe(401);
    expect((await members(portal, alice)).map((m) => m.email)).toEqual(['alice@acme.example']);
  });

  it('refuses to remove the last admin (409)', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const me = (await members(portal, alice)).find((m) => m.email === 'alice@acme.example')!;
    const response = await portal.request(`/api/team/members/${me.id}`, { method: 'DELETE', cookie: alice });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/alice@acme.example is the team's last admin/);
  });

  it('removes an invited member: the one who joined by link is refused on the next request', async () => {
    const portal = await createTestPortal();
    const { alice, body } = await invite(portal, 'erin@acme.example');
    const erin = await accept(portal, tokenOf(body.url));
    expect(erin.response.status).toBe(201);
    const erinId = (await members(portal, alice)).find((m) => m.email === 'erin@acme.example')!.id;
    await portal.request(`/api/team/members/${erinId}`, { method: 'DELETE', cookie: alice });
    expect((await portal.request('/api/team/members', { cookie: erin.cookie })).status).toBe(401);
  });
});
