import { describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import type { InstancePage } from '../../contract/instances';
import { instances } from '../db/schema';
import { createTestPortal, type TestPortal } from '../testing/test-portal';

const HOUR_MS = 3_600_000;

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

async function signedIn(portal: TestPortal, email = 'alice@acme.example') {
  const cookie = await portal.signIn(email);
  const me = await (await portal.request('/api/me', { cookie })).json();
  return { cookie, teamId: me.team.id as string };
}

type Seed = Partial<typeof instances.$inferInsert> & { id: string };

/** Instances written straight to the database, as many and as varied as a test needs. */
async function seed(portal: TestPortal, teamId: string, rows: Seed[]) {
  await portal.db.insert(instances).values(rows.map((row) => ({ teamId, airgap: false, ...row })));
}

async function list(portal: TestPortal, cookie: string, query = ''): Promise<InstancePage> {
  const response = await portal.request(`/api/instances${query}`, { cookie });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

/** Every page of a query, following the cursor; the ids in the order the pages gave them. */
async function allPages(portal: TestPortal, cookie: string, query: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: InstancePage = await list(portal, cookie, `${query}${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...page.instances.map((i) => i.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { ids, pages };
}

describe('GET /api/instances', () => {
  it("lists the team's instances with status, version and activity, and nobody else's", async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    await checkIn(portal, alice, 'vm-1', 'degraded');
    const page = await list(portal, alice);
    expect(page.instances).toEqual([
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
    expect(page).toMatchObject({ nextCursor: null, counts: { active: 1, inactive: 0, airgap: 0, archived: 0 } });
    portal.clock.advance(25 * HOUR_MS);
    expect((await list(portal, alice)).instances).toEqual([]);
    expect((await list(portal, alice, '?tab=inactive')).instances[0]).toMatchObject({ name: 'vm-1', active: false });
    const carol = await portal.signIn('carol@globex.example');
    expect(await list(portal, carol, '?tab=inactive')).toMatchObject({
      instances: [],
      counts: { active: 0, inactive: 0, airgap: 0, archived: 0 },
    });
    expect((await portal.request('/api/instances')).status).toBe(401);
  });

  it('pages through every instance once, in check-in order, ties broken by id', async () => {
    const portal = await createTestPortal();
    const { cookie, teamId } = await signedIn(portal);
    const now = portal.clock.now().getTime();
    // 23 instances over 5 distinct check-in times, so pages end in the middle of a tie.
    const rows = Array.from({ length: 23 }, (_, n) => ({
      id: `i-${String(n).padStart(2, '0')}`,
      lastCheckInAt: new Date(now - (n % 5) * 60_000),
    }));
    await seed(portal, teamId, rows);
    const { ids, pages } = await allPages(portal, cookie, '?limit=4');
    expect(pages).toBe(6);
    const expected = [...rows]
      .sort((a, b) => b.lastCheckInAt.getTime() - a.lastCheckInAt.getTime() || b.id.localeCompare(a.id))
      .map((r) => r.id);
    expect(ids).toEqual(expected);
  });

  it('keeps paging without repeats or gaps while instances check in', async () => {
    const portal = await createTestPortal();
    const { cookie, teamId } = await signedIn(portal);
    const now = portal.clock.now().getTime();
    await seed(
      portal,
      teamId,
      Array.from({ length: 10 }, (_, n) => ({ id: `i-${n}`, lastCheckInAt: new Date(now - n * 60_000) })),
    );
    const first = await list(portal, cookie, '?limit=4');
    expect(first.instances.map((i) => i.id)).toEqual(['i-0', 'i-1', 'i-2', 'i-3']);
    // Seen and unseen instances report again; a new one appears. None moves into the unread part.
    portal.clock.advance(1000);
    const later = portal.clock.now();
    await portal.db
      .update(instances)
      .set({ lastCheckInAt: later })
      .where(inArray(instances.id, ['i-1', 'i-6']));
    await seed(portal, teamId, [{ id: 'i-new', lastCheckInAt: later }]);
    const second = await list(portal, cookie, `?limit=4&cursor=${first.nextCursor}`);
    const third = await list(portal, cookie, `?limit=4&cursor=${second.nextCursor}`);
    expect([...second.instances, ...third.instances].map((i) => i.id)).toEqual(['i-4', 'i-5', 'i-7', 'i-8', 'i-9']);
    expect(third.nextCursor).toBeNull();
  });

  it('filters by tab, status, version and name, each on the server', async () => {
    const portal = await createTestPortal();
    const { cookie, teamId } = await signedIn(portal);
    const now = portal.clock.now().getTime();
    const fresh = new Date(now - HOUR_MS);
    const stale = new Date(now - 30 * HOUR_MS);
    await seed(portal, teamId, [
      { id: 'i-ready', status: 'ready', details: { versionLabel: '1.4.0' }, lastCheckInAt: fresh },
      { id: 'i-degraded', status: 'degraded', details: { versionLabel: '1.3.0' }, lastCheckInAt: fresh },
      { id: 'i-old', status: 'ready', details: { versionLabel: '1.4.0' }, lastCheckInAt: stale },
      { id: 'i-never', status: null },
      { id: 'i-airgap', airgap: true, details: { versionLabel: '1.4.0' } },
    ]);
    const ids = async (query: string) => (await list(portal, cookie, query)).instances.map((i) => i.id);
    expect(await ids('?tab=active')).toEqual(['i-ready', 'i-degraded']);
    expect(await ids('?tab=inactive')).toEqual(['i-old', 'i-never']);
    expect(await ids('?tab=airgap')).toEqual(['i-airgap']);
    expect(await ids('?tab=archived')).toEqual([]);
    expect(await ids('?status=degraded')).toEqual(['i-degraded']);
    expect(await ids('?tab=inactive&status=ready')).toEqual(['i-old']);
    expect(await ids('?version=1.4.0')).toEqual(['i-ready']);
    expect(await ids('?version=1.4.0&tab=airgap')).toEqual(['i-airgap']);
    expect(await ids('?version=9.9.9')).toEqual([]);
    // The counts are the tabs' totals, whatever the filters.
    expect((await list(portal, cookie, '?status=degraded&q=zzz')).counts).toEqual({
      active: 2,
      inactive: 2,
      airgap: 1,
      archived: 0,
    });
  });

  it('searches the name tag, else the install attempt name, else the reported id, taking % and _ literally', async () => {
    const portal = await createTestPortal();
    const { cookie, teamId } = await signedIn(portal);
    await checkIn(portal, cookie, 'Edge-Munich', 'ready');
    const fresh = portal.clock.now();
    await seed(portal, teamId, [
      { id: 'i-tag', externalId: 'x1', details: { tags: { name: 'Berlin_50%' } }, lastCheckInAt: fresh },
      { id: 'i-like', externalId: 'x2', details: { tags: { name: 'Berlinx50 percent' } }, lastCheckInAt: fresh },
      { id: 'i-id', externalId: 'abc1234def', lastCheckInAt: fresh },
      { id: 'i-renamed', externalId: 'x3', details: { tags: { name: 'Hamburg' } }, lastCheckInAt: fresh },
    ]);
    const names = async (q: string) =>
      (await list(portal, cookie, `?q=${encodeURIComponent(q)}&sort=name`)).instances.map(
        (i) => i.name ?? i.externalId,
      );
    expect(await names('munich')).toEqual(['Edge-Munich']);
    expect(await names('_50%')).toEqual(['Berlin_50%']);
    expect(await names('%')).toEqual(['Berlin_50%']);
    expect(await names('n_5')).toEqual(['Berlin_50%']);
    expect(await names('berlin')).toEqual(['Berlin_50%', 'Berlinx50 percent']);
    expect(await names('1234')).toEqual(['abc1234def']);
    expect(await names('  hamburg  ')).toEqual(['Hamburg']);
    expect(await names('\\')).toEqual([]);
    expect((await list(portal, cookie, '?q=')).instances).toHaveLength(5);
  });

  it('sorts by name, case-blind, across pages', async () => {
    const portal = await createTestPortal();
    const { cookie, teamId } = await signedIn(portal);
    const at = portal.clock.now();
    const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo', 'alpha'];
    await seed(
      portal,
      teamId,
      names.map((name, n) => ({ id: `i-${n}`, details: { tags: { name } }, lastCheckInAt: at })),
    );
    const { ids } = await allPages(portal, cookie, '?sort=name&limit=2');
    expect(ids).toEqual(['i-1', 'i-5', 'i-3', 'i-2', 'i-0', 'i-4']);
  });

  it.each([
    ['tab', '?tab=deleted'],
    ['status', '?status=broken'],
    ['sort', '?sort=version'],
    ['limit', '?limit=0'],
    ['limit', '?limit=101'],
    ['limit', '?limit=ten'],
    ['limit', '?limit=2.5'],
    ['cursor', '?cursor=not-a-cursor'],
    ['cursor', `?cursor=${Buffer.from(JSON.stringify(['name', 'x', 'y'])).toString('base64url')}`],
    ['cursor', `?cursor=${Buffer.from(JSON.stringify(['last_check_in', "'; DROP", 'y'])).toString('base64url')}`],
    ['q', `?q=${'x'.repeat(101)}`],
    ['tab', '?tab=active&tab=inactive'],
  ])('answers 400 naming %s for %s', async (parameter, query) => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    for (const path of ['/api/instances', '/api/instances/export.csv']) {
      const response = await portal.request(`${path}${query}`, { cookie });
      if (path.endsWith('.csv') && parameter === 'cursor') continue; // the export reads every page
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe('validation_failed');
      expect(Object.keys(body.error.details.fields)).toEqual([parameter]);
    }
  });
});

describe('GET /api/instances/export.csv', () => {
  it('streams the filtered list as CSV with a header, quoting and formulas made inert', async () => {
    const portal = await createTestPortal();
    const { cookie, teamId } = await signedIn(portal);
    const at = portal.clock.now();
    const names = ['=HYPERLINK("http://evil")', '+1', '-2', '@cmd', '\tx', 'a,b', 'say "hi"', 'two\nlines', 'plain'];
    await seed(portal, teamId, [
      ...names.map((name, n) => ({
        id: `i-${n}`,
        details: { tags: { name } },
        status: 'ready' as const,
        lastCheckInAt: at,
      })),
      { id: 'i-down', details: { tags: { name: 'down' } }, status: 'unavailable', lastCheckInAt: at },
    ]);
    const response = await portal.request('/api/instances/export.csv?status=ready&sort=name', { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="instances-active-2026-11-22.csv"');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe(
      'id,instance_id,name,status,version,airgap,active,first_check_in,last_check_in,first_ready,install_method,' +
        'kubernetes_distribution,kubernetes_version,nodes_ready,nodes_total,sdk_version',
    );
    const nameCells = lines.slice(1, -1).map((line) => line.split(',ready,')[0]!.replace(/^i-\d,,/, ''));
    expect(nameCells).toEqual([
      `'\tx`,
      `'+1`,
      `'-2`,
      `"'=HYPERLINK(""http://evil"")"`,
      `'@cmd`,
      `"a,b"`,
      'plain',
      `"say ""hi"""`,
      `"two\nlines"`,
    ]);
    expect(lines.at(-1)).toBe('');
    expect(lines.join('\n')).not.toContain('down');
    // Ready when written, with nothing else known: first ready is the check-in, the rest empty.
    expect(lines[1]).toMatch(new RegExp(`,${at.toISOString()},${at.toISOString()},,,,,,$`));
  });

  it('exports every page of a list longer than one read', async () => {
    const portal = await createTestPortal();
    const { cookie, teamId } = await signedIn(portal);
    const now = portal.clock.now().getTime();
    await seed(
      portal,
      teamId,
      Array.from({ length: 1203 }, (_, n) => ({ id: `i-${n}`, lastCheckInAt: new Date(now - n * 1000) })),
    );
    const text = await (await portal.request('/api/instances/export.csv', { cookie })).text();
    const ids = text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(ids).toHaveLength(1203);
    expect(new Set(ids).size).toBe(1203);
    const carol = await portal.signIn('carol@globex.example');
    expect(
      (await (await portal.request('/api/instances/export.csv', { cookie: carol })).text()).trim().split('\r\n'),
    ).toHaveLength(1);
  });
});
