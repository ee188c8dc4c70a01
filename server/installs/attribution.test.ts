import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { instances } from '../db/schema';
import { checkpointTimes, startInstall as startEmbedded } from '../testing/ingest-client';
import {
  ACME_LICENSE_ID,
  EC_CLUSTER_ID,
  ecGenericEvent,
  ecInstallationStarted,
  replay,
  sdkInstanceData,
} from '../testing/recorded-requests';
import { ACME_HELM_ONLINE, basic, registry, startInstall as startHelm } from '../testing/registry-client';
import { createTestPortal, type TestPortal } from '../testing/test-portal';

/** The SDK's check-in with the license ID, from an Embedded Cluster (its id in the header) or not. */
function checkIn(
  portal: TestPortal,
  options: { instanceId?: string; embeddedClusterId?: string; state?: string } = {},
) {
  const request = sdkInstanceData(ACME_LICENSE_ID);
  const state = options.state ?? 'ready';
  const states = [{ kind: 'deployment', name: 'atlas-api', namespace: 'atlas', state }];
  return replay(
    portal,
    { ...request, body: JSON.stringify({ resource_states: JSON.stringify(states) }) },
    (headers) => {
      if (options.instanceId) headers.set('X-Replicated-Instanceid', options.instanceId);
      if (options.embeddedClusterId) headers.set('X-Replicated-Embeddedclusterid', options.embeddedClusterId);
      headers.set('X-Replicated-Appstatus', state);
    },
  );
}

const downloadWithToken = async (portal: TestPortal, token: string) =>
  (
    await portal.app.request('http://portal.test/embedded/atlas/stable', { headers: { authorization: token } })
  ).arrayBuffer();

const instanceRow = async (portal: TestPortal, externalId: string) =>
  (await portal.db.select().from(instances).where(eq(instances.externalId, externalId)))[0];

describe('which attempt license-ID traffic belongs to (decision 008)', () => {
  it('Embedded Cluster: download with the token, then events and a check-in with the license ID only', async () => {
    const portal = await createTestPortal();
    const install = await startEmbedded(portal, 'alice@acme.example');
    await downloadWithToken(portal, install.token);
    expect((await replay(portal, ecInstallationStarted(ACME_LICENSE_ID))).status).toBe(200);
    expect((await replay(portal, ecGenericEvent('InstallationSucceeded'))).status).toBe(200);
    // A second attempt started now does not make the cluster's check-in ambiguous: it was claimed.
    await startEmbedded(portal, 'alice@acme.example', { name: 'vm-2' });
    expect((await checkIn(portal, { embeddedClusterId: EC_CLUSTER_ID })).status).toBe(200);

    const attempt = await install.read();
    expect(attempt.status).toBe('succeeded');
    expect(checkpointTimes(attempt).instance_ready).not.toBeNull();
    expect((await instanceRow(portal, '2vQ1kE8mX0cJ9bT4rZ7yW3nP6sA'))?.attemptId).toBe(install.attempt.id);
  });

  it('Helm: a registry login with the token, then the SDK checks in with the license from the chart', async () => {
    const portal = await createTestPortal();
    const install = await startHelm(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    expect((await registry(portal, '/v2/token?service=portal.test', basic(install.token))).status).toBe(200);
    expect((await checkIn(portal, { state: 'updating' })).status).toBe(200);
    let times = await install.checkpoints();
    expect(times.installation_completed).not.toBeNull();
    expect(times.instance_ready).toBeNull();

    // Later check-ins of that instance keep going to it, whatever else is started meanwhile.
    await startHelm(portal, 'alice@acme.example', { ...ACME_HELM_ONLINE, name: 'cluster-2' });
    portal.clock.advance(60_000);
    expect((await checkIn(portal, { state: 'ready' })).status).toBe(200);
    times = await install.checkpoints();
    expect(times.instance_ready).toBe('2026-11-22T10:01:00.000Z');
  });

  it('never guesses: with two attempts awaiting, the check-in lands on the instance only', async () => {
    const portal = await createTestPortal();
    const first = await startHelm(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    const second = await startHelm(portal, 'alice@acme.example', { ...ACME_HELM_ONLINE, name: 'cluster-2' });
    for (const install of [first, second]) await registry(portal, '/v2/', basic(install.token));
    expect((await checkIn(portal)).status).toBe(200);
    for (const install of [first, second]) {
      expect((await install.checkpoints()).installation_completed).toBeNull();
    }
    const instance = await instanceRow(portal, '2vQ1kE8mX0cJ9bT4rZ7yW3nP6sA');
    expect(instance).toMatchObject({ attemptId: null, status: 'ready' });
  });

  it('ignores attempts that do not await a check-in yet, and two instances cannot share one attempt', async () => {
    const portal = await createTestPortal();
    const install = await startHelm(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    expect((await checkIn(portal, { instanceId: 'early' })).status).toBe(200); // before any registry login
    expect((await install.checkpoints()).installation_completed).toBeNull();

    await registry(portal, '/v2/', basic(install.token));
    await Promise.all([checkIn(portal, { instanceId: 'one' }), checkIn(portal, { instanceId: 'two' })]);
    const linked = [await instanceRow(portal, 'one'), await instanceRow(portal, 'two')].filter((i) => i?.attemptId);
    expect(linked).toHaveLength(1);
    expect(linked[0]!.attemptId).toBe(install.id);
  });

  it('takes the license ID at the registry, joining the one Helm attempt that awaits a login', async () => {
    const portal = await createTestPortal();
    const install = await startHelm(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    const login = await registry(portal, '/v2/token?service=portal.test', basic(ACME_LICENSE_ID));
    expect(login.status).toBe(200);
    expect((await login.json()).token).toBe(ACME_LICENSE_ID);
    expect((await install.checkpoints()).registry_login).not.toBeNull();
  });

  it('refuses unknown license IDs (401) and an expired license with its date (403), recording nothing', async () => {
    const portal = await createTestPortal();
    const unknown = await replay(portal, sdkInstanceData('2kLp9QvX7mRt4Nobody'));
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).error.message).toContain('Basic base64(licenseID:licenseID)');
    portal.clock.advance(400 * 86_400_000);
    const expired = await checkIn(portal);
    expect(expired.status).toBe(403);
    expect((await expired.json()).error).toMatchObject({ code: 'license_expired' });
    expect(await portal.db.select().from(instances)).toEqual([]);
  });
});
