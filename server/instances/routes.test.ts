import { describe, expect, it } from 'vitest';
import { createTestPortal, type TestPortal } from '../testing/test-portal';

async function checkIn(portal: TestPortal, cookie: string, name: string, state: string) {
  const created = await portal.request('/api/installs', {
    method: 'POST',
    cookie,
    json: { method: 'embedded', name, version: '1.4.0', options: { network: 'online' } },
  });
  const { token } = await created.json();
  const response = await portal.app.request('http://portal.test/kots_metrics/license_instance/info', {
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa(`${token}:${token}`)}`,
      'content-type': 'application/json',
      'user-agent': 'Replicated-SDK/1.0.0',
      'x-replicated-instanceid': `inst-${name}`,
      'x-replicated-downstreamchannelsequence': '5',
    },
    body: JSON.stringify({
      resource_states: JSON.stringify([{ kind: 'deployment', name: 'api', namespace: 'atlas', state }]),
    }),
  });
  expect(response.status).toBe(200);
}

describe('GET /api/instances', () => {
  it("lists the team's instances with status, version and activity, and nobody else's", async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    await checkIn(portal, alice, 'vm-1', 'degraded');
    const { instances } = await (await portal.request('/api/instances', { cookie: alice })).json();
    expect(instances).toEqual([
      expect.objectContaining({
        externalId: 'inst-vm-1',
        name: 'vm-1',
        status: 'degraded',
        versionLabel: '1.4.0',
        active: true,
        airgap: false,
        lastCheckInAt: '2026-11-22T10:00:00.000Z',
      }),
    ]);
    portal.clock.advance(25 * 3_600_000);
    expect((await (await portal.request('/api/instances', { cookie: alice })).json()).instances[0].active).toBe(false);
    const carol = await portal.signIn('carol@globex.example');
    expect((await (await portal.request('/api/instances', { cookie: carol })).json()).instances).toEqual([]);
    expect((await portal.request('/api/instances')).status).toBe(401);
  });
});
