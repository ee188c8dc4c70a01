import { describe, expect, it } from 'vitest';
import type { Invite } from '../../contract/team';
import { auditEvents } from '../db/schema';
import { createTestPortal } from '../testing/test-portal';
import { accept, invite, members, tokenOf } from './test-helpers';

const DAY = 86_400_000;

describe('POST /api/team/invites', () => {
  it('emails a link valid 7 days and lists the invite as pending', async () => {
    const portal = await createTestPortal();
    const { alice, response, body } = await invite(portal, 'Erin@Acme.example', 'viewer');
    expect(response.status).toBe(201);
    expect(body.invite).toMatchObject({ email: 'erin@acme.example', role: 'viewer', invitedBy: 'alice@acme.example' });
    expect(new Date(body.invite.expiresAt).getTime() - portal.clock.now().getTime()).toBe(7 * DAY);
    const mail = portal.outbox.findLast((m) => m.to === 'erin@acme.example')!;
    expect(mail.subject).toMatch(/invited to Acme Corp/);
    expect(mail.text).toContain(body.url);
    expect(mail.text).toContain('7 days');
    expect(body.url).toMatch(/^http:\/\/portal\.test\/invites\/accept#token=/);
    const pending = (await (await portal.request('/api/team/invites', { cookie: alice })).json()) as Invite[];
    expect(pending.map((i) => i.email)).toEqual(['erin@acme.example']);
    const audit = await portal.db.select().from(auditEvents);
    expect(audit.map((e) => e.action)).toContain('invite.sent');
  });

  it.each([
    [{ email: 'not-an-email', role: 'member' }, 'email', /valid email/],
    [{ email: 'erin@acme.example', role: 'owner' }, 'role', /admin, member or viewer/],
  ])('refuses %j with a message on the field, and invites nobody', async (json, field, message) => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const response = await portal.request('/api/team/invites', { method: 'POST', cookie: alice, json });
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.fields[field]).toMatch(message);
    expect(await (await portal.request('/api/team/invites', { cookie: alice })).json()).toEqual([]);
  });

  it('refuses to invite an existing member (409 on the email field)', async () => {
    const portal = await createTestPortal();
    const { response, body } = await invite(portal, 'bob@acme.example');
    expect(response.status).toBe(409);
    expect(body.error.details.fields.email).toMatch(/already a member/);
  });

  it('is for admins only', async () => {
    const portal = await createTestPortal();
    const bob = await portal.signIn('bob@acme.example');
    const response = await portal.request('/api/team/invites', {
      method: 'POST',
      cookie: bob,
      json: { email: 'erin@acme.example', role: 'member' },
    });
    expect(response.status).toBe(403);
    expect((await portal.request('/api/team/invites', { cookie: bob })).status).toBe(403);
  });
});

describe('the domain allowlist', () => {
  it('when on, refuses invites to other domains and leaves existing members alone', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const set = await portal.request('/api/team/domain-allowlist', {
      method: 'PUT',
      cookie: alice,
      json: { domains: ['Acme.example'] },
    });
    expect(await set.json()).toEqual({ domains: ['acme.example'] });
    const { response, body } = await invite(portal, 'mallory@evil.example', 'member', alice);
    expect(response.status).toBe(400);
    expect(body.error.details.fields.email).toMatch(/only addresses at acme.example/);
    expect((await invite(portal, 'erin@acme.example', 'member', alice)).response.status).toBe(201);
    expect((await members(portal, alice)).length).toBe(2);

    await portal.request('/api/team/domain-allowlist', { method: 'DELETE', cookie: alice });
    expect((await invite(portal, 'mallory@evil.example', 'member', alice)).response.status).toBe(201);
  });

  it('refuses a malformed domain, and a member changing it', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const bad = await portal.request('/api/team/domain-allowlist', {
      method: 'PUT',
      cookie: alice,
      json: { domains: ['not a domain'] },
    });
    expect(bad.status).toBe(400);
    const bob = await portal.signIn('bob@acme.example');
    const put = { method: 'PUT', cookie: bob, json: { domains: ['acme.example'] } };
    expect((await portal.request('/api/team/domain-allowlist', put)).status).toBe(403);
    expect(await (await portal.request('/api/team/domain-allowlist', { cookie: bob })).json()).toEqual({
      domains: null,
    });
  });
});

describe('resending and revoking', () => {
  it('resend gives a new link and the old one dies', async () => {
    const portal = await createTestPortal();
    const { alice, body } = await invite(portal, 'erin@acme.example');
    const resent = await portal.request(`/api/team/invites/${body.invite.id}/resend`, {
      method: 'POST',
      cookie: alice,
    });
    expect(resent.status).toBe(200);
    const { url } = await resent.json();
    expect(url).not.toBe(body.url);
    const old = await accept(portal, tokenOf(body.url));
    expect(old.response.status).toBe(400);
    expect((await accept(portal, tokenOf(url))).response.status).toBe(201);
  });

  it('a revoked link is refused with its reason', async () => {
    const portal = await createTestPortal();
    const { alice, body } = await invite(portal, 'erin@acme.example');
    const revoked = await portal.request(`/api/team/invites/${body.invite.id}`, { method: 'DELETE', cookie: alice });
    expect(revoked.status).toBe(204);
    const { response } = await accept(portal, tokenOf(body.url));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'invalid_link', details: { reason: 'revoked' } });
    expect(await (await portal.request('/api/team/invites', { cookie: alice })).json()).toEqual([]);
  });
});

describe('POST /api/invites/accept', () => {
  it('signs a new person in on the team, and tells the admins', async () => {
    const portal = await createTestPortal();
    const { alice, body } = await invite(portal, 'erin@acme.example');
    const { response, cookie } = await accept(portal, tokenOf(body.url));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      user: { email: 'erin@acme.example' },
      team: { name: 'Acme Corp', role: 'member' },
    });
    expect((await portal.request('/api/me', { cookie })).status).toBe(200);
    expect(portal.outbox.findLast((m) => m.to === 'alice@acme.example')?.subject).toBe(
      'erin@acme.example joined Acme Corp',
    );
    expect((await members(portal, alice)).find((m) => m.email === 'erin@acme.example')?.source).toBe('invite');
    expect(await (await portal.request('/api/team/invites', { cookie: alice })).json()).toEqual([]);
  });

  it('adds the team to a person on another team and switches their session to it', async () => {
    const portal = await createTestPortal();
    const { body } = await invite(portal, 'carol@globex.example', 'viewer');
    const { response } = await accept(portal, tokenOf(body.url));
    const me = await response.json();
    expect(me.team).toMatchObject({ name: 'Acme Corp', role: 'viewer' });
    expect(me.teams.map((t: { name: string }) => t.name)).toEqual(['Acme Corp', 'Globex']);
  });

  it('refuses a used, an expired and an unknown link, each with its reason', async () => {
    const portal = await createTestPortal();
    const { body } = await invite(portal, 'erin@acme.example');
    const second = await invite(portal, 'frank@acme.example');
    await accept(portal, tokenOf(body.url));
    const used = await accept(portal, tokenOf(body.url));
    expect((await used.response.json()).error.details.reason).toBe('used');
    portal.clock.advance(7 * DAY + 1);
    const expired = await accept(portal, tokenOf(second.body.url));
    expect((await expired.response.json()).error).toMatchObject({ details: { reason: 'expired' }, message: /expired/ });
    const unknown = await accept(portal, 'x'.repeat(43));
    expect((await unknown.response.json()).error.details.reason).toBe('unknown');
  });
});

describe('/api/me/invites', () => {
  it('shows a signed-in person the invites for their address, and accepting switches team', async () => {
    const portal = await createTestPortal();
    await invite(portal, 'carol@globex.example', 'member');
    const carol = await portal.signIn('carol@globex.example');
    const mine = await (await portal.request('/api/me/invites', { cookie: carol })).json();
    expect(mine).toEqual([
      { id: expect.any(String), teamName: 'Acme Corp', role: 'member', expiresAt: expect.any(String) },
    ]);
    const accepted = await portal.request(`/api/me/invites/${mine[0].id}/accept`, { method: 'POST', cookie: carol });
    expect(accepted.status).toBe(200);
    expect((await accepted.json()).team.name).toBe('Acme Corp');
    expect(await (await portal.request('/api/me/invites', { cookie: carol })).json()).toEqual([]);
  });

  it("cannot accept someone else's invite", async () => {
    const portal = await createTestPortal();
    const { body } = await invite(portal, 'erin@acme.example');
    const carol = await portal.signIn('carol@globex.example');
    const response = await portal.request(`/api/me/invites/${body.invite.id}/accept`, {
      method: 'POST',
      cookie: carol,
    });
    expect(response.status).toBe(404);
  });
});
