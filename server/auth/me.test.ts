import { describe, expect, it } from 'vitest';
import { demoCatalogueText } from '../catalogue/demo';
import { createTestPortal, type TestPortal } from '../testing/test-portal';

/** The demo catalogue plus eve, a member of Acme Corp and a viewer on Initech. */
const twoTeamCatalogue = demoCatalogueText
  .replace(
    '      - email: bob@acme.example\n        role: member\n',
    '      - email: bob@acme.example\n        role: member\n      - email: eve@multi.example\n        role: member\n',
  )
  .replace(
    '      - email: dave@initech.example\n        role: admin\n',
    '      - email: dave@initech.example\n        role: admin\n      - email: eve@multi.example\n        role: viewer\n',
  );

async function getJson(portal: TestPortal, path: string, cookie: string) {
  const response = await portal.request(path, { cookie });
  expect(response.status).toBe(200);
  return response.json();
}

/** Ids as a client learns them: from GET /api/me of someone on that team. */
async function teamIds(portal: TestPortal) {
  const idOf = async (email: string) => (await getJson(portal, '/api/me', await portal.signIn(email))).team.id;
  return {
    acme: await idOf('alice@acme.example'),
    globex: await idOf('carol@globex.example'),
    initech: await idOf('dave@initech.example'),
  };
}

const switchTeam = (portal: TestPortal, cookie: string, json: unknown) =>
  portal.request('/api/me/team', { method: 'PUT', cookie, json });

describe('GET /api/me', () => {
  it('shows the user, the signed-in team and every team they belong to', async () => {
    const portal = await createTestPortal({ catalogue: twoTeamCatalogue });
    const ids = await teamIds(portal);
    const cookie = await portal.signIn('eve@multi.example');
    expect(await getJson(portal, '/api/me', cookie)).toEqual({
      user: { id: expect.any(String), email: 'eve@multi.example', locale: null },
      team: { id: ids.acme, name: 'Acme Corp', role: 'member' },
      teams: [
        { id: ids.acme, name: 'Acme Corp', role: 'member' },
        { id: ids.initech, name: 'Initech', role: 'viewer' },
      ],
    });
  });
});

describe('PUT /api/me/team', () => {
  it("switches to another of the user's teams, and every read follows", async () => {
    const portal = await createTestPortal({ catalogue: twoTeamCatalogue });
    const ids = await teamIds(portal);
    const cookie = await portal.signIn('eve@multi.example');
    expect((await getJson(portal, '/api/license', cookie)).customerName).toBe('Acme Corp');

    const switched = await switchTeam(portal, cookie, { teamId: ids.initech });
    expect(switched.status).toBe(200);
    expect((await switched.json()).team).toEqual({ id: ids.initech, name: 'Initech', role: 'viewer' });

    expect((await getJson(portal, '/api/me', cookie)).team.name).toBe('Initech');
    expect(await getJson(portal, '/api/license', cookie)).toMatchObject({
      customerName: 'Initech',
      licenseId: '5tRv1KxM9pInitech',
    });
    const releases = await getJson(portal, '/api/releases', cookie);
    expect(releases.channel).toEqual({ slug: 'beta', name: 'Beta' });
    expect(releases.releases.map((r: { version: string }) => r.version)).toEqual(['1.5.0-beta.1']);
    expect((await getJson(portal, '/api/dashboard', cookie)).installOptions).toEqual(['airgap', 'helm_airgap']);
    const members = await getJson(portal, '/api/team/members', cookie);
    expect(members.map((m: { email: string }) => m.email)).toEqual(['dave@initech.example', 'eve@multi.example']);
  });

  it("refuses a team the user is not on with a 404, exactly like a team that doesn't exist", async () => {
    const portal = await createTestPortal({ catalogue: twoTeamCatalogue });
    const ids = await teamIds(portal);
    const cookie = await portal.signIn('eve@multi.example');

    const other = await switchTeam(portal, cookie, { teamId: ids.globex });
    expect(other.status).toBe(404);
    const body = await other.json();
    expect(body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect(JSON.stringify(body)).not.toContain('Globex');

    const missing = await switchTeam(portal, cookie, { teamId: 'no-such-team' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(body);

    expect((await getJson(portal, '/api/me', cookie)).team.name).toBe('Acme Corp');
    expect((await getJson(portal, '/api/license', cookie)).customerName).toBe('Acme Corp');
  });

  it('switches only the session that asked', async () => {
    const portal = await createTestPortal({ catalogue: twoTeamCatalogue });
    const ids = await teamIds(portal);
    const laptop = await portal.signIn('eve@multi.example');
    const phone = await portal.signIn('eve@multi.example');
    expect((await switchTeam(portal, laptop, { teamId: ids.initech })).status).toBe(200);
    expect((await getJson(portal, '/api/me', laptop)).team.name).toBe('Initech');
    expect((await getJson(portal, '/api/me', phone)).team.name).toBe('Acme Corp');
  });

  it('refuses a body without a team id', async () => {
    const portal = await createTestPortal({ catalogue: twoTeamCatalogue });
    const cookie = await portal.signIn('eve@multi.example');
    for (const json of [{}, { teamId: '' }, { teamId: 42 }]) {
      const response = await switchTeam(portal, cookie, json);
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error).toMatchObject({ code: 'validation_failed', details: { fields: { teamId: expect.any(String) } } });
    }
    expect((await getJson(portal, '/api/me', cookie)).team.name).toBe('Acme Corp');
  });
});

describe('PUT /api/me/preferences', () => {
  it('keeps the chosen language, and sign-in emails use it', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const saved = await portal.request('/api/me/preferences', { method: 'PUT', cookie, json: { locale: 'de' } });
    expect(saved.status).toBe(200);
    expect((await saved.json()).user.locale).toBe('de');
    expect((await getJson(portal, '/api/me', cookie)).user.locale).toBe('de');

    await portal.request('/api/auth/login-links', { method: 'POST', json: { email: 'alice@acme.example' } });
    expect(portal.outbox.at(-1)?.subject).toBe('Ihr Anmeldelink für Atlas Analytics Enterprise Portal');
  });

  it('refuses a language the portal does not offer', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const response = await portal.request('/api/me/preferences', { method: 'PUT', cookie, json: { locale: 'fr' } });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: 'validation_failed', details: { fields: { locale: expect.any(String) } } });
    expect((await getJson(portal, '/api/me', cookie)).user.locale).toBeNull();
  });
});
