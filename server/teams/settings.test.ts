import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../../contract/audit';
import { locales } from '../../contract/constants';
import { demoCatalogueText, readDemoAsset } from '../catalogue/demo';
import { loadCatalogue } from '../catalogue/load';
import { parseCatalogue } from '../catalogue/parse';
import { createTestPortal, type TestPortal } from '../testing/test-portal';
import { accept, invite, tokenOf } from './test-helpers';

const settings = (portal: TestPortal, cookie: string) => portal.request('/api/team/settings', { cookie });
const put = (portal: TestPortal, cookie: string, json: unknown) =>
  portal.request('/api/team/settings', { method: 'PUT', cookie, json });

const localeChanges = async (portal: TestPortal, cookie: string) => {
  const response = await portal.request('/api/team/audit?action=team.locale_changed', { cookie });
  return ((await response.json()) as AuditPage).events;
};

/** A person on Acme with the viewer role, through an accepted invite. */
async function viewer(portal: TestPortal) {
  const { body } = await invite(portal, 'vera@acme.example', 'viewer');
  return (await accept(portal, tokenOf(body.url))).cookie;
}

describe('/api/team/settings', () => {
  it("lets an admin read and change the team's language, and records the change", async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    expect(await (await settings(portal, alice)).json()).toEqual({ locale: 'en' });

    const changed = await put(portal, alice, { locale: 'de' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ locale: 'de' });
    expect(await (await settings(portal, alice)).json()).toEqual({ locale: 'de' });
    expect(await localeChanges(portal, alice)).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ label: 'alice@acme.example' }),
        details: { from: 'en', to: 'de' },
      }),
    ]);

    // Another team keeps its own language.
    const carol = await portal.signIn('carol@globex.example');
    expect(await (await settings(portal, carol)).json()).toEqual({ locale: 'en' });
  });

  it('refuses a member and a viewer (403), and leaves the language as it was', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const bob = await portal.signIn('bob@acme.example');
    const vera = await viewer(portal);
    for (const cookie of [bob, vera]) {
      const refused = await put(portal, cookie, { locale: 'de' });
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe('forbidden');
      expect((await settings(portal, cookie)).status).toBe(403);
    }
    expect((await put(portal, '', { locale: 'de' })).status).toBe(401);
    expect(await (await settings(portal, alice)).json()).toEqual({ locale: 'en' });
    expect(await localeChanges(portal, alice)).toEqual([]);
  });

  it.each([{ locale: 'fr' }, { locale: 'DE' }, { locale: null }, {}])(
    'refuses %j with 400 on the locale field, and changes nothing',
    async (json) => {
      const portal = await createTestPortal();
      const alice = await portal.signIn('alice@acme.example');
      const refused = await put(portal, alice, json);
      expect(refused.status).toBe(400);
      const { error } = await refused.json();
      expect(error).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
      expect(error.details.fields.locale).toMatch(/Choose a language: en or de/);
      expect(await (await settings(portal, alice)).json()).toEqual({ locale: 'en' });
      expect(await localeChanges(portal, alice)).toEqual([]);
    },
  );

  it("stores exactly the contract's languages (the migration's check names them again)", async () => {
    const portal = await createTestPortal();
    const result = await portal.db.execute(sql`
      SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = 'teams'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%locale%'`);
    const [check] = (result as unknown as { rows: { def: string }[] }).rows;
    const allowed = [...check!.def.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(allowed.sort()).toEqual([...locales].sort());
  });
});

describe("emails in the team's language", () => {
  it('writes the invite and its resend in German for a German team', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    await put(portal, alice, { locale: 'de' });
    const { body } = await invite(portal, 'erin@acme.example', 'viewer', alice);
    const mail = portal.outbox.findLast((m) => m.to === 'erin@acme.example')!;
    expect(mail.subject).toBe('Einladung zu Acme Corp bei Atlas Analytics Enterprise Portal');
    expect(mail.text).toContain('alice@acme.example lädt Sie ein, Acme Corp bei');
    expect(mail.text).toContain('als Betrachter beizutreten');
    expect(mail.text).toContain('läuft in 7 Tagen ab');
    expect(mail.action?.label).toBe('Einladung annehmen');

    const resent = await portal.request(`/api/team/invites/${body.invite.id}/resend`, {
      method: 'POST',
      cookie: alice,
    });
    const { url } = await resent.json();
    const again = portal.outbox.findLast((m) => m.to === 'erin@acme.example')!;
    expect(again).not.toBe(mail);
    expect(again.subject).toBe('Einladung zu Acme Corp bei Atlas Analytics Enterprise Portal');
    expect(again.text).toContain(url);
  });

  it('keeps English for an English team', async () => {
    const portal = await createTestPortal();
    await invite(portal, 'erin@acme.example');
    expect(portal.outbox.findLast((m) => m.to === 'erin@acme.example')!.subject).toBe(
      'You are invited to Acme Corp on Atlas Analytics Enterprise Portal',
    );
  });

  it("tells the admins someone joined in the team's language, unless an admin chose their own", async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    await put(portal, alice, { locale: 'de' });
    const erin = await invite(portal, 'erin@acme.example', 'member', alice);
    await accept(portal, tokenOf(erin.body.url));
    const joined = portal.outbox.findLast((m) => m.to === 'alice@acme.example')!;
    expect(joined.subject).toBe('erin@acme.example ist Acme Corp beigetreten');
    expect(joined.text).toContain('als Mitglied beigetreten');

    // Alice picks English for herself: that is the language she is written to.
    await portal.request('/api/me/preferences', { method: 'PUT', cookie: alice, json: { locale: 'en' } });
    const frank = await invite(portal, 'frank@acme.example', 'member', alice);
    await accept(portal, tokenOf(frank.body.url));
    expect(portal.outbox.findLast((m) => m.to === 'alice@acme.example')!.subject).toBe(
      'frank@acme.example joined Acme Corp',
    );
  });
});

/** The demo catalogue with Acme's language set (or not) in the file. */
const ACME = '    custom_id: CRM-0042\n';
const acmeIn = (locale: string) => demoCatalogueText.replace(ACME, `${ACME}    locale: ${locale}\n`);

/** The portal starting again with an edited portico.yaml. */
async function restartWith(portal: TestPortal, text: string) {
  await loadCatalogue(portal.db, parseCatalogue(text, 'portico.yaml'), readDemoAsset, portal.clock.now());
}

describe("portico.yaml's team language (docs/decisions/015-team-language.md)", () => {
  it('seeds the language of a new team, and follows the file while no admin has set one', async () => {
    expect(demoCatalogueText).toContain(ACME);
    const portal = await createTestPortal({ catalogue: acmeIn('de') });
    const alice = await portal.signIn('alice@acme.example');
    expect(await (await settings(portal, alice)).json()).toEqual({ locale: 'de' });
    await invite(portal, 'erin@acme.example', 'member', alice);
    expect(portal.outbox.findLast((m) => m.to === 'erin@acme.example')!.subject).toMatch(/^Einladung zu Acme Corp/);
    const carol = await portal.signIn('carol@globex.example');
    expect(await (await settings(portal, carol)).json()).toEqual({ locale: 'en' });

    await restartWith(portal, demoCatalogueText);
    expect(await (await settings(portal, alice)).json()).toEqual({ locale: 'en' });
    await restartWith(portal, acmeIn('de'));
    expect(await (await settings(portal, alice)).json()).toEqual({ locale: 'de' });
  });

  it('never undoes the language an admin set, even to the value the file had', async () => {
    const portal = await createTestPortal({ catalogue: acmeIn('de') });
    const alice = await portal.signIn('alice@acme.example');
    await put(portal, alice, { locale: 'en' });
    await restartWith(portal, acmeIn('de'));
    expect(await (await settings(portal, alice)).json()).toEqual({ locale: 'en' });

    await put(portal, alice, { locale: 'de' });
    await restartWith(portal, demoCatalogueText);
    expect(await (await settings(portal, alice)).json()).toEqual({ locale: 'de' });
  });
});
