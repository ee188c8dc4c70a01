import { describe, expect, it } from 'vitest';
import { demoCatalogueText } from '../catalogue/demo';
import { recordCheckpoint } from './checkpoints';
import { createTestPortal, type TestPortal } from '../testing/test-portal';

const embedded = { method: 'embedded', name: 'vm-1', version: '1.4.0', options: { network: 'online' } };

async function start(portal: TestPortal, cookie: string, body: unknown = embedded) {
  return portal.request('/api/installs', { method: 'POST', cookie, json: body });
}

describe('install attempts API', () => {
  it('creates an attempt with a just-in-time service account whose token is shown once', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const created = await start(portal, cookie);
    expect(created.status).toBe(201);
    const { attempt, token } = await created.json();
    expect(token).toMatch(/^portico_sa_[\w-]{43}$/);
    expect(attempt).toMatchObject({
      name: 'vm-1',
      method: 'embedded',
      version: '1.4.0',
      status: 'in_progress',
      startedBy: { kind: 'user', id: expect.any(String), name: 'alice@acme.example' },
      startedAt: '2026-11-22T10:00:00.000Z',
      serviceAccount: { name: 'vm-1' },
      failureReason: null,
      checkpoints: [
        { name: 'started', at: '2026-11-22T10:00:00.000Z' },
        { name: 'assets_downloaded', at: null },
        { name: 'installation_completed', at: null },
        { name: 'instance_ready', at: null },
      ],
    });
    const listed = await (await portal.request('/api/installs', { cookie })).json();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed.attempts).toHaveLength(1);
    const dashboard = await (await portal.request('/api/dashboard', { cookie })).json();
    expect(dashboard.team.serviceAccounts).toBe(1);
  });

  it('becomes stalled after 30 minutes without a checkpoint, and in progress again on the next', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const { attempt } = await (await start(portal, cookie)).json();
    portal.clock.advance(31 * 60_000);
    expect((await (await portal.request(`/api/installs/${attempt.id}`, { cookie })).json()).status).toBe('stalled');
    await recordCheckpoint(
      { db: portal.db, now: portal.clock.now, events: portal.events },
      attempt.id,
      'assets_downloaded',
    );
    expect((await (await portal.request(`/api/installs/${attempt.id}`, { cookie })).json()).status).toBe('in_progress');
    const stalled = await (await portal.request('/api/installs?status=stalled', { cookie })).json();
    expect(stalled.attempts).toEqual([]);
  });

  it('refuses what the license does not allow, an unknown version, and a taken name', async () => {
    const portal = await createTestPortal();
    const carol = await portal.signIn('carol@globex.example');
    const helm = {
      method: 'helm',
      name: 'k8s',
      version: '1.4.0',
      options: { network: 'online', kubernetesDistribution: 'eks', registryAccess: 'online' },
    };
    const refused = await start(portal, carol, helm);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details.fields).toEqual({
      method: 'Your license does not include this install method.',
    });
    const airgap = await start(portal, carol, { ...embedded, options: { network: 'airgap' } });
    expect((await airgap.json()).error.details.fields).toHaveProperty(['options.network']);
    const version = await start(portal, carol, { ...embedded, version: '1.5.0-beta.1' });
    expect((await version.json()).error.details.fields).toEqual({
      version: 'Version 1.5.0-beta.1 is not released on your channel.',
    });
    expect((await start(portal, carol)).status).toBe(201);
    const taken = await start(portal, carol, { ...embedded, name: 'VM-1' });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.code).toBe('conflict');
    const list = await (await portal.request('/api/installs', { cookie: carol })).json();
    expect(list.attempts).toHaveLength(1);
  });

  it('validates the body, with each field named', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const response = await start(portal, cookie, {
      method: 'embedded',
      name: '',
      version: '1.4.0',
      options: { network: 'proxy' },
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.details.fields).sort()).toEqual(['name', 'options.proxyUrl']);
  });

  it('renames the attempt and its service account, changes choices, and refuses a viewer', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const { attempt } = await (await start(portal, cookie)).json();
    const renamed = await portal.request(`/api/installs/${attempt.id}`, {
      method: 'PATCH',
      cookie,
      json: { name: 'vm-prod', options: { network: 'proxy', proxyUrl: 'http://proxy.acme.example:3128' } },
    });
    expect(await renamed.json()).toMatchObject({
      name: 'vm-prod',
      serviceAccount: { name: 'vm-prod' },
      options: { network: 'proxy', proxyUrl: 'http://proxy.acme.example:3128' },
    });

    const viewer = demoWithViewer();
    const other = await createTestPortal({ catalogue: viewer });
    const eve = await other.signIn('eve@acme.example');
    const forbidden = await start(other, eve);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe('forbidden');
  });

  it('discards: the service account is deleted, and a new token can replace a lost one before that', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const { attempt, token } = await (await start(portal, cookie)).json();
    const replaced = await (
      await portal.request(`/api/installs/${attempt.id}/token`, { method: 'POST', cookie })
    ).json();
    expect(replaced.token).not.toBe(token);
    const discarded = await portal.request(`/api/installs/${attempt.id}`, { method: 'DELETE', cookie });
    expect(await discarded.json()).toMatchObject({ status: 'discarded', serviceAccount: null });
    expect((await (await portal.request('/api/dashboard', { cookie })).json()).team.serviceAccounts).toBe(0);
    const again = await portal.request(`/api/installs/${attempt.id}/token`, { method: 'POST', cookie });
    expect(again.status).toBe(409);
    // The name is free again once discarded.
    expect((await start(portal, cookie)).status).toBe(201);
  });

  it("answers another team's attempt with 404, never its data", async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const { attempt } = await (await start(portal, alice)).json();
    const carol = await portal.signIn('carol@globex.example');
    for (const [method, path] of [
      ['GET', `/api/installs/${attempt.id}`],
      ['PATCH', `/api/installs/${attempt.id}`],
      ['DELETE', `/api/installs/${attempt.id}`],
      ['POST', `/api/installs/${attempt.id}/token`],
      ['GET', `/api/installs/${attempt.id}/events`],
    ] as const) {
      const response = await portal.request(path, {
        method,
        cookie: carol,
        json: method === 'PATCH' ? { name: 'x' } : undefined,
      });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect((await (await portal.request('/api/installs', { cookie: carol })).json()).attempts).toEqual([]);
  });

  it('streams the attempt as server-sent events, again on every checkpoint', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const { attempt } = await (await start(portal, cookie)).json();
    const controller = new AbortController();
    const response = await portal.request(`/api/installs/${attempt.id}/events`, { cookie, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const nextEvent = async () => {
      let text = '';
      while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
      return JSON.parse(/data: (.*)/.exec(text)![1]!);
    };
    expect((await nextEvent()).checkpoints[1]).toEqual({ name: 'assets_downloaded', at: null });
    await recordCheckpoint(
      { db: portal.db, now: portal.clock.now, events: portal.events },
      attempt.id,
      'assets_downloaded',
    );
    expect((await nextEvent()).checkpoints[1]).toEqual({ name: 'assets_downloaded', at: '2026-11-22T10:00:00.000Z' });
    controller.abort();
    await reader.cancel().catch(() => {});
  });
});

/** The demo catalogue plus a viewer on Acme. */
function demoWithViewer() {
  return demoCatalogueText.replace(
    '      - email: bob@acme.example\n        role: member',
    '      - email: bob@acme.example\n        role: member\n      - email: eve@acme.example\n        role: viewer',
  );
}
