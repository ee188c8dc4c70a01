import { beforeAll, describe, expect, it } from 'vitest';
import { allows, routeAccess, TOKEN_ROLE, type RouteAccess } from '../contract/route-access';
import type { Role } from '../contract/constants';
import { createApp } from './app';
import type { Database } from './db/database';
import { changedTables, databaseFingerprint } from './testing/db-fingerprint';
import { buildWorld, headersOf, isPerson, principals, send, type Principal, type World } from './testing/route-matrix';
import { TEST_ORIGIN } from './testing/test-portal';
import { bundleBytes, uploadMetadata } from './testing/tus-client';

/**
 * Issue 10: every route of the app's own list, as anonymous, viewer, member, admin, another
 * team's admin, a service-account token and a revoked token, answers what contract/route-access.ts
 * says: the route's own success for a caller it allows; 401 for no or a dead credential; 403 for
 * a role (or a token) the table does not allow; 404 for another team's, or another person's own,
 * resource. A refusal changes nothing. A route without a row fails here.
 */

const TOUCHED_BY_AUTHENTICATION = ['service_accounts.last_used_at', 'memberships.last_seen_at'];

const ROLE_OF: Record<Principal, Role | null> = {
  anonymous: null,
  viewer: 'viewer',
  member: 'member',
  admin: 'admin',
  otherTeamAdmin: 'admin',
  token: TOKEN_ROLE,
  revokedToken: null,
};

/** The app's route list, each "METHOD /pattern" once; `ALL` entries are middleware, not routes. */
const routeKeys = (() => {
  const app = createApp({ db: {} as Database, mailer: { send: async () => {} }, publicUrl: TEST_ORIGIN });
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
})();

/** How one route is called successfully: its status, and what its request needs beyond the caller. */
type Call = {
  ok: number;
  body?: (world: World, who: Principal) => unknown;
  headers?: Record<string, string>;
  query?: (world: World) => string;
  raw?: () => BodyInit;
};

const TUS = { 'tus-resumable': '1.0.0' };
const chunk = bundleBytes(4096, 2).slice(0, 1024);
const tusPatch = {
  ok: 204,
  headers: { ...TUS, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
  raw: () => chunk,
};

const calls: Record<string, Call> = {
  'GET /api/health': { ok: 200 },
  'GET /api/branding': { ok: 200 },
  'GET /api/branding/logo': { ok: 200 },
  'GET /api/branding/favicon': { ok: 200 },
  // One address per caller: sign-in requests are limited per address, and a restore keeps the count.
  'POST /api/auth/login-links': { ok: 202, body: (_, who) => ({ email: `${who.toLowerCase()}@acme.example` }) },
  'POST /api/auth/sessions': { ok: 201, body: (w) => ({ token: w.loginToken }) },
  'GET /api/auth/session': { ok: 200 },
  'DELETE /api/auth/session': { ok: 204 },
  'POST /api/invites/accept': { ok: 201, body: (w) => ({ token: w.inviteToken }) },
  'GET /api/me': { ok: 200 },
  'PUT /api/me/team': { ok: 200, body: (w, who) => ({ teamId: isPerson(who) ? w.teamIds[who] : w.teamIds.admin }) },
  'PUT /api/me/preferences': { ok: 200, body: () => ({ locale: 'de' }) },
  'GET /api/me/invites': { ok: 200 },
  'POST /api/me/invites/:id/accept': { ok: 200 },
  'GET /api/dashboard': { ok: 200 },
  'GET /api/license': { ok: 200 },
  'GET /api/releases': { ok: 200 },
  'GET /api/releases/:version/images': { ok: 200 },
  'GET /api/installs': { ok: 200 },
  'POST /api/installs': {
    ok: 201,
    body: () => ({ method: 'embedded', name: 'vm-9', version: '1.4.0', options: { network: 'online' } }),
  },
  'GET /api/installs/:id': { ok: 200 },
  'PATCH /api/installs/:id': { ok: 200, body: () => ({ name: 'vm-2' }) },
  'POST /api/installs/:id/token': { ok: 200 },
  'DELETE /api/installs/:id': { ok: 200 },
  'GET /api/installs/:id/events': { ok: 200 },
  'GET /api/installs/:id/link-candidates': { ok: 200 },
  'POST /api/installs/:id/link': { ok: 200, body: (w) => ({ instanceId: w.airgapId }) },
  'GET /api/instances': { ok: 200 },
  'GET /api/instances/export.csv': { ok: 200 },
  'GET /api/instances/:id': { ok: 200 },
  'GET /api/airgap-instances': { ok: 200 },
  'GET /api/airgap-instances/options': { ok: 200 },
  'GET /api/airgap-instances/:id': { ok: 200 },
  'POST /api/airgap-instances': { ok: 201, body: () => ({ name: 'vault-2', version: '1.4.0', method: 'embedded' }) },
  'PATCH /api/airgap-instances/:id': { ok: 200, body: () => ({ name: 'vault-3' }) },
  'POST /api/airgap-instances/:id/archive': { ok: 200 },
  'POST /api/airgap-instances/:id/restore': { ok: 200 },
  'GET /api/team/members': { ok: 200 },
  'PATCH /api/team/members/:id': { ok: 200, body: () => ({ role: 'viewer' }) },
  'DELETE /api/team/members/:id': { ok: 204 },
  'GET /api/team/invites': { ok: 200 },
  'POST /api/team/invites': { ok: 201, body: () => ({ email: 'grace@acme.example', role: 'member' }) },
  'POST /api/team/invites/:id/resend': { ok: 200 },
  'DELETE /api/team/invites/:id': { ok: 204 },
  'GET /api/team/domain-allowlist': { ok: 200 },
  'PUT /api/team/domain-allowlist': { ok: 200, body: () => ({ domains: ['acme.example'] }) },
  'DELETE /api/team/domain-allowlist': { ok: 200 },
  'GET /api/team/settings': { ok: 200 },
  'PUT /api/team/settings': { ok: 200, body: () => ({ locale: 'de' }) },
  'GET /api/team/service-accounts': { ok: 200 },
  'POST /api/team/service-accounts': { ok: 201, body: () => ({ name: 'ci-bot' }) },
  'POST /api/team/service-accounts/:id/rotate': { ok: 200 },
  'DELETE /api/team/service-accounts/:id': { ok: 204 },
  'GET /api/team/audit': { ok: 200 },
  'GET /api/team/audit/actors': { ok: 200 },
  'GET /api/support-bundles': { ok: 200 },
  'GET /api/support-bundles/:id': { ok: 200 },
  'GET /api/support-bundles/:id/download': { ok: 200 },
  'GET /api/support-bundles/:id/file': { ok: 200, query: (w) => `path=${encodeURIComponent(w.bundleFilePath)}` },
  'DELETE /api/support-bundles/:id': { ok: 204 },
  'OPTIONS /api/support-bundles/uploads': { ok: 204, headers: TUS },
  'POST /api/support-bundles/uploads': {
    ok: 201,
    headers: { ...TUS, 'upload-length': '4096', 'upload-metadata': uploadMetadata({ filename: 'b.tar.gz' }) },
  },
  'GET /api/support-bundles/uploads/:id': { ok: 200, headers: TUS },
  'PATCH /api/support-bundles/uploads/:id': tusPatch,
  'PATCH /api/support-bundles/uploads/*': tusPatch,
  'DELETE /api/support-bundles/uploads/:id': { ok: 204, headers: TUS },
};

/** The team's resource a route's `:id` (or `*`) names, made by alice. */
const ID_OF: [prefix: string, id: (w: World, who: Principal) => string][] = [
  ['/api/me/invites/', (w, who) => (who in w.globexInvites ? w.globexInvites[who as 'admin'] : w.globexInvites.admin)],
  ['/api/installs/', (w) => w.attemptId],
  ['/api/instances/', (w) => w.airgapId],
  ['/api/airgap-instances/', (w) => w.airgapId],
  ['/api/team/members/', (w) => w.bobId],
  ['/api/team/invites/', (w) => w.inviteId],
  ['/api/team/service-accounts/', (w) => w.serviceAccountId],
  ['/api/support-bundles/uploads/', (w) => w.uploadId],
  ['/api/support-bundles/', (w) => w.bundleId],
];

const namesResource = (pattern: string) => /\/(:id|\*)(\/|$)/.test(pattern);

function pathOf(pattern: string, world: World, who: Principal): string {
  const id = ID_OF.find(([prefix]) => pattern.startsWith(prefix))?.[1](world, who);
  return pattern.replace(/:id|\*/, () => id!).replace(':version', '1.4.0');
}

/** What the table says `who` gets from a route, `ok` being the route's success. */
function expected(access: RouteAccess, pattern: string, who: Principal, ok: number): number {
  if (access.who === 'anyone') return ok;
  const role = ROLE_OF[who];
  if (role === null) return 401;
  if (!allows(access, { role, token: who === 'token' })) return 403;
  if (!namesResource(pattern)) return ok;
  // Another team's admin reaches nothing of Acme's; an upload is its uploader's (alice's) alone.
  if (who === 'otherTeamAdmin') return 404;
  if (access.who === 'team' && access.own && who !== 'admin') return 404;
  return ok;
}

const changes = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

async function call(world: World, key: string, who: Principal) {
  const [method, pattern] = key.split(' ') as [string, string];
  const spec = calls[key]!;
  const headers = headersOf(world, who, method);
  for (const [name, value] of Object.entries(spec.headers ?? {})) headers.set(name, value);
  let body: BodyInit | undefined = spec.raw?.();
  if (spec.body) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(spec.body(world, who));
  }
  const query = spec.query ? `?${spec.query(world)}` : '';
  return send(world, method, `${pathOf(pattern, world, who)}${query}`, headers, body);
}

const apiKeys = routeKeys.filter((key) => key.split(' ')[1]!.startsWith('/api/'));
const machineKeys = routeKeys.filter((key) => !apiKeys.includes(key));

describe('the route matrix', () => {
  // One world, put back as it was before each route and before each change.
  let world: World;
  let restore: () => Promise<void>;
  beforeAll(async () => {
    world = await buildWorld();
    restore = world.restore;
  });

  it('has a row in contract/route-access.ts for every route, and none for a route that is gone', () => {
    expect(routeKeys.filter((key) => !(key in routeAccess))).toEqual([]);
    expect(Object.keys(routeAccess).filter((key) => !routeKeys.includes(key))).toEqual([]);
    expect(apiKeys.filter((key) => !(key in calls))).toEqual([]);
    expect(apiKeys.length).toBeGreaterThan(60);
  });

  it.each(apiKeys.filter((key) => key in routeAccess && key in calls))('%s', async (key) => {
    const [method, pattern] = key.split(' ') as [string, string];
    const access = routeAccess[key]!;
    const ok = calls[key]!.ok;
    const failures: string[] = [];
    const answers: [Principal, number][] = [];
    const check = (who: Principal, status: number, text: string) => {
      answers.push([who, status]);
      const want = expected(access, pattern, who, ok);
      if (status !== want) failures.push(`${who}: expected ${want}, got ${status} ${text.slice(0, 200)}`);
    };

    // Everything that changes nothing first; then each change from the same starting point.
    await restore();
    const shared = world;
    const later: Principal[] = [];
    for (const who of principals) {
      if (changes(method) && expected(access, pattern, who, ok) < 400) {
        later.push(who);
        continue;
      }
      const before = await databaseFingerprint(shared.portal.db, TOUCHED_BY_AUTHENTICATION);
      const { status, text } = await call(shared, key, who);
      check(who, status, text);
      if (status >= 400 || !changes(method)) {
        const changed = changedTables(before, await databaseFingerprint(shared.portal.db, TOUCHED_BY_AUTHENTICATION));
        if (changed.length) failures.push(`${who}: answered ${status} but changed ${changed.join(', ')}`);
      }
      if (who === 'otherTeamAdmin' && status < 400) {
        // Globex's answer holds nothing of Acme's.
        const leaked = [shared.attemptId, shared.airgapId, shared.bundleId, shared.serviceAccountId, shared.bobId];
        for (const id of leaked) if (text.includes(id)) failures.push(`${who}: the answer holds Acme's ${id}`);
      }
    }
    for (const who of later) {
      await restore();
      const { status, text } = await call(world, key, who);
      check(who, status, text);
    }
    expect(failures, JSON.stringify(answers)).toEqual([]);
  });

  it.each(machineKeys)('%s takes no session cookie for a credential', async (key) => {
    const [method, pattern] = key.split(' ') as [string, string];
    await restore();
    const path = pattern
      .replace(':appSlug', 'atlas')
      .replace(':app', 'atlas')
      .replace(':channel', 'stable')
      .replace(':repository', 'atlas-api')
      .replace(':reference', '1.4.0')
      .replace(':digest', `sha256:${'0'.repeat(64)}`)
      .replace(':path', 'GenericEvent')
      .replace(':name', 'edition')
      .replace(':version', '1.4.0')
      .replace(':id', world.bundleId)
      .replace(':token', 'a'.repeat(43))
      .replace('*', 'atlas/stable/atlas-api/manifests/1.4.0');
    const before = await databaseFingerprint(world.portal.db, TOUCHED_BY_AUTHENTICATION);
    for (const who of ['anonymous', 'admin'] as const) {
      const headers = headersOf(world, who, method);
      headers.set('content-type', 'application/json');
      const { status, text } = await send(world, method, path, headers, method === 'GET' ? undefined : '{}');
      expect(status, `${who}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(status, `${who}: ${text.slice(0, 200)}`).toBeLessThan(500);
    }
    const after = await databaseFingerprint(world.portal.db, TOUCHED_BY_AUTHENTICATION);
    expect(changedTables(before, after)).toEqual([]);
  });
});
