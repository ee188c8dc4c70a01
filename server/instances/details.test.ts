import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { InstanceDetailsView } from '../../contract/instance-details';
import { instances, teams } from '../db/schema';
import { ACME_LICENSE_ID } from '../testing/recorded-requests';
import { createTestPortal, type TestPortal } from '../testing/test-portal';
import { sdkCheckIn } from '../testing/sdk-check-in';

const H = 3_600_000;

async function instanceId(portal: TestPortal, externalId: string) {
  const [row] = await portal.db.select().from(instances).where(eq(instances.externalId, externalId));
  return row!.id;
}

describe('GET /api/instances/:id', () => {
  it("shows one of the team's instances with its timeline, field changes, uptime, metrics and time to install", async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    // The license was created at the catalogue's first load; the instance is ready two hours later.
    await sdkCheckIn(portal, 'inst-1', { state: 'unavailable' });
    portal.clock.advance(2 * H);
    await sdkCheckIn(portal, 'inst-1', { state: 'ready', k8s: 'v1.32.0+k0s' });
    await portal.app.request('http://portal.test/application/custom-metrics', {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${ACME_LICENSE_ID}:${ACME_LICENSE_ID}`)}`,
        'content-type': 'application/json',
        'x-replicated-instanceid': 'inst-1',
      },
      body: JSON.stringify({ data: { users: 42, edition: 'enterprise' } }),
    });
    const [team] = await portal.db.select().from(teams).where(eq(teams.licenseId, ACME_LICENSE_ID));

    const response = await portal.request(`/api/instances/${await instanceId(portal, 'inst-1')}`, { cookie: alice });
    expect(response.status).toBe(200);
    const body = (await response.json()) as InstanceDetailsView;
    expect(body.instance).toMatchObject({ externalId: 'inst-1', status: 'ready', versionLabel: '1.4.0' });
    expect(body.timeline).toEqual([
      { kind: 'status', at: '2026-11-22T12:00:00.000Z', from: 'unavailable', to: 'ready' },
      { kind: 'status', at: '2026-11-22T10:00:00.000Z', from: null, to: 'unavailable' },
    ]);
    expect(body.fieldChanges).toEqual([
      { at: '2026-11-22T12:00:00.000Z', field: 'k8sVersion', from: 'v1.31.4+k0s', to: 'v1.32.0+k0s' },
    ]);
    expect(body.uptime.days.at(-1)).toEqual({ date: '2026-11-22', up: 0, down: 2 * H, noData: 10 * H });
    expect(body.uptime.ratio).toBe(0);
    expect(body.customMetrics).toEqual([
      { name: 'edition', latest: 'enterprise', series: [] },
      { name: 'users', latest: 42, series: [{ at: '2026-11-22T12:00:00.000Z', value: 42 }] },
    ]);
    expect(body.firstReadyAt).toBe('2026-11-22T12:00:00.000Z');
    expect(body.timeToInstall).toEqual({
      licenseCreatedToFirstReady: Date.parse('2026-11-22T12:00:00Z') - team!.licenseCreatedAt.getTime(),
      firstEventToFirstReady: 2 * H,
    });
    expect(body.attempt).toBeNull();
  });

  it('names the install attempt the instance came from, and answers null times before it is ready', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const created = await portal.request('/api/installs', {
      method: 'POST',
      cookie: alice,
      json: { method: 'embedded', name: 'edge-1', version: '1.4.0', options: { network: 'online' } },
    });
    const { token, attempt } = await created.json();
    await sdkCheckIn(portal, 'inst-1', { state: 'degraded' }, token);
    const body = (await (
      await portal.request(`/api/instances/${await instanceId(portal, 'inst-1')}`, { cookie: alice })
    ).json()) as InstanceDetailsView;
    expect(body.attempt).toEqual({
      id: attempt.id,
      name: 'edge-1',
      method: 'embedded',
      options: { network: 'online' },
    });
    expect(body.instance).toMatchObject({ name: 'edge-1', installMethod: 'embedded', firstReadyAt: null });
    expect(body.firstReadyAt).toBeNull();
    expect(body.timeToInstall).toEqual({ licenseCreatedToFirstReady: null, firstEventToFirstReady: null });
    expect(body.customMetrics).toEqual([]);
  });

  it('shows a silence past the inactivity threshold as a gap with no data, and a shorter one not at all', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    portal.clock.advance(23 * H);
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    portal.clock.advance(25 * H);
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    const body = (await (
      await portal.request(`/api/instances/${await instanceId(portal, 'inst-1')}`, { cookie: alice })
    ).json()) as InstanceDetailsView;
    expect(body.timeline).toEqual([
      { kind: 'gap', at: '2026-11-24T10:00:00.000Z', since: '2026-11-23T09:00:00.000Z' },
      { kind: 'status', at: '2026-11-22T10:00:00.000Z', from: null, to: 'ready' },
    ]);
    const [day22, day23, day24] = body.uptime.days.slice(-3);
    expect(day22).toEqual({ date: '2026-11-22', up: 14 * H, down: 0, noData: 10 * H });
    expect(day23).toEqual({ date: '2026-11-23', up: 9 * H, down: 0, noData: 15 * H });
    expect(day24).toEqual({ date: '2026-11-24', up: 0, down: 0, noData: 10 * H });
    expect(body.uptime.ratio).toBe(1);
  });

  it("answers 404 for another team's instance, an unknown id and a malformed one, and 401 signed out", async () => {
    const portal = await createTestPortal();
    await sdkCheckIn(portal, 'inst-1', { state: 'ready' });
    const id = await instanceId(portal, 'inst-1');
    const carol = await portal.signIn('carol@globex.example');
    expect((await portal.request(`/api/instances/${id}`, { cookie: carol })).status).toBe(404);
    expect((await portal.request(`/api/instances/${id}`)).status).toBe(401);

    const alice = await portal.signIn('alice@acme.example');
    expect((await portal.request(`/api/instances/${id}`, { cookie: alice })).status).toBe(200);
    for (const bad of ['00000000-0000-4000-8000-000000000000', 'inst-1', '%00', 'a%00b', '%FF', 'x'.repeat(5000)]) {
      const response = await portal.request(`/api/instances/${bad}`, { cookie: alice });
      expect(response.status, bad).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
  });
});
