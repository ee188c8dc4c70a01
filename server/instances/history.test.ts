import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { trackedFields } from '../../contract/instance-details';
import { instanceEvents, instances } from '../db/schema';
import { ACME_LICENSE_ID } from '../testing/recorded-requests';
import { sdkCheckIn } from '../testing/sdk-check-in';
import { createTestPortal, type TestPortal } from '../testing/test-portal';
import { HISTORY_KEPT, METRIC_SAMPLE_EVERY_MS, METRIC_SAMPLES_KEPT } from './history';

const events = async (portal: TestPortal) =>
  (await portal.db.select().from(instanceEvents).orderBy(instanceEvents.id)).map((e) => ({
    kind: e.kind,
    field: e.field,
    from: e.oldValue,
    to: e.newValue,
  }));

describe('instance history: written by the check-in only when something changed', () => {
  it('records the first status, then nothing for identical check-ins', async () => {
    const portal = await createTestPortal();
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    expect(await events(portal)).toEqual([{ kind: 'status', field: null, from: null, to: 'ready' }]);
    for (let i = 0; i < 3; i++) {
      portal.clock.advance(60_000);
      await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    }
    // No resource states roll up to ready: the same status again.
    await sdkCheckIn(portal, 'inst-1');
    expect(await events(portal)).toHaveLength(1);
  });

  it('writes one event for a status change and one for each field that changed', async () => {
    const portal = await createTestPortal();
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    await sdkCheckIn(portal, 'inst-1', { state: 'degraded' });
    await sdkCheckIn(portal, 'inst-1', { state: 'degraded', k8s: 'v1.32.0+k0s' });
    await sdkCheckIn(portal, 'inst-1', { state: 'degraded', k8s: 'v1.32.0+k0s', sdk: '1.1.0' });
    expect((await events(portal)).slice(1)).toEqual([
      { kind: 'status', field: null, from: 'ready', to: 'degraded' },
      { kind: 'field', field: 'k8sVersion', from: 'v1.31.4+k0s', to: 'v1.32.0+k0s' },
      { kind: 'field', field: 'sdkVersion', from: '1.0.0', to: '1.1.0' },
    ]);
  });

  it('keeps when the instance was first ready, through later changes of status', async () => {
    const portal = await createTestPortal();
    const firstReady = async () =>
      (await portal.db.select({ at: instances.firstReadyAt }).from(instances))[0]!.at?.toISOString() ?? null;
    await sdkCheckIn(portal, 'inst-1', { state: 'updating' });
    expect(await firstReady()).toBeNull();
    portal.clock.advance(5 * 60_000);
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    const readyAt = portal.clock.now().toISOString();
    expect(await firstReady()).toBe(readyAt);
    portal.clock.advance(60_000);
    await sdkCheckIn(portal, 'inst-1', { state: 'degraded' });
    portal.clock.advance(60_000);
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    expect(await firstReady()).toBe(readyAt);
  });

  it('remembers a silence of an hour or more, and not check-ins closer together', async () => {
    const portal = await createTestPortal();
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    portal.clock.advance(59 * 60_000);
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    expect(await events(portal)).toHaveLength(1);
    portal.clock.advance(2 * 3_600_000);
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    expect((await events(portal)).slice(1)).toEqual([
      { kind: 'gap', field: null, from: '2026-11-22T10:59:00+00:00', to: '2026-11-22T12:59:00+00:00' },
    ]);
  });

  it('writes an event for a change of each tracked field, and none for other details', async () => {
    const portal = await createTestPortal();
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    await portal.db.execute(sql`UPDATE instances SET details = details || '{"appStatus": "x", "clusterId": "c"}'`);
    expect(await events(portal)).toHaveLength(1);
    for (const field of trackedFields) {
      await portal.db.execute(
        sql`UPDATE instances SET details = details || jsonb_build_object(${field}::text, 'changed')`,
      );
    }
    expect((await events(portal)).slice(1).map((e) => [e.field, e.to])).toEqual(
      trackedFields.map((field) => [field, 'changed']),
    );
  });

  it('keeps the newest events per instance, and the first ready one', async () => {
    const portal = await createTestPortal();
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    await sdkCheckIn(portal, 'inst-2', { state: 'ready' });
    const [instance] = (
      (await portal.db.execute(sql`SELECT id, team_id FROM instances WHERE external_id = 'inst-1'`)) as unknown as {
        rows: { id: string; team_id: string }[];
      }
    ).rows;
    await portal.db.execute(sql`
      INSERT INTO instance_events (instance_id, team_id, at, kind, field, old_value, new_value)
      SELECT ${instance!.id}, ${instance!.team_id}, now(), 'field', 'k8sVersion', '"a"', to_jsonb(n::text)
      FROM generate_series(1, ${HISTORY_KEPT}) AS n`);
    await sdkCheckIn(portal, 'inst-1', { state: 'unavailable' });

    const kept = (await events(portal)).filter((e) => e.kind !== 'metric');
    const ofFirst = await portal.db.execute(sql`
      SELECT count(*)::int AS n, min(new_value::text) FILTER (WHERE kind = 'status') AS first
      FROM instance_events WHERE instance_id = ${instance!.id}`);
    const { n, first } = (ofFirst as unknown as { rows: { n: number; first: string }[] }).rows[0]!;
    // The newest HISTORY_KEPT, and the first ready event, which time to install is measured from.
    expect(n).toBe(HISTORY_KEPT + 1);
    expect(first).toBe('"ready"');
    // The other instance's history is its own.
    expect(kept.filter((e) => e.kind === 'status')).toHaveLength(3);
    expect(kept.at(-1)).toEqual({ kind: 'status', field: null, from: 'ready', to: 'unavailable' });
  });
});

const sendMetrics = (portal: TestPortal, data: Record<string, unknown>) =>
  portal.app.request('http://portal.test/application/custom-metrics', {
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa(`${ACME_LICENSE_ID}:${ACME_LICENSE_ID}`)}`,
      'content-type': 'application/json',
      'user-agent': 'Replicated-SDK/1.0.0',
      'x-replicated-instanceid': 'inst-1',
    },
    body: JSON.stringify({ data }),
  });

describe('custom metrics samples', () => {
  it('keeps at most one numeric sample per metric per sampling interval', async () => {
    const portal = await createTestPortal();
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    const send = (data: Record<string, unknown>) => sendMetrics(portal, data);
    expect((await send({ users: 10, edition: 'enterprise', sso: true })).status).toBe(200);
    portal.clock.advance(60_000);
    expect((await send({ users: 11 })).status).toBe(200);
    portal.clock.advance(METRIC_SAMPLE_EVERY_MS);
    expect((await send({ users: 12, seats: 3 })).status).toBe(200);
    expect((await events(portal)).filter((e) => e.kind === 'metric')).toEqual([
      { kind: 'metric', field: 'users', from: null, to: 10 },
      { kind: 'metric', field: 'seats', from: null, to: 3 },
      { kind: 'metric', field: 'users', from: null, to: 12 },
    ]);
  });

  it('keeps the newest samples per instance', async () => {
    const portal = await createTestPortal();
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    await portal.db.execute(sql`
      INSERT INTO instance_events (instance_id, team_id, at, kind, field, new_value)
      SELECT id, team_id, '2026-11-01T00:00:00Z', 'metric', 'users', to_jsonb(n)
      FROM instances CROSS JOIN generate_series(1, ${METRIC_SAMPLES_KEPT}) AS n`);
    expect((await sendMetrics(portal, { users: 99 })).status).toBe(200);
    const samples = (await events(portal)).filter((e) => e.kind === 'metric');
    expect(samples).toHaveLength(METRIC_SAMPLES_KEPT);
    expect(samples[0]!.to).toBe(2);
    expect(samples.at(-1)!.to).toBe(99);
  });
});
