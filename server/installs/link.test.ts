import { beforeAll, describe, expect, it } from 'vitest';
import type { InstallAttempt, LinkCandidateList } from '../../contract/installs';
import { demoCatalogueText } from '../catalogue/demo';
import type { LiveEvent } from '../live/event-bus';
import { checkpointTimes, startInstall } from '../testing/ingest-client';
import { ACME_LICENSE_ID, replay, sdkInstanceData } from '../testing/recorded-requests';
import { createTestPortal, type TestPortal } from '../testing/test-portal';

/** An Embedded Cluster attempt whose bundle was downloaded: a check-in with the license awaits it. */
async function downloaded(portal: TestPortal, name: string, email = 'alice@acme.example') {
  const install = await startInstall(portal, email, { name });
  const response = await portal.app.request('http://portal.test/embedded/atlas/stable', {
    headers: { authorization: install.token },
  });
  await response.arrayBuffer();
  expect(checkpointTimes(await install.read()).assets_downloaded).not.toBeNull();
  return install;
}

/** The Replicated SDK checking in with the license ID, as the instance `instanceId`. */
async function checkIn(portal: TestPortal, instanceId: string, license = ACME_LICENSE_ID) {
  const response = await replay(portal, sdkInstanceData(license, { name: `machine ${instanceId}` }), (h) =>
    h.set('X-Replicated-InstanceID', instanceId),
  );
  expect(response.status).toBe(200);
}

/** Two attempts awaiting a check-in, so the one that comes joins neither (decision 008). */
async function ambiguous(portal: TestPortal) {
  const first = await downloaded(portal, 'vm-1');
  const second = await downloaded(portal, 'vm-2');
  portal.clock.advance(5 * 60_000);
  await checkIn(portal, 'inst-a');
  for (const install of [first, second]) {
    expect(checkpointTimes(await install.read()).installation_completed).toBeNull();
  }
  return { first, second, cookie: first.cookie };
}

async function candidates(portal: TestPortal, cookie: string, attemptId: string) {
  const response = await portal.request(`/api/installs/${attemptId}/link-candidates`, { cookie });
  expect(response.status).toBe(200);
  return ((await response.json()) as LinkCandidateList).instances;
}

const link = (portal: TestPortal, cookie: string, attemptId: string, body: unknown) =>
  portal.request(`/api/installs/${attemptId}/link`, { method: 'POST', cookie, json: body });

// Opening the file's database from the template takes seconds on a busy machine; done here, under
// the hook timeout, so the first test is timed on what it does.
beforeAll(async () => void (await createTestPortal()));

describe('linking an instance to its installation by hand (decision 008)', () => {
  it('lists what reported with the license since the attempt started, and links it: the checkboxes tick', async () => {
    const portal = await createTestPortal();
    await checkIn(portal, 'inst-before');
    portal.clock.advance(60_000);
    const { first, second, cookie } = await ambiguous(portal);

    const listed = await candidates(portal, cookie, first.attempt.id);
    expect(listed).toEqual([
      {
        id: expect.any(String),
        externalId: 'inst-a',
        name: 'machine inst-a',
        status: 'ready',
        lastCheckInAt: '2026-11-22T10:06:00.000Z',
        clusterId: '5c0a7a8e-1f3b-4c3e-9d8a-2b6f7e1d9c40',
      },
    ]);

    const events: LiveEvent[] = [];
    const teamId = (await (await portal.request('/api/me', { cookie })).json()).team.id;
    portal.events.subscribe(teamId, (event) => events.push(event));
    portal.clock.advance(60_000);
    const linked = await link(portal, cookie, first.attempt.id, { instanceId: listed[0]!.id });
    expect(linked.status).toBe(200);
    const attempt = (await linked.json()) as InstallAttempt;
    expect(attempt.status).toBe('succeeded');
    expect(checkpointTimes(attempt)).toMatchObject({
      installation_completed: '2026-11-22T10:07:00.000Z',
      instance_ready: '2026-11-22T10:07:00.000Z',
    });
    expect(events).toEqual([{ type: 'attempt.updated', teamId, attemptId: first.attempt.id }]);
    expect(await candidates(portal, cookie, first.attempt.id)).toEqual([]);
    expect(await candidates(portal, cookie, second.attempt.id)).toEqual([]);

    // The instance keeps its installation: its next check-in ticks nothing elsewhere.
    portal.clock.advance(60_000);
    await checkIn(portal, 'inst-a');
    expect(checkpointTimes(await second.read()).installation_completed).toBeNull();
    const instances = (await (await portal.request('/api/instances', { cookie })).json()).instances;
    expect(instances.map((i: { name: string }) => i.name).sort()).toEqual(['machine inst-a', 'machine inst-before']);
  });

  it('links only when the instance is linked nowhere, the attempt to no other, and not discarded', async () => {
    const portal = await createTestPortal();
    const { first, second, cookie } = await ambiguous(portal);
    portal.clock.advance(60_000);
    await checkIn(portal, 'inst-b');
    const [b, a] = await candidates(portal, cookie, first.attempt.id);
    expect([a!.externalId, b!.externalId]).toEqual(['inst-a', 'inst-b']);

    const linked = await (await link(portal, cookie, first.attempt.id, { instanceId: a!.id })).json();
    const again = await link(portal, cookie, first.attempt.id, { instanceId: a!.id });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(linked);

    const elsewhere = await link(portal, cookie, second.attempt.id, { instanceId: a!.id });
    expect(elsewhere.status).toBe(409);
    expect((await elsewhere.json()).error).toMatchObject({
      code: 'conflict',
      message: 'This instance is already linked to another installation.',
    });
    const taken = await link(portal, cookie, first.attempt.id, { instanceId: b!.id });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.message).toBe('This installation is already linked to another instance.');

    await portal.request(`/api/installs/${second.attempt.id}`, { method: 'DELETE', cookie });
    expect(await candidates(portal, cookie, second.attempt.id)).toEqual([]);
    const discarded = await link(portal, cookie, second.attempt.id, { instanceId: b!.id });
    expect(discarded.status).toBe(409);
    expect((await discarded.json()).error.message).toBe('This installation was discarded.');
    expect(checkpointTimes(await second.read()).installation_completed).toBeNull();
  });

  it('of two instances linked to one attempt at once, one wins and the other is refused', async () => {
    const portal = await createTestPortal();
    const { first, second, cookie } = await ambiguous(portal);
    await checkIn(portal, 'inst-b');
    const listed = await candidates(portal, cookie, first.attempt.id);
    expect(listed).toHaveLength(2);
    const answers = await Promise.all(
      listed.map((instance) => link(portal, cookie, first.attempt.id, { instanceId: instance.id })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await candidates(portal, cookie, first.attempt.id)).toEqual([]);
    // The loser is still nobody's, so the other attempt may have it.
    const loser = listed[answers.findIndex((a) => a.status === 409)]!;
    expect((await candidates(portal, cookie, second.attempt.id)).map((i) => i.id)).toEqual([loser.id]);
  });

  it("answers another team's attempt or instance with 404, and a viewer's link with 403", async () => {
    const portal = await createTestPortal({ catalogue: demoWithViewer() });
    const { first } = await ambiguous(portal);
    const [acmeInstance] = await candidates(portal, first.cookie, first.attempt.id);

    const dave = await portal.signIn('dave@initech.example');
    const initech = await portal.request('/api/installs', {
      method: 'POST',
      cookie: dave,
      json: { method: 'embedded', name: 'vm-1', version: '1.5.0-beta.1', options: { network: 'airgap' } },
    });
    expect(initech.status).toBe(201);
    const initechAttempt = ((await initech.json()) as { attempt: InstallAttempt }).attempt;
    await checkIn(portal, 'inst-initech', '5tRv1KxM9pInitech');
    const [initechInstance] = await candidates(portal, dave, initechAttempt.id);
    expect(initechInstance!.externalId).toBe('inst-initech');

    expect((await portal.request(`/api/installs/${first.attempt.id}/link-candidates`, { cookie: dave })).status).toBe(
      404,
    );
    expect((await link(portal, dave, first.attempt.id, { instanceId: acmeInstance!.id })).status).toBe(404);
    expect((await link(portal, dave, initechAttempt.id, { instanceId: acmeInstance!.id })).status).toBe(404);
    const foreign = await link(portal, first.cookie, first.attempt.id, { instanceId: initechInstance!.id });
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe('not_found');

    const eve = await portal.signIn('eve@acme.example');
    expect(await candidates(portal, eve, first.attempt.id)).toHaveLength(1);
    const viewer = await link(portal, eve, first.attempt.id, { instanceId: acmeInstance!.id });
    expect(viewer.status).toBe(403);
    expect((await viewer.json()).error.code).toBe('forbidden');
    expect(checkpointTimes(await first.read()).installation_completed).toBeNull();
  });

  it('refuses a body that names no instance, and hostile text, with the field named', async () => {
    const portal = await createTestPortal();
    const { first, cookie } = await ambiguous(portal);
    for (const body of [{}, { instanceId: '' }, { instanceId: 42 }, { instanceId: 'x'.repeat(65) }, [], null]) {
      const response = await link(portal, cookie, first.attempt.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.code).toBe('validation_failed');
    }
    const nul = await link(portal, cookie, first.attempt.id, { instanceId: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect((await nul.json()).error.details.fields).toHaveProperty('instanceId');
    const notJson = await portal.request(`/api/installs/${first.attempt.id}/link`, {
      method: 'POST',
      cookie,
      headers: { 'content-type': 'application/json' },
      body: '{"instanceId":',
    });
    expect(notJson.status).toBe(400);
    expect(checkpointTimes(await first.read()).installation_completed).toBeNull();
  });
});

/** The demo catalogue plus a viewer on Acme. */
function demoWithViewer() {
  return demoCatalogueText.replace(
    '      - email: bob@acme.example\n        role: member',
    '      - email: bob@acme.example\n        role: member\n      - email: eve@acme.example\n        role: viewer',
  );
}
