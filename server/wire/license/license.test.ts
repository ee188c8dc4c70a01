import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ACME_LICENSE_ID } from '../../testing/recorded-requests';
import {
  ecSyncLicense,
  replayGet,
  sdkLatestLicense,
  sdkLatestLicenseField,
  sdkLatestLicenseFields,
} from '../../testing/recorded-license-requests';
import { readTgz } from '../../testing/ingest-client';
import { createTestPortal } from '../../testing/test-portal';
import { catalogueWithHooli, loadWithLicenseFiles, vendorLicense } from '../../testing/vendor-license';

// Requests recorded from replicated-sdk pkg/license/license.go@b5ecbac3 and embedded-cluster
// pkg-new/replicatedapi/client.go@3ee1f5b9 (server/testing/recorded-license-requests.ts).

const GLOBEX_LICENSE_ID = '8hWq3ZnB5yGlobex';
const DAY_MS = 86_400_000;

describe('GET /license/:app, as the Replicated SDK and the Embedded Cluster installer sync it', () => {
  it('answers the SDK with the license YAML Portico generates, pointing the clients at the portal', async () => {
    const portal = await createTestPortal();
    const response = await replayGet(portal, sdkLatestLicense(ACME_LICENSE_ID));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    const license = parse(text);
    expect(license).toMatchObject({
      apiVersion: 'kots.io/v1beta1',
      kind: 'License',
      spec: {
        licenseID: ACME_LICENSE_ID,
        licenseType: 'paid',
        customerName: 'Acme Corp',
        appSlug: 'atlas',
        channelID: '2kLp9QvX7mRt4StableCh',
        channelName: 'Stable',
        licenseSequence: 1,
        endpoint: 'http://portal.test',
        isEmbeddedClusterDownloadEnabled: true,
        isAirgapSupported: true,
        isHelmAirgapEnabled: true,
        channels: [{ channelID: '2kLp9QvX7mRt4StableCh', channelSlug: 'stable', isDefault: true }],
      },
    });
    // A License holds no release; kotskinds has no such fields.
    for (const key of ['versionLabel', 'channelSequence', 'releaseSequence', 'channelSlug', 'signature']) {
      expect(license.spec).not.toHaveProperty(key);
    }
    // Go reads the values with their types: Integer bare, expires_at an RFC 3339 string.
    expect(license.spec.entitlements.seats).toEqual({ title: 'seats', value: 250, valueType: 'Integer' });
    expect(license.spec.entitlements.expires_at.value).toBe('2027-11-22T10:00:00Z');
    // Shell installers read the top-level scalars with sed, one `  key: value` line each.
    expect(text).toContain(`\n  licenseID: "${ACME_LICENSE_ID}"\n`);
    expect(text).toContain('\n  endpoint: "http://portal.test"\n');
    // The yaml package reads it back as it wrote it.
    expect(parse(stringify(license))).toEqual(license);
  });

  it('is the same file as in the Embedded Cluster bundle', async () => {
    const portal = await createTestPortal();
    const synced = await (await replayGet(portal, sdkLatestLicense(ACME_LICENSE_ID))).text();
    const bundle = await portal.app.request('http://portal.test/embedded/atlas/stable', {
      headers: { authorization: ACME_LICENSE_ID },
    });
    expect(bundle.status).toBe(200);
    const file = (await readTgz(bundle.body!)).find((f) => f.name === 'license.yaml');
    expect(file!.text).toBe(synced);
  });

  it('answers the installer, which sends its license sequence, channel and Accept: application/yaml', async () => {
    const portal = await createTestPortal();
    const response = await replayGet(portal, ecSyncLicense(ACME_LICENSE_ID));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(parse(await response.text()).spec).toMatchObject({
      licenseID: ACME_LICENSE_ID,
      channelID: '2kLp9QvX7mRt4StableCh',
    });
  });

  it("serves a vendor-issued license file byte for byte, under the file's license ID", async () => {
    const portal = await createTestPortal();
    const file = vendorLicense();
    await loadWithLicenseFiles(portal, catalogueWithHooli(), { 'licenses/hooli.yaml': file });

    const response = await replayGet(portal, sdkLatestLicense('2Ukd6ZSK5i9We0m9WznyHooli'));
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new TextEncoder().encode(file));

    const fields = await replayGet(portal, sdkLatestLicenseFields('2Ukd6ZSK5i9We0m9WznyHooli'));
    expect(await fields.json()).toEqual({
      expires_at: {
        name: 'expires_at',
        title: 'Expiration',
        description: 'License Expiration',
        value: '2027-06-30T00:00:00Z',
        valueType: 'String',
        signature: { v1: 'c2lnbmVkLWV4cGlyZXMtYXQ=' },
      },
      seats: { name: 'seats', title: 'Seats', value: 40, valueType: 'Integer', signature: { v1: 'c2lnbmVkLXNlYXRz' } },
    });
  });

  it("refuses another app's slug with a 404 in the error shape", async () => {
    const portal = await createTestPortal();
    const response = await replayGet(portal, sdkLatestLicense(ACME_LICENSE_ID, 'orbit'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'This license is not for that app.' },
    });
  });

  it('refuses unknown, missing and non-Basic credentials with a 401', async () => {
    const portal = await createTestPortal();
    const cases: [string, (h: Headers) => void][] = [
      ['unknown license', (h) => h.set('Authorization', `Basic ${btoa('2kLp9QvX7mRtWrong:2kLp9QvX7mRtWrong')}`)],
      ['missing', (h) => h.delete('Authorization')],
      ['raw license ID', (h) => h.set('Authorization', ACME_LICENSE_ID)],
      ['halves differ', (h) => h.set('Authorization', `Basic ${btoa(`alice@acme.example:${ACME_LICENSE_ID}`)}`)],
    ];
    for (const [label, change] of cases) {
      for (const request of [sdkLatestLicense(ACME_LICENSE_ID), ecSyncLicense(ACME_LICENSE_ID)]) {
        const response = await replayGet(portal, request, change);
        expect(response.status, label).toBe(401);
        expect((await response.json()).error.code, label).toBe('unauthenticated');
      }
    }
  });

  it('refuses an expired license with a 403 that says so', async () => {
    const portal = await createTestPortal();
    expect((await replayGet(portal, sdkLatestLicense(GLOBEX_LICENSE_ID))).status).toBe(200);
    portal.clock.advance(11 * DAY_MS); // Globex's license runs 10 days from the first load
    for (const request of [
      sdkLatestLicense(GLOBEX_LICENSE_ID),
      sdkLatestLicenseFields(GLOBEX_LICENSE_ID),
      sdkLatestLicenseField(GLOBEX_LICENSE_ID, 'edition'),
    ]) {
      const response = await replayGet(portal, request);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: {
          code: 'license_expired',
          message: 'This license expired on 2026-12-02. Contact your vendor to renew it.',
        },
      });
    }
  });
});

describe('GET /license/fields and /license/field/:name', () => {
  it("lists the license's fields, expires_at included, in the SDK's LicenseField shape", async () => {
    const portal = await createTestPortal();
    const response = await replayGet(portal, sdkLatestLicenseFields(ACME_LICENSE_ID));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      expires_at: {
        name: 'expires_at',
        title: 'Expiration',
        description: 'License Expiration',
        value: '2027-11-22T10:00:00Z',
        valueType: 'String',
        signature: {},
      },
      edition: { name: 'edition', title: 'edition', value: 'enterprise', valueType: 'String', signature: {} },
      seats: { name: 'seats', title: 'seats', value: 250, valueType: 'Integer', signature: {} },
    });
  });

  it('answers one field by name', async () => {
    const portal = await createTestPortal();
    const response = await replayGet(portal, sdkLatestLicenseField(ACME_LICENSE_ID, 'seats'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      name: 'seats',
      title: 'seats',
      value: 250,
      valueType: 'Integer',
      signature: {},
    });
  });

  it('answers 404 naming a field the license does not have, which the SDK reads as "gone"', async () => {
    const portal = await createTestPortal();
    // Initech has edition and region, not seats; "constructor" is no field of any license.
    for (const [name, shown] of [
      ['seats', '"seats"'],
      ['constructor', '"constructor"'],
      ['max%20nodes', '"max nodes"'],
    ]) {
      const response = await replayGet(portal, sdkLatestLicenseField('5tRv1KxM9pInitech', name!));
      expect(response.status, name).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 'not_found', message: `The license has no field ${shown}.` },
      });
    }
  });

  it('refuses a field name with a NUL byte, and unknown credentials, in the error shape', async () => {
    const portal = await createTestPortal();
    const nul = await replayGet(portal, sdkLatestLicenseField(ACME_LICENSE_ID, 'seats%00'));
    expect(nul.status).toBe(404);
    expect(await nul.json()).toEqual({ error: { code: 'not_found', message: 'That resource was not found.' } });

    const stranger = await replayGet(portal, sdkLatestLicenseFields(ACME_LICENSE_ID), (h) =>
      h.set('Authorization', `Basic ${btoa('nobody-at-all:nobody-at-all')}`),
    );
    expect(stranger.status).toBe(401);
    expect(await stranger.json()).toEqual({
      error: {
        code: 'unauthenticated',
        message: 'These credentials are not valid. Send Authorization: Basic base64(licenseID:licenseID).',
      },
    });
  });
});
