import { describe, expect, it } from 'vitest';
import { createTestPortal, type TestPortal } from '../../testing/test-portal';
import { checkpointTimes, startInstall } from '../../testing/ingest-client';
import {
  ACME_LICENSE_ID,
  EC_CLUSTER_ID,
  ecGenericEvent,
  ecInstallationStarted,
  ecPreflightsFailed,
  replay,
  type RecordedRequest,
} from '../../testing/recorded-requests';

/** An attempt whose bundle was downloaded: the step before the installer runs. */
async function downloaded(portal: TestPortal, name = 'vm-1') {
  const install = await startInstall(portal, 'alice@acme.example', { name });
  const response = await portal.app.request('http://portal.test/embedded/atlas/stable', {
    headers: { authorization: install.token },
  });
  await response.arrayBuffer();
  expect(checkpointTimes(await install.read()).assets_downloaded).not.toBeNull();
  return install;
}

const withBody = (request: RecordedRequest, body: string): RecordedRequest => ({ ...request, body });

describe('Embedded Cluster lifecycle events, as the installer sends them', () => {
  it('joins the downloaded attempt on InstallationStarted, and ticks it from the GenericEvent that follows', async () => {
    const portal = await createTestPortal();
    const install = await downloaded(portal);
    portal.clock.advance(31 * 60_000);
    expect((await install.read()).status).toBe('stalled');

    const started = await replay(portal, ecInstallationStarted(ACME_LICENSE_ID));
    expect(started.status).toBe(200);
    expect(await started.json()).toEqual({});
    expect((await install.read()).status).toBe('in_progress');

    portal.clock.advance(4 * 60_000);
    const succeeded = await replay(portal, ecGenericEvent('InstallationSucceeded'));
    expect(succeeded.status).toBe(200);
    const attempt = await install.read();
    expect(attempt.status).toBe('succeeded');
    expect(checkpointTimes(attempt)).toMatchObject({
      installation_completed: '2026-11-22T10:35:00.000Z',
      instance_ready: null,
    });
  });

  it("shows the installer's failure reason, and the signal when it was stopped", async () => {
    const portal = await createTestPortal();
    const install = await downloaded(portal);
    await replay(portal, ecInstallationStarted(ACME_LICENSE_ID));
    const reason = 'host preflight failed: at least 2 CPU cores are required';
    expect((await replay(portal, ecGenericEvent('InstallationFailed', { reason }))).status).toBe(200);
    let attempt = await install.read();
    expect(attempt.status).toBe('failed');
    expect(attempt.failureReason).toBe(reason);

    // A re-run that succeeds wins over the earlier failure.
    portal.clock.advance(60_000);
    await replay(portal, ecGenericEvent('InstallationSucceeded'));
    expect((await install.read()).status).toBe('succeeded');

    const other = await downloaded(portal, 'vm-2');
    await replay(portal, ecInstallationStarted(ACME_LICENSE_ID, 'c2'));
    await replay(portal, ecGenericEvent('SignalAborted', { clusterId: 'c2', reason: 'interrupt' }));
    attempt = await other.read();
    expect(attempt.status).toBe('failed');
    expect(attempt.failureReason).toBe('The installer was stopped: interrupt');
  });

  it('fails the attempt on host preflights that failed, with the failed checks as the reason', async () => {
    const portal = await createTestPortal();
    const install = await downloaded(portal);
    await replay(portal, ecInstallationStarted(ACME_LICENSE_ID));
    const fail = [
      { title: 'CPU cores', message: 'at least 2 CPU cores are required' },
      { title: 'Disk space', message: 'at least 40 GB of disk space is required' },
    ];
    // A join's preflights are another node's, not the install's.
    expect((await replay(portal, ecPreflightsFailed(fail, { entryCommand: 'join' }))).status).toBe(200);
    expect((await install.read()).status).toBe('in_progress');

    expect((await replay(portal, ecPreflightsFailed(fail))).status).toBe(200);
    const attempt = await install.read();
    expect(attempt.status).toBe('failed');
    expect(attempt.failureReason).toBe(
      'host preflight failed: at least 2 CPU cores are required; at least 40 GB of disk space is required',
    );

    const other = await downloaded(portal, 'vm-2');
    await replay(portal, ecInstallationStarted(ACME_LICENSE_ID, 'c2'));
    const unreadable = ecPreflightsFailed([], { clusterId: 'c2' });
    const event = JSON.parse(unreadable.body!).event;
    await replay(portal, withBody(unreadable, JSON.stringify({ event: { ...event, preflightOutput: '{not json' } })));
    expect((await other.read()).failureReason).toBe('host preflight failed');
  });

  it('never guesses: with two downloaded attempts the installer joins neither', async () => {
    const portal = await createTestPortal();
    const first = await downloaded(portal, 'vm-1');
    const second = await downloaded(portal, 'vm-2');
    expect((await replay(portal, ecInstallationStarted(ACME_LICENSE_ID))).status).toBe(200);
    expect((await replay(portal, ecGenericEvent('InstallationSucceeded'))).status).toBe(200);
    for (const install of [first, second]) {
      expect(checkpointTimes(await install.read()).installation_completed).toBeNull();
    }
  });

  it('lets one cluster claim an attempt: a second cluster racing for it gets nothing', async () => {
    const portal = await createTestPortal();
    const install = await downloaded(portal);
    const [a, b] = await Promise.all([
      replay(portal, ecInstallationStarted(ACME_LICENSE_ID, 'cluster-a')),
      replay(portal, ecInstallationStarted(ACME_LICENSE_ID, 'cluster-b')),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await replay(portal, ecGenericEvent('InstallationFailed', { clusterId: 'cluster-b', reason: 'b' }));
    await replay(portal, ecGenericEvent('InstallationFailed', { clusterId: 'cluster-a', reason: 'a' }));
    // Whichever won, exactly one cluster's failure reached the attempt.
    expect(['a', 'b']).toContain((await install.read()).failureReason);
  });

  it('accepts the other events on their paths and as GenericEvents, recording nothing', async () => {
    const portal = await createTestPortal();
    const install = await downloaded(portal);
    const before = await install.read();
    const started = ecInstallationStarted(ACME_LICENSE_ID);
    const event = JSON.parse(started.body!).event;
    for (const path of ['UpgradeStarted', 'JoinStarted', 'JoinSucceeded', 'JoinFailed', 'NodeAdded', 'NodeRemoved']) {
      const request = { ...started, path: `/embedded_cluster_metrics/${path}` };
      const response = await replay(
        portal,
        withBody(request, JSON.stringify({ event: { ...event, eventType: path } })),
      );
      expect(response.status, path).toBe(200);
    }
    for (const type of ['PreflightsFailed', 'AppPreflightsBypassed', 'UpgradeSucceeded', 'UpgradeFailed']) {
      expect((await replay(portal, ecGenericEvent(type))).status, type).toBe(200);
    }
    expect(await install.read()).toEqual(before);
  });

  it('refuses malformed envelopes, unknown events and licenses with a reason, and records nothing', async () => {
    const portal = await createTestPortal();
    const install = await downloaded(portal);
    portal.clock.advance(31 * 60_000);
    const started = ecInstallationStarted(ACME_LICENSE_ID);
    const event = JSON.parse(started.body!).event;
    const cases: [RecordedRequest, number, string][] = [
      [withBody(started, '{"event":'), 400, 'bad_request'],
      [withBody(started, JSON.stringify(event)), 400, 'validation_failed'], // not in an envelope
      [withBody(started, JSON.stringify({ event: { ...event, clusterID: '' } })), 400, 'validation_failed'],
      [withBody(started, JSON.stringify({ event: { ...event, reason: 'x'.repeat(5000) } })), 400, 'validation_failed'],
      [withBody(started, JSON.stringify({ event: { ...event, eventType: 'JoinStarted' } })), 400, 'bad_request'],
      [ecGenericEvent('InstallationExploded'), 400, 'bad_request'],
      [withBody(ecGenericEvent('x'), JSON.stringify({ event: { clusterID: EC_CLUSTER_ID } })), 400, 'bad_request'],
      [{ ...started, path: '/embedded_cluster_metrics/InstallationExploded' }, 404, 'not_found'],
      [ecInstallationStarted('not-a-license-id'), 401, 'unauthenticated'],
      [withBody(started, JSON.stringify({ event: { ...event, licenseID: undefined } })), 401, 'unauthenticated'],
    ];
    for (const [request, status, code] of cases) {
      const response = await replay(portal, request);
      expect(response.status, request.body?.slice(0, 80)).toBe(status);
      const body = await response.json();
      expect(body.error.code).toBe(code);
      expect(body.error.message).not.toBe('');
    }
    const attempt = await install.read();
    expect(attempt.status).toBe('stalled');
    expect(attempt.failureReason).toBeNull();
  });

  it('refuses an expired license with the date it ended', async () => {
    const portal = await createTestPortal();
    portal.clock.advance(400 * 86_400_000);
    const response = await replay(portal, ecInstallationStarted(ACME_LICENSE_ID));
    expect(response.status).toBe(403);
    const { error } = await response.json();
    expect(error.code).toBe('license_expired');
    expect(error.message).toMatch(/^This license expired on \d{4}-\d{2}-\d{2}\./);
  });

  it('goes nowhere after the attempt is discarded', async () => {
    const portal = await createTestPortal();
    const install = await downloaded(portal);
    await replay(portal, ecInstallationStarted(ACME_LICENSE_ID));
    await portal.request(`/api/installs/${install.attempt.id}`, { method: 'DELETE', cookie: install.cookie });
    expect((await replay(portal, ecGenericEvent('InstallationSucceeded'))).status).toBe(200);
    const attempt = await install.read();
    expect(attempt.status).toBe('discarded');
    expect(checkpointTimes(attempt).installation_completed).toBeNull();
  });
});
