import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { channels, instances, teams } from '../../db/schema';
import { checkpointTimes, startInstall } from '../../testing/ingest-client';
import { ACME_LICENSE_ID, replay, sdkInstanceData } from '../../testing/recorded-requests';
import {
  ecCurrentRelease,
  ecUpgradeReleases,
  SDK_INSTANCE_ID,
  sdkUpdateCheck,
} from '../../testing/recorded-sdk-requests';
import { createTestPortal, type TestPortal } from '../../testing/test-portal';

const INITECH_LICENSE_ID = '5tRv1KxM9pInitech';

/** The channel ID the license carries (spec.channelID), which the SDK and the installer send back. */
async function channelIdOf(portal: TestPortal, licenseId: string) {
  const [team] = await portal.db.select().from(teams).where(eq(teams.licenseId, licenseId));
  return team!.channelId;
}

async function versionsIn(response: Response) {
  expect(response.status).toBe(200);
  const { channelReleases } = (await response.json()) as { channelReleases: { versionLabel: string }[] };
  return channelReleases.map((release) => release.versionLabel);
}

describe('the update check: /release/:app/pending (issue 7)', () => {
  it("answers the SDK's start-up check with the releases after its own, in replicated.app's shape", async () => {
    const portal = await createTestPortal();
    const channelId = await channelIdOf(portal, ACME_LICENSE_ID);
    const response = await replay(portal, sdkUpdateCheck(ACME_LICENSE_ID, channelId, { channelSequence: '3' }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.channelReleases).toHaveLength(2);
    expect(body.channelReleases[0]).toEqual({
      channelId,
      channelSequence: 5,
      releaseSequence: 5,
      versionLabel: '1.4.0',
      semver: '1.4.0',
      isRequired: false,
      createdAt: '2026-10-20T00:00:00Z',
      releaseNotes: expect.stringContaining('Alerting on metric thresholds'),
    });
    expect(body.channelReleases[1]).toMatchObject({ versionLabel: '1.3.0', channelSequence: 4 });
  });

  it('answers every release, newest first, when channelSequence is empty or absent', async () => {
    const portal = await createTestPortal();
    const channelId = await channelIdOf(portal, ACME_LICENSE_ID);
    const all = ['1.4.0', '1.3.0', '1.2.0', '1.1.0', '1.0.0'];
    expect(
      await versionsIn(await replay(portal, sdkUpdateCheck(ACME_LICENSE_ID, channelId, { channelSequence: '' }))),
    ).toEqual(all);
    const absent = sdkUpdateCheck(ACME_LICENSE_ID, channelId);
    absent.path = '/release/atlas/pending';
    expect(await versionsIn(await replay(portal, absent))).toEqual(all);
    expect(
      await versionsIn(await replay(portal, sdkUpdateCheck(ACME_LICENSE_ID, channelId, { channelSequence: '5' }))),
    ).toEqual([]);
  });

  it('answers in the order asked for, and refuses an order it does not know', async () => {
    const portal = await createTestPortal();
    const channelId = await channelIdOf(portal, ACME_LICENSE_ID);
    const ascending = sdkUpdateCheck(ACME_LICENSE_ID, channelId, { channelSequence: '2' });
    ascending.path = ascending.path.replace('sortOrder=desc', 'sortOrder=asc');
    const sideways = { ...ascending, path: ascending.path.replace('sortOrder=asc', 'sortOrder=sideways') };
    const refused = await replay(portal, sideways);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toBe('sortOrder must be asc or desc.');
    const notANumber = sdkUpdateCheck(ACME_LICENSE_ID, channelId, { channelSequence: 'five' });
    expect((await replay(portal, notANumber)).status).toBe(400);
    expect(await portal.db.select().from(instances)).toEqual([]);

    expect(await versionsIn(await replay(portal, ascending))).toEqual(['1.2.0', '1.3.0', '1.4.0']);
  });

  it("records the SDK's report as a check-in that, at start-up, leaves the status alone", async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const channelId = await channelIdOf(portal, ACME_LICENSE_ID);

    // Start-up, before the informers have said anything: the install ran, readiness is unknown.
    expect((await replay(portal, sdkUpdateCheck(install.token, channelId))).status).toBe(200);
    let [instance] = await portal.db.select().from(instances);
    expect(instance).toMatchObject({
      externalId: SDK_INSTANCE_ID,
      status: null,
      details: { channelId, channelSequence: 4, versionLabel: '1.3.0', sdkVersion: 'v1.19.6' },
    });
    let checkpoints = checkpointTimes(await install.read());
    expect(checkpoints.installation_completed).toBe('2026-11-22T10:00:00.000Z');
    expect(checkpoints.instance_ready).toBeNull();

    // A later check from GET /api/v1/app/updates carries the status; a restart's check keeps it.
    await replay(portal, sdkUpdateCheck(install.token, channelId, { startUp: false }));
    expect((await portal.db.select().from(instances))[0]!.status).toBe('degraded');
    await replay(portal, sdkInstanceData(install.token));
    await replay(portal, sdkUpdateCheck(install.token, channelId));
    [instance] = await portal.db.select().from(instances);
    expect(instance!.status).toBe('ready');
    checkpoints = checkpointTimes(await install.read());
    expect(checkpoints.instance_ready).toBe('2026-11-22T10:00:00.000Z');
  });

  it('refuses another app, unknown credentials and an expired license, and records nothing', async () => {
    const portal = await createTestPortal();
    const channelId = await channelIdOf(portal, ACME_LICENSE_ID);
    const request = sdkUpdateCheck(ACME_LICENSE_ID, channelId);

    const otherApp = await replay(portal, { ...request, path: request.path.replace('/atlas/', '/zephyr/') });
    expect(otherApp.status).toBe(404);
    expect((await otherApp.json()).error.message).toBe('That app was not found.');

    const wrongLicense = await replay(portal, request, (h) =>
      h.set('Authorization', `Basic ${btoa('2kLp9QvX7mRt4Nobody:2kLp9QvX7mRt4Nobody')}`),
    );
    expect(wrongLicense.status).toBe(401);
    // The raw license ID is how curl downloads, not how the SDK authenticates.
    const raw = await replay(portal, request, (h) => h.set('Authorization', ACME_LICENSE_ID));
    expect(raw.status).toBe(401);
    expect((await replay(portal, request, (h) => h.delete('Authorization'))).status).toBe(401);

    portal.clock.advance(400 * 24 * 3_600_000);
    const expired = await replay(portal, request);
    expect(expired.status).toBe(403);
    expect((await expired.json()).error.code).toBe('license_expired');
    expect(await portal.db.select().from(instances)).toEqual([]);
  });

  it("answers the Embedded Cluster installer's GETs on its channel, and no other channel", async () => {
    const portal = await createTestPortal();
    const channelId = await channelIdOf(portal, ACME_LICENSE_ID);

    const current = await replay(portal, ecCurrentRelease(ACME_LICENSE_ID, channelId));
    expect((await versionsIn(current))[0]).toBe('1.4.0');

    // From the installed release (sequence 3) on, oldest first: what the upgrade's check reads.
    const upgrade = await replay(portal, ecUpgradeReleases(ACME_LICENSE_ID, channelId, 3));
    expect(upgrade.status).toBe(200);
    const { channelReleases } = await upgrade.json();
    expect(
      channelReleases.map((r: { versionLabel: string; isRequired: boolean }) => [r.versionLabel, r.isRequired]),
    ).toEqual([
      ['1.2.0', true],
      ['1.3.0', false],
      ['1.4.0', false],
    ]);

    const [beta] = await portal.db.select().from(channels).where(eq(channels.slug, 'beta'));
    const otherChannel = await replay(portal, ecCurrentRelease(ACME_LICENSE_ID, beta!.id));
    expect(otherChannel.status).toBe(404);
    expect((await otherChannel.json()).error.message).toBe("That channel is not this license's channel.");
    // The installer sends no instance: its GETs record none.
    expect(await portal.db.select().from(instances)).toEqual([]);
  });

  it("answers each license with its own channel's releases", async () => {
    const portal = await createTestPortal();
    const betaId = await channelIdOf(portal, INITECH_LICENSE_ID);
    const response = await replay(portal, ecCurrentRelease(INITECH_LICENSE_ID, betaId));
    expect(response.status).toBe(200);
    expect((await response.json()).channelReleases).toEqual([
      expect.objectContaining({ channelId: betaId, versionLabel: '1.5.0-beta.1', semver: '1.5.0-beta.1' }),
    ]);
    const acmeChannel = await channelIdOf(portal, ACME_LICENSE_ID);
    expect((await replay(portal, ecCurrentRelease(INITECH_LICENSE_ID, acmeChannel))).status).toBe(404);
  });
});
