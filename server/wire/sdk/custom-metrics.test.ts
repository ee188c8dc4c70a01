import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { instances, teams } from '../../db/schema';
import { ACME_LICENSE_ID, replay, sdkInstanceData } from '../../testing/recorded-requests';
import { sdkCustomMetrics } from '../../testing/recorded-sdk-requests';
import { createTestPortal, type TestPortal } from '../../testing/test-portal';

const GLOBEX_LICENSE_ID = '8hWq3ZnB5yGlobex';

/** Acme's portal with the SDK's instance checked in, as it is before any metrics can be sent. */
async function checkedIn() {
  const portal = await createTestPortal();
  expect((await replay(portal, sdkInstanceData(ACME_LICENSE_ID))).status).toBe(200);
  const [team] = await portal.db.select().from(teams).where(eq(teams.licenseId, ACME_LICENSE_ID));
  const send = (data: Record<string, unknown>, method: 'POST' | 'PATCH' = 'POST', license = ACME_LICENSE_ID) =>
    replay(portal, sdkCustomMetrics(license, team!.channelId, data, method));
  return { portal, send };
}

const stored = async (portal: TestPortal) =>
  (await portal.db.select().from(instances)).map((i) => ({
    metrics: i.customMetrics,
    at: i.customMetricsReceivedAt?.toISOString() ?? null,
  }));

describe('custom metrics: /application/custom-metrics (issue 7)', () => {
  it("replaces the instance's metrics on POST and shows them with the instance", async () => {
    const { portal, send } = await checkedIn();
    const first = await send({ active_users: 150, edition: 'enterprise', sso: true, load: 0.75 });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({});

    portal.clock.advance(60_000);
    expect((await send({ active_users: 160 })).status).toBe(200);
    expect(await stored(portal)).toEqual([{ metrics: { active_users: 160 }, at: '2026-11-22T10:01:00.000Z' }]);

    const alice = await portal.signIn('alice@acme.example');
    const [shown] = (await (await portal.request('/api/instances', { cookie: alice })).json()).instances;
    expect(shown).toMatchObject({
      customMetrics: { active_users: 160 },
      customMetricsReceivedAt: '2026-11-22T10:01:00.000Z',
    });
  });

  it('merges into them on PATCH', async () => {
    const { portal, send } = await checkedIn();
    await send({ active_users: 150, edition: 'enterprise' });
    const patched = await send({ edition: 'standard', sso: false }, 'PATCH');
    expect(patched.status).toBe(200);
    expect((await stored(portal))[0]!.metrics).toEqual({ active_users: 150, edition: 'standard', sso: false });
    // A PATCH to an instance without metrics starts from none.
    await portal.db.update(instances).set({ customMetrics: null });
    await send({ seats: 12 }, 'PATCH');
    expect((await stored(portal))[0]!.metrics).toEqual({ seats: 12 });
  });

  it("refuses what is not a scalar, in the SDK's words, and stores nothing", async () => {
    const { portal, send } = await checkedIn();
    await send({ active_users: 150 });
    const cases: [Record<string, unknown> | undefined, string, string][] = [
      [{ ok: 1, tags: ['a'] }, 'data.tags', 'tags value is an array, only scalar values are allowed'],
      [{ nested: { a: 1 } }, 'data.nested', 'nested value is a map, only scalar values are allowed'],
      [{ gone: null }, 'data.gone', 'gone value is nil, only scalar values are allowed'],
      [{}, 'data', 'no data provided'],
      [undefined, 'data', 'no data provided'],
      [{ '': 1 }, 'data.', 'Metric names are 1 to 128 characters long.'],
      [{ note: 'x'.repeat(1025) }, 'data.note', 'note value is longer than 1024 characters.'],
    ];
    for (const method of ['POST', 'PATCH'] as const) {
      for (const [data, field, message] of cases) {
        const request = sdkCustomMetrics(ACME_LICENSE_ID, 'ignored', data ?? {}, method);
        if (data === undefined) request.body = '{}';
        const response = await replay(portal, request);
        expect(response.status, `${method} ${request.body}`).toBe(400);
        const { error } = await response.json();
        expect(error.message, `${method} ${request.body}`).toBe(message);
        expect(error.details.fields, `${method} ${request.body}`).toEqual({ [field]: message });
      }
    }
    const huge = { ...sdkCustomMetrics(ACME_LICENSE_ID, 'ignored', {}), body: '{"data":{"big":1e400}}' };
    expect((await replay(portal, huge)).status).toBe(400);
    expect((await stored(portal))[0]!.metrics).toEqual({ active_users: 150 });
  });

  it('refuses an oversized body with 413, and a merge past 100 metrics, storing nothing', async () => {
    const { portal, send } = await checkedIn();
    await send({ active_users: 150 });
    // 80 metrics of 1000 characters: within the bounds on each, past the 64 KiB a request may be.
    const large = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`metric_${i}`, 'v'.repeat(1000)]));
    const tooLarge = await send(large);
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error.code).toBe('payload_too_large');

    const small = (from: number) => Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`m_${from + i}`, i]));
    expect((await send(small(0), 'PATCH')).status).toBe(200);
    const past = await send(small(100), 'PATCH');
    expect(past.status).toBe(400);
    expect((await past.json()).error.message).toBe('The instance would hold more than 100 metrics.');
    expect(Object.keys((await stored(portal))[0]!.metrics!)).toHaveLength(61);
  });

  it("keeps each team's instances to itself, and refuses unknown credentials and instances", async () => {
    const { portal, send } = await checkedIn();
    await send({ active_users: 150 });

    // Globex names Acme's instance: it has no such instance of its own, and Acme's is untouched.
    const otherTeam = await send({ active_users: 1 }, 'POST', GLOBEX_LICENSE_ID);
    expect(otherTeam.status).toBe(404);
    expect((await send({ active_users: 1 }, 'PATCH', GLOBEX_LICENSE_ID)).status).toBe(404);
    const unknown = await replay(portal, sdkCustomMetrics(ACME_LICENSE_ID, 'x', { a: 1 }), (h) =>
      h.set('X-Replicated-InstanceID', 'never-checked-in'),
    );
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe(
      'No instance never-checked-in has checked in with this license. Custom metrics are kept for instances that have.',
    );
    const anonymous = await replay(portal, sdkCustomMetrics(ACME_LICENSE_ID, 'x', { a: 1 }), (h) =>
      h.delete('Authorization'),
    );
    expect(anonymous.status).toBe(401);
    const noInstance = await replay(portal, sdkCustomMetrics(ACME_LICENSE_ID, 'x', { a: 1 }), (h) =>
      h.delete('X-Replicated-InstanceID'),
    );
    expect(noInstance.status).toBe(400);

    portal.clock.advance(400 * 24 * 3_600_000);
    expect((await send({ active_users: 2 })).status).toBe(403);
    expect(await stored(portal)).toEqual([{ metrics: { active_users: 150 }, at: '2026-11-22T10:00:00.000Z' }]);
  });
});
