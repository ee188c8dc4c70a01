import { describe, expect, it } from 'vitest';
import { instances, serviceAccounts, supportBundles } from '../db/schema';
import { createTestPortal, type TestPortal } from '../testing/test-portal';

const HOUR_MS = 3_600_000;

async function dashboardFor(portal: TestPortal, email: string) {
  const cookie = await portal.signIn(email);
  const response = await portal.request('/api/dashboard', { cookie });
  expect(response.status).toBe(200);
  return response.json();
}

async function teamIdOf(portal: TestPortal, email: string): Promise<string> {
  const me = await portal.request('/api/me', { cookie: await portal.signIn(email) });
  return (await me.json()).team.id;
}

describe('GET /api/dashboard', () => {
  it("shows Acme's install options, license and team to alice", async () => {
    const portal = await createTestPortal();
    expect(await dashboardFor(portal, 'alice@acme.example')).toEqual({
      installOptions: ['helm', 'embedded', 'helm_airgap', 'airgap'],
      instances: { active: 0, inactive: 0, airgap: 0, archived: 0 },
      license: { type: 'paid', status: 'active', expiresAt: '2027-11-22T10:00:00.000Z', daysToExpiry: 365 },
      supportBundles: 0,
      team: { members: 2, serviceAccounts: 0 },
    });
  });

  it("shows Globex's 10-day trial to carol", async () => {
    const portal = await createTestPortal();
    expect(await dashboardFor(portal, 'carol@globex.example')).toEqual({
      installOptions: ['embedded'],
      instances: { active: 0, inactive: 0, airgap: 0, archived: 0 },
      license: { type: 'trial', status: 'active', expiresAt: '2026-12-02T10:00:00.000Z', daysToExpiry: 10 },
      supportBundles: 0,
      team: { members: 1, serviceAccounts: 0 },
    });
  });

  it('shows a license without an expiry to dave', async () => {
    const portal = await createTestPortal();
    const dashboard = await dashboardFor(portal, 'dave@initech.example');
    expect(dashboard.installOptions).toEqual(['airgap', 'helm_airgap']);
    expect(dashboard.license).toEqual({ type: 'paid', status: 'active', expiresAt: null, daysToExpiry: null });
  });

  it('rounds the days left up and shows an expired license as 0 days', async () => {
    const portal = await createTestPortal();
    portal.clock.advance(9 * 24 * HOUR_MS + HOUR_MS);
    expect((await dashboardFor(portal, 'carol@globex.example')).license).toMatchObject({
      status: 'active',
      daysToExpiry: 1,
    });
    portal.clock.advance(HOUR_MS * 23);
    expect((await dashboardFor(portal, 'carol@globex.example')).license).toMatchObject({
      status: 'expired',
      daysToExpiry: 0,
    });
  });

  it("counts only the team's own instances, bundles and live service accounts", async () => {
    const portal = await createTestPortal();
    const acme = await teamIdOf(portal, 'alice@acme.example');
    const globex = await teamIdOf(portal, 'carol@globex.example');
    const now = portal.clock.now().getTime();
    // No endpoint creates these yet (instances arrive by check-in), so the test writes them.
    await portal.db.insert(instances).values([
      { id: 'i-fresh', teamId: acme, airgap: false, lastCheckInAt: new Date(now - HOUR_MS) },
      { id: 'i-stale', teamId: acme, airgap: false, lastCheckInAt: new Date(now - 25 * HOUR_MS) },
      { id: 'i-never', teamId: acme, airgap: false },
      { id: 'i-airgap', teamId: acme, airgap: true },
      { id: 'i-globex', teamId: globex, airgap: false, lastCheckInAt: new Date(now - HOUR_MS) },
    ]);
    const bundle = { uploadedByKind: 'user', source: 'browser', filename: 'b.tar.gz', size: 10 } as const;
    await portal.db.insert(supportBundles).values([
      { ...bundle, id: 'b-acme', teamId: acme, uploadedBy: 'u', status: 'ready', receivedBytes: 10 },
      // Still uploading: not a bundle yet.
      { ...bundle, id: 'b-acme-uploading', teamId: acme, uploadedBy: 'u' },
      { ...bundle, id: 'b-globex', teamId: globex, uploadedBy: 'u', status: 'ready', receivedBytes: 10 },
    ]);
    await portal.db.insert(serviceAccounts).values([
      { id: 's-live', teamId: acme, name: 'ci', tokenHash: 'h1' },
      { id: 's-revoked', teamId: acme, name: 'old', tokenHash: 'h2', revokedAt: new Date(now - HOUR_MS) },
      { id: 's-globex', teamId: globex, name: 'ci', tokenHash: 'h3' },
    ]);

    const dashboard = await dashboardFor(portal, 'alice@acme.example');
    expect(dashboard).toMatchObject({
      instances: { active: 1, inactive: 2, airgap: 1, archived: 0 },
      supportBundles: 1,
      team: { members: 2, serviceAccounts: 1 },
    });
  });
});
