import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { channels, memberships, releases, teams, users } from '../db/schema';
import { createTestPortal, type TestPortal } from '../testing/test-portal';
import { demoCatalogueText, readDemoAsset } from './demo';
import { loadCatalogue } from './load';
import { parseCatalogue } from './parse';

const DAY_MS = 86_400_000;

/** Loads a catalogue again into the portal's database, as a restart `days` later would. */
async function reload(portal: TestPortal, text: string, days: number) {
  const later = new Date(portal.clock.now().getTime() + days * DAY_MS);
  await loadCatalogue(portal.db, parseCatalogue(text, 'portico.yaml'), readDemoAsset, later);
}

/** Rows per table; no API lists every team or user, so these are counted in the database. */
async function rowCounts(portal: TestPortal) {
  const of = async (table: typeof teams | typeof users | typeof memberships | typeof releases | typeof channels) =>
    (await portal.db.select({ n: count() }).from(table))[0]!.n;
  return {
    channels: await of(channels),
    releases: await of(releases),
    teams: await of(teams),
    users: await of(users),
    memberships: await of(memberships),
  };
}

const getJson = async (portal: TestPortal, path: string, cookie: string) => {
  const response = await portal.request(path, { cookie });
  expect(response.status).toBe(200);
  return response.json();
};

describe('loading the catalogue', () => {
  it('loads the demo once: two channels, six releases, three teams, four users', async () => {
    const portal = await createTestPortal();
    expect(await rowCounts(portal)).toEqual({ channels: 2, releases: 6, teams: 3, users: 4, memberships: 4 });
  });

  it('loads the same catalogue again without duplicating anything', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const before = {
      license: await getJson(portal, '/api/license', cookie),
      releases: await getJson(portal, '/api/releases', cookie),
      members: await getJson(portal, '/api/team/members', cookie),
      me: await getJson(portal, '/api/me', cookie),
    };

    await reload(portal, demoCatalogueText, 30);

    expect(await rowCounts(portal)).toEqual({ channels: 2, releases: 6, teams: 3, users: 4, memberships: 4 });
    // The same session still works: the team and user kept their ids.
    expect(await getJson(portal, '/api/license', cookie)).toEqual(before.license);
    expect(await getJson(portal, '/api/releases', cookie)).toEqual(before.releases);
    expect(await getJson(portal, '/api/team/members', cookie)).toEqual(before.members);
    expect(await getJson(portal, '/api/me', cookie)).toEqual(before.me);
  });

  it("stores the vendor's air-gap report cadence, and a later load changes it", async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('dave@initech.example');
    expect((await getJson(portal, '/api/airgap-instances/options', cookie)).cadenceDays).toBe(35);
    await reload(
      portal,
      demoCatalogueText.replace('airgap_report_cadence_days: 35', 'airgap_report_cadence_days: 10'),
      1,
    );
    expect((await getJson(portal, '/api/airgap-instances/options', cookie)).cadenceDays).toBe(10);
    // Left out, it is the default again.
    await reload(portal, demoCatalogueText.replace(/ *airgap_report_cadence_days: 35\n/, ''), 2);
    expect((await getJson(portal, '/api/airgap-instances/options', cookie)).cadenceDays).toBe(35);
  });

  it('counts a relative expiry from the first load, so a later load does not move it', async () => {
    const portal = await createTestPortal({ now: new Date('2026-11-22T10:00:00Z') });
    await reload(portal, demoCatalogueText, 100);
    const cookie = await portal.signIn('alice@acme.example');
    const license = await getJson(portal, '/api/license', cookie);
    expect(license).toMatchObject({
      createdAt: '2026-11-22T10:00:00.000Z',
      expiresAt: '2027-11-22T10:00:00.000Z',
    });
    const dashboard = await getJson(portal, '/api/dashboard', cookie);
    expect(dashboard.license.daysToExpiry).toBe(365);
  });

  it('updates changed release notes and roles in place', async () => {
    const portal = await createTestPortal();
    const changed = demoCatalogueText
      .replace('- Arm64 images', '- Arm64 images\n          - Faster start-up')
      .replace(
        '      - email: bob@acme.example\n        role: member',
        '      - email: bob@acme.example\n        role: viewer',
      );
    expect(changed).not.toBe(demoCatalogueText);

    await reload(portal, changed, 1);

    expect(await rowCounts(portal)).toEqual({ channels: 2, releases: 6, teams: 3, users: 4, memberships: 4 });
    const alice = await portal.signIn('alice@acme.example');
    const members = await getJson(portal, '/api/team/members', alice);
    expect(members.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      ['alice@acme.example', 'admin'],
      ['bob@acme.example', 'viewer'],
    ]);
    const dave = await portal.signIn('dave@initech.example');
    const { releases: beta } = await getJson(portal, '/api/releases', dave);
    expect(beta).toHaveLength(1);
    expect(beta[0].notes).toBe(
      'Preview of 1.5.0. Not for production use.\n\n- Natural-language queries (experimental)\n- Arm64 images\n- Faster start-up\n',
    );
  });

  it('adds a customer that appears in a later catalogue', async () => {
    const portal = await createTestPortal();
    const withHooli = `${demoCatalogueText}
  - name: Hooli
    channel: stable
    license:
      id: 3mNb7VcX1zHooli
      type: dev
      install_types: [helm]
    team:
      - email: gavin@hooli.example
        role: admin
`;
    await reload(portal, withHooli, 1);
    expect(await rowCounts(portal)).toEqual({ channels: 2, releases: 6, teams: 4, users: 5, memberships: 5 });
    const gavin = await portal.signIn('gavin@hooli.example');
    expect(await getJson(portal, '/api/license', gavin)).toMatchObject({ customerName: 'Hooli', type: 'dev' });
  });
});
