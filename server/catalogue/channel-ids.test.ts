import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACME_LICENSE_ID } from '../testing/recorded-requests';
import { replayGet, sdkLatestLicense } from '../testing/recorded-license-requests';
import { createTestPortal, type TestPortal } from '../testing/test-portal';
import { demoCatalogueText, readDemoAsset } from './demo';
import { loadCatalogue } from './load';
import { parseCatalogue } from './parse';

const INITECH_LICENSE_ID = '5tRv1KxM9pInitech';
const STABLE_ID = '2kLp9QvX7mRt4StableCh';
const BETA_ID = '2kLp9QvX7mRt4BetaChnl';

/** The demo catalogue without its channel ids, as a vendor who declares none writes it. */
const withoutIds = demoCatalogueText.replace(`id: ${STABLE_ID}\n    `, '').replace(`id: ${BETA_ID}\n    `, '');

/** The channel ID in the license a customer's machines sync, as the SDK sees it. */
async function channelIdOf(portal: TestPortal, licenseId: string): Promise<string> {
  const response = await replayGet(portal, sdkLatestLicense(licenseId));
  expect(response.status).toBe(200);
  return parse(await response.text()).spec.channelID;
}

const reload = (portal: TestPortal, text: string) =>
  loadCatalogue(portal.db, parseCatalogue(text, 'portico.yaml'), readDemoAsset, portal.clock.now());

/** What a signed-in customer sees of their channel's releases. */
async function releaseVersions(portal: TestPortal, email: string) {
  const response = await portal.request('/api/releases', { cookie: await portal.signIn(email) });
  expect(response.status).toBe(200);
  return (await response.json()).releases.map((r: { version: string }) => r.version);
}

describe('channel ids', () => {
  it("uses the ids the catalogue declares, the vendor platform's", async () => {
    const portal = await createTestPortal();
    expect(await channelIdOf(portal, ACME_LICENSE_ID)).toBe(STABLE_ID);
    expect(await channelIdOf(portal, INITECH_LICENSE_ID)).toBe(BETA_ID);
  });

  it('derives the same id on every fresh portal when the catalogue declares none', async () => {
    expect(withoutIds).not.toContain(STABLE_ID);
    const first = await createTestPortal({ catalogue: withoutIds });
    const ids = [await channelIdOf(first, ACME_LICENSE_ID), await channelIdOf(first, INITECH_LICENSE_ID)];
    const second = await createTestPortal({ catalogue: withoutIds }); // a fresh database
    expect([await channelIdOf(second, ACME_LICENSE_ID), await channelIdOf(second, INITECH_LICENSE_ID)]).toEqual(ids);
    // As documented in docs/decisions/009-licenses.md, so another server derives it too.
    const derived = (channel: string) =>
      createHash('sha256').update(`portico-channel:atlas/${channel}`).digest('hex').slice(0, 32);
    expect(ids).toEqual([derived('stable'), derived('beta')]);
  });

  it('moves a stored random id to the declared one, and the releases and teams with it', async () => {
    const portal = await createTestPortal();
    // A database from before stable ids: the channel got a random id at its first load.
    const random = crypto.randomUUID();
    await portal.db.execute(sql`UPDATE channels SET id = ${random} WHERE id = ${STABLE_ID}`);
    expect(await channelIdOf(portal, ACME_LICENSE_ID)).toBe(random);

    await reload(portal, demoCatalogueText);

    expect(await channelIdOf(portal, ACME_LICENSE_ID)).toBe(STABLE_ID);
    expect(await releaseVersions(portal, 'alice@acme.example')).toEqual(['1.4.0', '1.3.0', '1.2.0', '1.1.0', '1.0.0']);
    const stored = await portal.db.execute(sql`SELECT id FROM channels ORDER BY slug`);
    expect((stored as unknown as { rows: { id: string }[] }).rows.map((r) => r.id)).toEqual([BETA_ID, STABLE_ID]);
  });

  it('moves derived ids to the ones a vendor declares later, even when two channels swap ids', async () => {
    const portal = await createTestPortal({ catalogue: withoutIds });
    await reload(portal, demoCatalogueText);
    expect(await channelIdOf(portal, ACME_LICENSE_ID)).toBe(STABLE_ID);

    const swapped = demoCatalogueText.replace(STABLE_ID, 'swap').replace(BETA_ID, STABLE_ID).replace('swap', BETA_ID);
    await reload(portal, swapped);

    expect(await channelIdOf(portal, ACME_LICENSE_ID)).toBe(BETA_ID);
    expect(await channelIdOf(portal, INITECH_LICENSE_ID)).toBe(STABLE_ID);
    expect(await releaseVersions(portal, 'dave@initech.example')).toEqual(['1.5.0-beta.1']);
  });

  it('refuses a catalogue that gives two channels one id, or an id that is not one', () => {
    const twice = demoCatalogueText.replace(BETA_ID, STABLE_ID);
    expect(() => parseCatalogue(twice, 'portico.yaml')).toThrow(
      /channels\[1\]\.id: channel id "2kLp9QvX7mRt4StableCh" is declared twice/,
    );
    const spaced = demoCatalogueText.replace(BETA_ID, 'beta channel');
    expect(() => parseCatalogue(spaced, 'portico.yaml')).toThrow(/channels\[1\]\.id: must be 1–64 letters/);
  });
});
