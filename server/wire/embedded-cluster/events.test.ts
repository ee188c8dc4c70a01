import { describe, expect, it } from 'vitest';
import { createTestPortal, type TestPortal } from '../../testing/test-portal';
import { checkpointTimes, startInstall } from '../../testing/ingest-client';

const EVENT = {
  executionID: '3f0c1d52-4a8e-4f0e-9f5c-0d3b2a9e7c11',
  clusterID: '6a1b7c2d-0e9f-4a3b-8c7d-5e4f3a2b1c0d',
  version: '2.4.0+k8s-1.31',
  hostname: 'vm-1',
  entryCommand: 'install',
  flags: '--license license.yaml',
  isExitEvent: false,
  reason: '',
};

const send = (portal: TestPortal, event: string, token: string, body: unknown = { ...EVENT, eventType: event }) =>
  portal.app.request(`http://portal.test/embedded_cluster_metrics/${event}`, {
    method: 'POST',
    headers: {
      authorization: token,
      'content-type': 'application/json',
      'user-agent': 'Embedded-Cluster/2.4.0+k8s-1.31',
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('Embedded Cluster lifecycle events', () => {
  it('counts InstallationStarted as progress, which ends a stall', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    portal.clock.advance(31 * 60_000);
    expect((await install.read()).status).toBe('stalled');

    const started = await send(portal, 'InstallationStarted', install.token);
    expect(started.status).toBe(200);
    expect(await started.json()).toEqual({});
    const attempt = await install.read();
    expect(attempt.status).toBe('in_progress');
    expect(checkpointTimes(attempt)).toMatchObject({ assets_downloaded: null, installation_completed: null });
  });

  it('records InstallationSucceeded as installation completed', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    await send(portal, 'InstallationStarted', install.token);
    portal.clock.advance(4 * 60_000);
    const succeeded = await send(portal, 'InstallationSucceeded', install.token, {
      ...EVENT,
      eventType: 'InstallationSucceeded',
      isExitEvent: true,
    });
    expect(succeeded.status).toBe(200);
    const attempt = await install.read();
    expect(attempt.status).toBe('succeeded');
    expect(checkpointTimes(attempt)).toMatchObject({
      installation_completed: '2026-11-22T10:04:00.000Z',
      instance_ready: null,
    });
  });

  it('shows the reason the installer gives for a failure', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const failed = await send(portal, 'InstallationFailed', install.token, {
      ...EVENT,
      eventType: 'InstallationFailed',
      isExitEvent: true,
      reason: 'host preflight failed: at least 2 CPU cores are required',
    });
    expect(failed.status).toBe(200);
    const attempt = await install.read();
    expect(attempt.status).toBe('failed');
    expect(attempt.failureReason).toBe('host preflight failed: at least 2 CPU cores are required');

    // A re-run that succeeds wins over the earlier failure.
    portal.clock.advance(60_000);
    await send(portal, 'InstallationSucceeded', install.token);
    expect((await install.read()).status).toBe('succeeded');
  });

  it('refuses bodies that are not JSON or not the event shape, and records nothing', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    portal.clock.advance(31 * 60_000);

    const notJson = await send(portal, 'InstallationFailed', install.token, '{"executionID":');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe('bad_request');

    const { clusterID: _missing, ...withoutCluster } = EVENT;
    const cases: [unknown, string, string][] = [
      [withoutCluster, 'clusterID', 'Invalid input: expected string, received undefined'],
      [{ ...EVENT, isExitEvent: 'yes' }, 'isExitEvent', 'Invalid input: expected boolean, received string'],
      [{ ...EVENT, reason: 'x'.repeat(5000) }, 'reason', 'Use at most 4096 characters.'],
      [[EVENT], '_', 'Invalid input: expected object, received array'],
    ];
    for (const [body, field, message] of cases) {
      const response = await send(portal, 'InstallationFailed', install.token, body);
      expect(response.status, field).toBe(400);
      expect(await response.json()).toEqual({
        error: { code: 'validation_failed', message, details: { fields: { [field]: message } } },
      });
    }
    const attempt = await install.read();
    expect(attempt.status).toBe('stalled');
    expect(attempt.failureReason).toBeNull();
  });

  it('accepts other known events without recording them, and refuses unknown events and tokens', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    portal.clock.advance(31 * 60_000);

    const upgrade = await send(portal, 'UpgradeStarted', install.token, { anything: 'goes' });
    expect(upgrade.status).toBe(200);
    const unknown = await send(portal, 'InstallationExploded', install.token);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
    for (const token of ['', 'portico_sa_unknown', 'Bearer nope']) {
      const refused = await send(portal, 'InstallationSucceeded', token);
      expect(refused.status).toBe(401);
      expect((await refused.json()).error.code).toBe('unauthenticated');
    }
    expect((await install.read()).status).toBe('stalled');

    await portal.request(`/api/installs/${install.attempt.id}`, { method: 'DELETE', cookie: install.cookie });
    const afterDiscard = await send(portal, 'InstallationSucceeded', install.token);
    expect(afterDiscard.status).toBe(401);
    const attempt = await install.read();
    expect(attempt.status).toBe('discarded');
    expect(checkpointTimes(attempt).installation_completed).toBeNull();
  });
});
