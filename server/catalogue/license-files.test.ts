import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { teams } from '../db/schema';
import { replayGet, sdkLatestLicense } from '../testing/recorded-license-requests';
import { createTestPortal, type TestPortal } from '../testing/test-portal';
import { catalogueWithHooli, loadWithLicenseFiles, vendorLicense } from '../testing/vendor-license';
import { CatalogueError, parseCatalogue } from './parse';

const HOOLI_LICENSE_ID = '2Ukd6ZSK5i9We0m9WznyHooli';

/** The error loading a catalogue with Hooli's license file stops at; nothing is written. */
async function loadError(portal: TestPortal, file: string, license?: string): Promise<CatalogueError> {
  const error = await loadWithLicenseFiles(portal, catalogueWithHooli(license), { 'licenses/hooli.yaml': file }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CatalogueError);
  expect((await portal.db.select({ n: count() }).from(teams))[0]!.n).toBe(3);
  return error as CatalogueError;
}

describe('vendor-issued license files in the catalogue', () => {
  it('takes the license ID from the file when the catalogue gives none', async () => {
    const portal = await createTestPortal();
    await loadWithLicenseFiles(portal, catalogueWithHooli(), { 'licenses/hooli.yaml': vendorLicense() });
    expect((await replayGet(portal, sdkLatestLicense(HOOLI_LICENSE_ID))).status).toBe(200);
  });

  it('accepts an id that matches the file, and refuses one that does not', async () => {
    const portal = await createTestPortal();
    const matching = `      id: ${HOOLI_LICENSE_ID}\n      file: licenses/hooli.yaml`;
    await loadWithLicenseFiles(portal, catalogueWithHooli(matching), { 'licenses/hooli.yaml': vendorLicense() });
    expect((await replayGet(portal, sdkLatestLicense(HOOLI_LICENSE_ID))).status).toBe(200);

    const other = await createTestPortal();
    const error = await loadError(other, vendorLicense(), `      id: 3mNb7VcX1zHooli\n      file: licenses/hooli.yaml`);
    expect(error).toMatchObject({ file: 'licenses/hooli.yaml', field: 'spec.licenseID', line: 34 });
    expect(error.reason).toBe(
      `is "${HOOLI_LICENSE_ID}", but the catalogue gives this customer license id "3mNb7VcX1zHooli" (omit the id to take the file's)`,
    );
  });

  it("refuses a license of another app, naming the file's line", async () => {
    const error = await loadError(await createTestPortal(), vendorLicense({ appSlug: 'orbit' }));
    expect(error.message).toBe('licenses/hooli.yaml:6: spec.appSlug: is "orbit", but the catalogue\'s app is "atlas"');
  });

  it("refuses a license on another channel than the customer's", async () => {
    const error = await loadError(await createTestPortal(), vendorLicense({ channelId: '2kLp9QvX7mRt4BetaChnl' }));
    expect(error).toMatchObject({ field: 'spec.channelID', line: 7 });
    expect(error.reason).toBe(
      'names channel "2kLp9QvX7mRt4BetaChnl", but the customer\'s channel has id ' +
        '"2kLp9QvX7mRt4StableCh": set that channel\'s id in the catalogue to the vendor platform\'s',
    );
  });

  it("refuses a file whose license ID is another customer's", async () => {
    const error = await loadError(await createTestPortal(), vendorLicense({ licenseId: '2kLp9QvX7mRt4Acme' }));
    expect(error.message).toBe('licenses/hooli.yaml: spec.licenseID: Hooli has the license ID of Acme Corp');
  });

  it('refuses what is not a license file: broken YAML, another kind, a NUL byte', async () => {
    const portal = await createTestPortal();
    const broken = await loadError(portal, 'spec:\n  licenseID: [unclosed\n');
    expect(broken).toMatchObject({ file: 'licenses/hooli.yaml', field: null });
    const secret = await loadError(portal, vendorLicense().replace('kind: License', 'kind: Secret'));
    expect(secret).toMatchObject({ field: 'kind', line: 2 });
    expect(secret.reason).toMatch(/expected a kots\.io License/);
    const nul = await loadError(portal, `${vendorLicense()}\0`);
    expect(nul.reason).toBe('is not a license file (it holds a NUL byte)');
  });

  it('refuses a customer with neither a license id nor a file', () => {
    const text = catalogueWithHooli('      expires_after_days: 30');
    expect(() => parseCatalogue(text, 'portico.yaml')).toThrow(
      /customers\[3\]\.license\.id: set the license id, or the license file the vendor platform issued/,
    );
  });
});
