import { describe, expect, it } from 'vitest';
import { AUDIT_ACTORS_MAX, type AuditActorList, type AuditPage } from '../../contract/audit';
import { auditEvents } from '../db/schema';
import { createTestPortal, type TestPortal } from '../testing/test-portal';
import { recordAudit, type AuditEntry } from './record';

const teamId = async (portal: TestPortal, name: string) =>
  (await portal.db.query.teams.findFirst({ where: (t, { eq }) => eq(t.name, name) }))!.id;

const page = async (portal: TestPortal, cookie: string, query = '') => {
  const response = await portal.request(`/api/team/audit${query}`, { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as AuditPage;
};

/** Entries as routes write them, one second apart. */
async function seed(portal: TestPortal, team: string, entries: Omit<AuditEntry, 'teamId'>[]) {
  const id = await teamId(portal, team);
  for (const entry of entries) {
    portal.clock.advance(1000);
    await recordAudit(portal.db, portal.clock.now(), { teamId: id, ...entry });
  }
}

const bob = { kind: 'user', id: 'u-bob', label: 'bob@acme.example' } as const;
const robot = { kind: 'service_account', id: 'sa-1', label: 'ci-robot' } as const;
const license = { kind: 'license', id: null, label: 'License ID' } as const;
const install = (n: number) => ({ kind: 'install', id: `a-${n}`, label: `vm-${n}` });

describe('GET /api/team/audit', () => {
  it('pages through the team’s log newest first, without repeats, and past entries written meanwhile', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const started = [1, 2, 3, 4, 5].map((n) => ({
      actor: bob,
      action: 'install.started' as const,
      target: install(n),
    }));
    await seed(portal, 'Acme Corp', started);
    const query = '?action=install.started&limit=2';

    const first = await page(portal, alice, query);
    expect(first.events.map((e) => e.target?.label)).toEqual(['vm-5', 'vm-4']);
    await seed(portal, 'Acme Corp', [{ actor: bob, action: 'install.started', target: install(6) }]);
    const second = await page(portal, alice, `${query}&cursor=${first.nextCursor}`);
    const third = await page(portal, alice, `${query}&cursor=${second.nextCursor}`);
    expect([...second.events, ...third.events].map((e) => e.target?.label)).toEqual(['vm-3', 'vm-2', 'vm-1']);
    expect(third.nextCursor).toBeNull();

    expect(first.events[0]).toEqual({
      id: expect.any(String),
      at: '2026-11-22T10:00:05.000Z',
      actor: bob,
      action: 'install.started',
      target: install(5),
      clientAddress: null,
      details: null,
    });
  });

  it('filters by action and by person, a license upload included, and lists who appears', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    await seed(portal, 'Acme Corp', [
      { actor: bob, action: 'install.started', target: install(1) },
      { actor: robot, action: 'bundle.uploaded', target: { kind: 'bundle', id: 'b-1', label: 'one.tar.gz' } },
      { actor: license, action: 'bundle.uploaded', target: { kind: 'bundle', id: 'b-2', label: 'two.tar.gz' } },
      { actor: bob, action: 'install.discarded', target: install(1) },
    ]);

    const uploads = await page(portal, alice, '?action=bundle.uploaded');
    expect(uploads.events.map((e) => e.target?.id)).toEqual(['b-2', 'b-1']);
    const byBob = await page(portal, alice, '?actor=u-bob');
    expect(byBob.events.map((e) => e.action)).toEqual(['install.discarded', 'install.started']);
    const byLicense = await page(portal, alice, '?actor=license&action=bundle.uploaded');
    expect(byLicense.events.map((e) => e.target?.id)).toEqual(['b-2']);
    expect((await page(portal, alice, '?actor=u-bob&action=bundle.uploaded')).events).toEqual([]);
    // Blank filters are no filters: an emptied select clears them.
    expect((await page(portal, alice, '?actor=&action=')).events).toHaveLength(5);

    const actors = (await (await portal.request('/api/team/audit/actors', { cookie: alice })).json()) as AuditActorList;
    expect(actors.actors).toEqual([
      { key: expect.any(String), kind: 'user', label: 'alice@acme.example' },
      { key: 'u-bob', kind: 'user', label: 'bob@acme.example' },
      { key: 'sa-1', kind: 'service_account', label: 'ci-robot' },
      { key: 'license', kind: 'license', label: 'License ID' },
    ]);
  });

  it('lists only the most recently active people; anyone older is still a filter', async () => {
    const portal = await createTestPortal();
    const acme = await teamId(portal, 'Acme Corp');
    // One entry each, oldest first: u-0 is the least recently active.
    const people = Array.from({ length: AUDIT_ACTORS_MAX + 1 }, (_, n) => ({
      teamId: acme,
      at: portal.clock.now(),
      actorKind: 'user' as const,
      actorId: `u-${n}`,
      actorLabel: `person-${String(n).padStart(3, '0')}@acme.example`,
      action: 'session.signed_in' as const,
    }));
    await portal.db.insert(auditEvents).values(people);
    const alice = await portal.signIn('alice@acme.example');
    const listed = async () =>
      ((await (await portal.request('/api/team/audit/actors', { cookie: alice })).json()) as AuditActorList).actors;

    const keys = (await listed()).map((a) => a.key);
    expect(keys).toHaveLength(AUDIT_ACTORS_MAX);
    expect(keys).not.toContain('u-0');
    expect(keys).not.toContain('u-1');
    expect(keys).toContain('u-2');
    expect((await listed()).at(-1)!.label).toBe('person-200@acme.example');
    expect((await page(portal, alice, '?actor=u-0')).events.map((e) => e.actor.label)).toEqual([
      'person-000@acme.example',
    ]);

    await seed(portal, 'Acme Corp', [
      { actor: { kind: 'user', id: 'u-0', label: 'zoe@acme.example' }, action: 'install.started', target: install(1) },
    ]);
    const again = await listed();
    expect(again.map((a) => a.key)).not.toContain('u-2');
    expect(again.at(-1)).toEqual({ key: 'u-0', kind: 'user', label: 'zoe@acme.example' });
  });

  it('shows each team only its own log', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const carol = await portal.signIn('carol@globex.example');
    await seed(portal, 'Acme Corp', [{ actor: bob, action: 'install.started', target: install(1) }]);

    const globex = await page(portal, carol);
    expect(globex.events.map((e) => [e.action, e.actor.label])).toEqual([
      ['session.signed_in', 'carol@globex.example'],
    ]);
    const acme = await page(portal, alice);
    expect(acme.events.map((e) => e.action)).toEqual(['install.started', 'session.signed_in']);
    const actors = (await (await portal.request('/api/team/audit/actors', { cookie: carol })).json()) as AuditActorList;
    expect(actors.actors.map((a) => a.label)).toEqual(['carol@globex.example']);
    // Another team's actor filter finds nothing, not their entries.
    expect((await page(portal, carol, '?actor=u-bob')).events).toEqual([]);
  });

  it('is for admins only', async () => {
    const portal = await createTestPortal();
    const bobCookie = await portal.signIn('bob@acme.example');
    for (const path of ['/api/team/audit', '/api/team/audit/actors']) {
      const refused = await portal.request(path, { cookie: bobCookie });
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe('forbidden');
      expect((await portal.request(path)).status).toBe(401);
    }
  });

  it.each([
    ['action=invite.eaten', 'action'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    [`cursor=${Buffer.from('audit:0').toString('base64url')}`, 'cursor'],
    [`actor=${'x'.repeat(65)}`, 'actor'],
    ['action=install.started&action=install.discarded', 'action'],
  ])('answers 400 naming the parameter for ?%s', async (query, field) => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const response = await portal.request(`/api/team/audit?${query}`, { cookie: alice });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.details.fields)).toEqual([field]);
  });
});
