import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { instances } from '../../db/schema';
import { createTestPortal, type TestPortal } from '../../testing/test-portal';
import { checkpointTimes, instanceCounts, sdkCheckIn, startInstall } from '../../testing/ingest-client';

// There is no instances API yet (issue 4): what the portal stored is read from its database.
const storedInstances = (portal: TestPortal) =>
  portal.db.select().from(instances).orderBy(instances.createdAt, instances.teamId);

describe('Replicated SDK check-in', () => {
  it('creates the instance, completes the install and marks the instance ready', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    expect(await instanceCounts(portal, install.cookie)).toEqual({ active: 0, inactive: 0 });

    const response = await sdkCheckIn(portal, install.token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});

    expect(await instanceCounts(portal, install.cookie)).toEqual({ active: 1, inactive: 0 });
    const attempt = await install.read();
    expect(attempt.status).toBe('succeeded');
    expect(checkpointTimes(attempt)).toMatchObject({
      installation_completed: '2026-11-22T10:00:00.000Z',
      instance_ready: '2026-11-22T10:00:00.000Z',
    });
    const [instance] = await storedInstances(portal);
    expect(instance).toMatchObject({
      externalId: 'inst-0001',
      attemptId: install.attempt.id,
      serviceAccountId: install.attempt.serviceAccount!.id,
      airgap: false,
      status: 'ready',
      firstCheckInAt: new Date('2026-11-22T10:00:00Z'),
      lastCheckInAt: new Date('2026-11-22T10:00:00Z'),
      details: {
        clusterId: 'cluster-0001',
        appStatus: 'ready',
        k8sVersion: 'v1.31.4+k0s',
        k8sDistribution: 'embedded-cluster',
        channelSequence: 5,
        versionLabel: '1.4.0',
        sdkVersion: '1.0.0',
        resourceStates: [{ kind: 'deployment', name: 'atlas-api', namespace: 'atlas', state: 'ready' }],
        runningImages: { 'registry.atlas.example/atlas/api': ['sha256:abc'] },
      },
    });
  });

  it('updates the same instance on every later check-in', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    await sdkCheckIn(portal, install.token);
    portal.clock.advance(4 * 3_600_000);
    const replay = await sdkCheckIn(portal, install.token, {
      headers: { 'X-Replicated-K8sVersion': 'v1.32.1+k0s', 'X-Replicated-DownstreamChannelSequence': '4' },
    });
    expect(replay.status).toBe(200);

    expect(await instanceCounts(portal, install.cookie)).toEqual({ active: 1, inactive: 0 });
    const stored = await storedInstances(portal);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      firstCheckInAt: new Date('2026-11-22T10:00:00Z'),
      lastCheckInAt: new Date('2026-11-22T14:00:00Z'),
      details: { k8sVersion: 'v1.32.1+k0s', channelSequence: 4, versionLabel: '1.3.0' },
    });
    // A replay keeps the first time each checkpoint was reached.
    expect(checkpointTimes(await install.read()).instance_ready).toBe('2026-11-22T10:00:00.000Z');
  });

  it('marks the instance ready only once its worst resource is ready', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const states = (db: string) => [
      { kind: 'deployment', name: 'atlas-api', namespace: 'atlas', state: 'ready' },
      { kind: 'statefulset', name: 'atlas-db', namespace: 'atlas', state: db },
    ];
    await sdkCheckIn(portal, install.token, { states: states('degraded') });
    let attempt = await install.read();
    expect(attempt.status).toBe('succeeded');
    expect(checkpointTimes(attempt)).toMatchObject({
      installation_completed: '2026-11-22T10:00:00.000Z',
      instance_ready: null,
    });
    expect((await storedInstances(portal))[0]!.status).toBe('degraded');

    portal.clock.advance(5 * 60_000);
    await sdkCheckIn(portal, install.token, { states: states('ready') });
    attempt = await install.read();
    expect(checkpointTimes(attempt)).toMatchObject({
      installation_completed: '2026-11-22T10:00:00.000Z',
      instance_ready: '2026-11-22T10:05:00.000Z',
    });
    expect((await storedInstances(portal))[0]!.status).toBe('ready');
  });

  it('refuses malformed headers and bodies with the reason, and records nothing', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const headerCases: [Record<string, string | undefined>, string, string][] = [
      [
        { 'X-Replicated-InstanceID': undefined },
        'X-Replicated-InstanceID',
        'The X-Replicated-InstanceID header is required.',
      ],
      [
        { 'X-Replicated-InstanceID': 'a'.repeat(65) },
        'X-Replicated-InstanceID',
        'X-Replicated-InstanceID must be at most 64 characters.',
      ],
      [
        { 'X-Replicated-InstanceID': 'inst/../1' },
        'X-Replicated-InstanceID',
        'X-Replicated-InstanceID may only contain letters, digits, dots, dashes and underscores.',
      ],
      [
        { 'X-Replicated-DownstreamChannelSequence': 'five' },
        'X-Replicated-DownstreamChannelSequence',
        'X-Replicated-DownstreamChannelSequence must be a whole number.',
      ],
      [
        { 'X-Replicated-AppStatus': 'great' },
        'X-Replicated-AppStatus',
        'X-Replicated-AppStatus must be one of missing, unavailable, degraded, updating, ready.',
      ],
      [
        { 'X-Replicated-K8sVersion': 'v1.31 (k0s)' },
        'X-Replicated-K8sVersion',
        'X-Replicated-K8sVersion must be a version like v1.31.4+k0s.',
      ],
    ];
    for (const [headers, field, message] of headerCases) {
      const response = await sdkCheckIn(portal, install.token, { headers });
      expect(response.status, field).toBe(400);
      expect(await response.json()).toEqual({
        error: { code: 'validation_failed', message, details: { fields: { [field]: message } } },
      });
    }

    const bodyCases: [unknown, string, string][] = [
      [{ resource_states: '[{"kind":' }, 'resource_states', 'resource_states must be a JSON string of an array.'],
      [
        {
          resource_states: JSON.stringify([{ kind: 'deployment', name: 'api\u0000', namespace: 'a', state: 'ready' }]),
        },
        'resource_states',
        'resource_states may not contain NUL characters or unpaired surrogates.',
      ],
      [
        {
          resource_states: JSON.stringify([{ kind: 'deployment', name: 'api\ud800', namespace: 'a', state: 'ready' }]),
        },
        'resource_states',
        'resource_states may not contain NUL characters or unpaired surrogates.',
      ],
      [
        { resource_states: '{"kind":"deployment"}' },
        'resource_states',
        'resource_states must be a JSON array of {kind, name, namespace, state}.',
      ],
      [
        { resource_states: JSON.stringify([{ kind: 'deployment', name: 'api', namespace: 'a', state: 'fine' }]) },
        'resource_states.0.state',
        'Invalid option: expected one of "missing"|"unavailable"|"degraded"|"updating"|"ready"',
      ],
      [
        { resource_states: [{ kind: 'deployment', name: 'api', namespace: 'a', state: 'ready' }] },
        'resource_states',
        'Invalid input: expected string, received array',
      ],
      [
        { running_images: { 'registry.atlas.example/atlas/api': 'sha256:abc' } },
        'running_images.registry.atlas.example/atlas/api',
        'Invalid input: expected array, received string',
      ],
    ];
    for (const [body, field, message] of bodyCases) {
      const response = await sdkCheckIn(portal, install.token, { body });
      expect(response.status, field).toBe(400);
      expect(await response.json()).toEqual({
        error: { code: 'validation_failed', message, details: { fields: { [field]: message } } },
      });
    }
    const notJson = await sdkCheckIn(portal, install.token, { body: 'resource_states=ready' });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toEqual({
      code: 'bad_request',
      message: 'The request body must be valid JSON.',
    });

    expect(await instanceCounts(portal, install.cookie)).toEqual({ active: 0, inactive: 0 });
    expect(checkpointTimes(await install.read())).toMatchObject({ installation_completed: null, instance_ready: null });
  });

  it('takes only Basic credentials whose two halves are the same valid token', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    for (const authorization of [
      `Basic ${btoa(`alice@acme.example:${install.token}`)}`,
      `Basic ${btoa(`${install.token}:${install.token}x`)}`,
      `Basic ${btoa(install.token)}`,
      `Basic ${btoa('portico_sa_unknown:portico_sa_unknown')}`,
      'Basic %%%',
      `Bearer ${install.token}`,
      install.token,
    ]) {
      const response = await sdkCheckIn(portal, install.token, { authorization });
      expect(response.status, authorization).toBe(401);
      expect((await response.json()).error.code).toBe('unauthenticated');
    }
    expect(await instanceCounts(portal, install.cookie)).toEqual({ active: 0, inactive: 0 });
  });

  it('keeps each team’s instances apart even when they report the same instance id', async () => {
    const portal = await createTestPortal();
    const acme = await startInstall(portal, 'alice@acme.example');
    const initech = await startInstall(portal, 'dave@initech.example', {
      version: '1.5.0-beta.1',
      options: { network: 'airgap' },
    });
    await sdkCheckIn(portal, acme.token);
    const other = await sdkCheckIn(portal, initech.token, {
      headers: { 'X-Replicated-K8sVersion': 'v1.29.0', 'X-Replicated-DownstreamChannelSequence': '1' },
      states: [{ kind: 'deployment', name: 'atlas-api', namespace: 'atlas', state: 'unavailable' }],
    });
    expect(other.status).toBe(200);

    expect(await instanceCounts(portal, acme.cookie)).toEqual({ active: 1, inactive: 0 });
    expect(await instanceCounts(portal, initech.cookie)).toEqual({ active: 1, inactive: 0 });
    const stored = await storedInstances(portal);
    expect(stored).toHaveLength(2);
    const byAttempt = (id: string) => stored.find((i) => i.attemptId === id)!;
    expect(byAttempt(acme.attempt.id)).toMatchObject({
      status: 'ready',
      details: { k8sVersion: 'v1.31.4+k0s', versionLabel: '1.4.0' },
    });
    expect(byAttempt(initech.attempt.id)).toMatchObject({
      status: 'unavailable',
      details: { k8sVersion: 'v1.29.0', versionLabel: '1.5.0-beta.1' },
    });
    expect(checkpointTimes(await acme.read()).instance_ready).not.toBeNull();
    expect(checkpointTimes(await initech.read()).instance_ready).toBeNull();

    const [acmeInstance] = await portal.db.select().from(instances).where(eq(instances.attemptId, acme.attempt.id));
    expect(acmeInstance!.teamId).not.toBe(byAttempt(initech.attempt.id).teamId);
  });
});
