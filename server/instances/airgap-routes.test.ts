import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AirgapRecord } from '../../contract/airgap';
import { demoCatalogueText } from '../catalogue/demo';
import { instances } from '../db/schema';
import { createTestPortal, type TestPortal } from '../testing/test-portal';

const DAY_MS = 86_400_000;
const BASE = '/api/airgap-instances';

/** The demo catalogue, plus vic, a viewer on Initech, and the vendor's cadence set to `days`. */
const catalogueWith = (days = 35) =>
  demoCatalogueText
    .replace('airgap_report_cadence_days: 35', `airgap_report_cadence_days: ${days}`)
    .replace(
      '      - email: dave@initech.example\n        role: admin\n',
      '      - email: dave@initech.example\n        role: admin\n      - email: vic@initech.example\n        role: viewer\n',
    );

const record = { name: 'vault-dc1', version: '1.5.0-beta.1', method: 'helm', kubernetesDistribution: 'openshift' };

async function create(portal: TestPortal, cookie: string, json: unknown = record) {
  return portal.request(BASE, { method: 'POST', cookie, json });
}

async function created(portal: TestPortal, cookie: string, json: unknown = record): Promise<AirgapRecord> {
  const response = await create(portal, cookie, json);
  expect(response.status).toBe(201);
  return response.json();
}

const listInstances = async (portal: TestPortal, cookie: string, tab = 'airgap') =>
  (await (await portal.request(`/api/instances?tab=${tab}`, { cookie })).json()).instances as {
    id: string;
    name: string;
  }[];

const dashboardCounts = async (portal: TestPortal, cookie: string) =>
  (await (await portal.request('/api/dashboard', { cookie })).json()).instances;

/** Checks in through the SDK as an install of Acme's, so Acme has an instance that reports itself. */
async function checkIn(portal: TestPortal, cookie: string) {
  const attempt = await portal.request('/api/installs', {
    method: 'POST',
    cookie,
    json: { method: 'embedded', name: 'vm-1', version: '1.4.0', options: { network: 'online' } },
  });
  const { token } = await attempt.json();
  const response = await portal.app.request('http://portal.test/kots_metrics/license_instance/info', {
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa(`${token}:${token}`)}`,
      'content-type': 'application/json',
      'x-replicated-instanceid': 'inst-vm-1',
      'x-replicated-downstreamchannelsequence': '5',
    },
    body: JSON.stringify({ resource_states: '[]' }),
  });
  expect(response.status).toBe(200);
  return (await listInstances(portal, cookie, 'active'))[0]!.id;
}

describe('air-gap instance records', () => {
  it('creates a record entered by hand: an air-gap instance of the team, active, fresh, in the list and counts', async () => {
    const portal = await createTestPortal();
    const dave = await portal.signIn('dave@initech.example');
    const body = await created(portal, dave, { ...record, adminConsoleUrl: 'https://localhost:30000' });
    expect(body).toEqual(
      expect.objectContaining({
        name: 'vault-dc1',
        externalId: null,
        versionLabel: '1.5.0-beta.1',
        airgap: true,
        active: true,
        source: 'manual',
        method: 'helm',
        kubernetesDistribution: 'openshift',
        adminConsoleUrl: 'https://localhost:30000',
        archivedAt: null,
        dataAt: '2026-11-22T10:00:00.000Z',
        dataAgeDays: 0,
        stale: false,
        cadenceDays: 35,
      }),
    );
    expect(body.recordedBy).toEqual({ kind: 'user', id: expect.any(String), name: 'dave@initech.example' });
    expect(await listInstances(portal, dave)).toEqual([expect.objectContaining({ id: body.id, name: 'vault-dc1' })]);
    expect(await dashboardCounts(portal, dave)).toEqual({ active: 0, inactive: 0, airgap: 1, archived: 0 });
    const { records } = await (await portal.request(BASE, { cookie: dave })).json();
    expect(records.map((r: AirgapRecord) => r.id)).toEqual([body.id]);
    expect(await (await portal.request(`${BASE}/${body.id}`, { cookie: dave })).json()).toEqual(body);
  });

  it('allows many records without an external id, and keeps no Kubernetes distribution for Embedded Cluster', async () => {
    const portal = await createTestPortal();
    const dave = await portal.signIn('dave@initech.example');
    await created(portal, dave);
    const second = await created(portal, dave, { ...record, name: 'vault-dc2', method: 'embedded' });
    expect(second.kubernetesDistribution).toBeNull();
    expect(second.method).toBe('embedded');
  });

  it('offers the channel’s versions, the team’s service accounts, the distributions and the allowed methods', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    await checkIn(portal, alice);
    const options = await (await portal.request(`${BASE}/options`, { cookie: alice })).json();
    expect(options).toEqual({
      versions: ['1.4.0', '1.3.0', '1.2.0', '1.1.0', '1.0.0'],
      serviceAccounts: ['vm-1'],
      distributions: ['vanilla', 'openshift', 'rancher', 'aks', 'eks', 'gke'],
      methods: ['embedded', 'helm'],
      cadenceDays: 35,
    });
    // Picking a service account's name ties the record to it.
    const body = await created(portal, alice, { name: 'vm-1', version: '1.3.0', method: 'embedded' });
    const [row] = await portal.db.select().from(instances).where(eq(instances.id, body.id));
    expect(row!.serviceAccountId).toEqual(expect.any(String));
  });

  it('edits a record: what is sent changes, null clears, and the data is new again', async () => {
    const portal = await createTestPortal();
    const dave = await portal.signIn('dave@initech.example');
    const before = await created(portal, dave, { ...record, adminConsoleUrl: 'http://10.0.0.5:8800' });
    portal.clock.advance(3 * DAY_MS);
    const response = await portal.request(`${BASE}/${before.id}`, {
      method: 'PATCH',
      cookie: dave,
      json: { name: 'vault-eu', adminConsoleUrl: null, kubernetesDistribution: 'eks' },
    });
    expect(response.status).toBe(200);
    const after: AirgapRecord = await response.json();
    expect(after).toEqual(
      expect.objectContaining({
        id: before.id,
        name: 'vault-eu',
        versionLabel: '1.5.0-beta.1',
        adminConsoleUrl: null,
        kubernetesDistribution: 'eks',
        dataAt: '2026-11-25T10:00:00.000Z',
        updatedAt: '2026-11-25T10:00:00.000Z',
      }),
    );
    // Its own name is no conflict.
    const same = await portal.request(`${BASE}/${before.id}`, {
      method: 'PATCH',
      cookie: dave,
      json: { name: 'VAULT-EU' },
    });
    expect(same.status).toBe(200);
    const empty = await portal.request(`${BASE}/${before.id}`, { method: 'PATCH', cookie: dave, json: {} });
    expect(empty.status).toBe(400);
  });

  it('archives a record out of every view but its own list, and restores it', async () => {
    const portal = await createTestPortal();
    const dave = await portal.signIn('dave@initech.example');
    const body = await created(portal, dave);
    const archived = await portal.request(`${BASE}/${body.id}/archive`, { method: 'POST', cookie: dave });
    expect(archived.status).toBe(200);
    expect((await archived.json()).archivedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(await listInstances(portal, dave)).toEqual([]);
    expect(await dashboardCounts(portal, dave)).toEqual({ active: 0, inactive: 0, airgap: 0, archived: 1 });
    const { records } = await (await portal.request(BASE, { cookie: dave })).json();
    expect(records).toEqual([expect.objectContaining({ id: body.id, archivedAt: '2026-11-22T10:00:00.000Z' })]);
    // Editing an archived record is refused; its name is free again.
    const edit = await portal.request(`${BASE}/${body.id}`, {
      method: 'PATCH',
      cookie: dave,
      json: { version: '1.5.0-beta.1' },
    });
    expect(edit.status).toBe(409);

    const restored = await portal.request(`${BASE}/${body.id}/restore`, { method: 'POST', cookie: dave });
    expect(restored.status).toBe(200);
    expect((await restored.json()).archivedAt).toBeNull();
    expect((await listInstances(portal, dave)).map((i) => i.id)).toEqual([body.id]);
    expect(await dashboardCounts(portal, dave)).toEqual({ active: 0, inactive: 0, airgap: 1, archived: 0 });
  });

  it('refuses to restore a record whose name a live record took meanwhile, naming the name', async () => {
    const portal = await createTestPortal();
    const dave = await portal.signIn('dave@initech.example');
    const first = await created(portal, dave);
    await portal.request(`${BASE}/${first.id}/archive`, { method: 'POST', cookie: dave });
    await created(portal, dave);
    const restored = await portal.request(`${BASE}/${first.id}/restore`, { method: 'POST', cookie: dave });
    expect(restored.status).toBe(409);
    expect((await restored.json()).error.details.fields).toHaveProperty('name');
  });

  it('warns when the data is older than the vendor’s cadence, and never goes inactive', async () => {
    const portal = await createTestPortal({ catalogue: catalogueWith(7) });
    const dave = await portal.signIn('dave@initech.example');
    const body = await created(portal, dave);
    expect(body).toEqual(expect.objectContaining({ stale: false, cadenceDays: 7 }));
    portal.clock.advance(7 * DAY_MS);
    const at7 = await (await portal.request(`${BASE}/${body.id}`, { cookie: dave })).json();
    expect(at7).toEqual(expect.objectContaining({ dataAgeDays: 7, stale: false }));
    portal.clock.advance(DAY_MS);
    const at8 = await (await portal.request(`${BASE}/${body.id}`, { cookie: dave })).json();
    expect(at8).toEqual(expect.objectContaining({ dataAgeDays: 8, stale: true, active: true }));
    // Fresh data (an edit) makes it fresh again.
    const edited = await portal.request(`${BASE}/${body.id}`, {
      method: 'PATCH',
      cookie: dave,
      json: { version: '1.5.0-beta.1' },
    });
    expect(await edited.json()).toEqual(expect.objectContaining({ dataAgeDays: 0, stale: false }));
    portal.clock.advance(400 * DAY_MS);
    const later = await portal.signIn('dave@initech.example'); // the session has expired by now
    expect(await listInstances(portal, later)).toEqual([expect.objectContaining({ id: body.id, active: true })]);
    expect(await dashboardCounts(portal, later)).toEqual({ active: 0, inactive: 0, airgap: 1, archived: 0 });
  });
});

describe('air-gap instance records: bad input', () => {
  const fieldsOf = async (response: Response) => (await response.json()).error.details.fields;

  it('refuses a version that is not on the team’s channel, naming version', async () => {
    const portal = await createTestPortal();
    const dave = await portal.signIn('dave@initech.example');
    const response = await create(portal, dave, { ...record, version: '1.4.0' }); // Stable's, not Beta's
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual({ version: 'Version 1.4.0 is not released on your channel.' });
    expect(await listInstances(portal, dave)).toEqual([]);
  });

  it.each(['ftp://console.example', 'javascript:alert(1)', 'localhost:30000', 'https://', 'not a url'])(
    'refuses the Admin Console URL %s, naming adminConsoleUrl',
    async (adminConsoleUrl) => {
      const portal = await createTestPortal();
      const dave = await portal.signIn('dave@initech.example');
      const response = await create(portal, dave, { ...record, adminConsoleUrl });
      expect(response.status).toBe(400);
      expect(Object.keys(await fieldsOf(response))).toEqual(['adminConsoleUrl']);
    },
  );

  it('refuses a name a live record has, whatever its case, and allows an archived one’s', async () => {
    const portal = await createTestPortal();
    const dave = await portal.signIn('dave@initech.example');
    const first = await created(portal, dave);
    const duplicate = await create(portal, dave, { ...record, name: 'VAULT-DC1' });
    expect(duplicate.status).toBe(409);
    expect(await fieldsOf(duplicate)).toEqual({ name: 'An air-gap instance named "VAULT-DC1" already exists.' });
    const second = await created(portal, dave, { ...record, name: 'vault-dc2' });
    const rename = await portal.request(`${BASE}/${second.id}`, {
      method: 'PATCH',
      cookie: dave,
      json: { name: 'vault-dc1' },
    });
    expect(rename.status).toBe(409);
    await portal.request(`${BASE}/${first.id}/archive`, { method: 'POST', cookie: dave });
    expect((await create(portal, dave)).status).toBe(201);
  });

  it('refuses names that are empty, too long or odd, and NUL bytes anywhere', async () => {
    const portal = await createTestPortal();
    const dave = await portal.signIn('dave@initech.example');
    for (const name of ['', 'x'.repeat(64), '-lead', 'a;b']) {
      const response = await create(portal, dave, { ...record, name });
      expect(response.status, name).toBe(400);
      expect(Object.keys(await fieldsOf(response))).toEqual(['name']);
    }
    const nul = await create(portal, dave, { ...record, adminConsoleUrl: 'https://a\u0000b.example' });
    expect(nul.status).toBe(400);
    expect(await fieldsOf(nul)).toHaveProperty('adminConsoleUrl');
    const body = await created(portal, dave);
    const patch = await portal.request(`${BASE}/${body.id}`, {
      method: 'PATCH',
      cookie: dave,
      json: { name: 'a\u0000' },
    });
    expect(patch.status).toBe(400);
    expect(await listInstances(portal, dave)).toHaveLength(1);
  });

  it('refuses an unknown distribution or method', async () => {
    const portal = await createTestPortal();
    const dave = await portal.signIn('dave@initech.example');
    const distribution = await create(portal, dave, { ...record, kubernetesDistribution: 'minikube' });
    expect(Object.keys(await fieldsOf(distribution))).toEqual(['kubernetesDistribution']);
    const method = await create(portal, dave, { ...record, method: 'kots' });
    expect(Object.keys(await fieldsOf(method))).toEqual(['method']);
  });

  it('refuses a team whose license has no air-gapped install, with the reason', async () => {
    const portal = await createTestPortal();
    const carol = await portal.signIn('carol@globex.example');
    const response = await create(portal, carol, { ...record, version: '1.4.0', method: 'embedded' });
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toMatch(/license does not include air-gapped installs/);
    expect((await portal.request(BASE, { cookie: carol })).status).toBe(403);
    expect((await portal.request(`${BASE}/options`, { cookie: carol })).status).toBe(403);
    expect(await listInstances(portal, carol)).toEqual([]);
  });

  it('refuses a viewer’s writes, but lets them read', async () => {
    const portal = await createTestPortal({ catalogue: catalogueWith() });
    const dave = await portal.signIn('dave@initech.example');
    const body = await created(portal, dave);
    const vic = await portal.signIn('vic@initech.example');
    expect((await create(portal, vic, { ...record, name: 'other' })).status).toBe(403);
    const patch = await portal.request(`${BASE}/${body.id}`, { method: 'PATCH', cookie: vic, json: { name: 'x' } });
    expect(patch.status).toBe(403);
    expect((await portal.request(`${BASE}/${body.id}/archive`, { method: 'POST', cookie: vic })).status).toBe(403);
    expect((await portal.request(BASE, { cookie: vic })).status).toBe(200);
    expect((await (await portal.request(`${BASE}/${body.id}`, { cookie: vic })).json()).name).toBe('vault-dc1');
  });

  it('answers another team’s record with 404', async () => {
    const portal = await createTestPortal();
    const dave = await portal.signIn('dave@initech.example');
    const body = await created(portal, dave);
    const alice = await portal.signIn('alice@acme.example');
    expect((await portal.request(`${BASE}/${body.id}`, { cookie: alice })).status).toBe(404);
    const patch = await portal.request(`${BASE}/${body.id}`, {
      method: 'PATCH',
      cookie: alice,
      json: { name: 'mine' },
    });
    expect(patch.status).toBe(404);
    expect((await portal.request(`${BASE}/${body.id}/archive`, { method: 'POST', cookie: alice })).status).toBe(404);
    expect((await portal.request(`${BASE}/${body.id}/restore`, { method: 'POST', cookie: alice })).status).toBe(404);
    expect((await portal.request(`${BASE}/${body.id}`, { cookie: dave })).status).toBe(200);
  });

  it('refuses to edit, archive or restore an instance that checks in', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const id = await checkIn(portal, alice);
    const patch = await portal.request(`${BASE}/${id}`, { method: 'PATCH', cookie: alice, json: { name: 'renamed' } });
    expect(patch.status).toBe(409);
    expect((await patch.json()).error.message).toMatch(/reports itself/);
    expect((await portal.request(`${BASE}/${id}/archive`, { method: 'POST', cookie: alice })).status).toBe(409);
    expect((await portal.request(`${BASE}/${id}/restore`, { method: 'POST', cookie: alice })).status).toBe(409);
    expect(await listInstances(portal, alice, 'active')).toEqual([expect.objectContaining({ id, name: 'vm-1' })]);
  });
});
