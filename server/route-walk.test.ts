import { describe, expect, it } from 'vitest';
import type { InstallAttemptWithToken } from '../contract/installs';
import type { Me } from '../contract/me';
import { createApp } from './app';
import type { Database } from './db/database';
import { changedTables, databaseFingerprint } from './testing/db-fingerprint';
import { areaOf, probesFor, validRequest, type Probe, type WalkContext } from './testing/route-walk';
import { createTestPortal, TEST_ORIGIN, type TestPortal } from './testing/test-portal';

/**
 * Issue 6, defect 4: bad input never gets a 5xx. Every route the app lists is sent a fixed corpus
 * of hostile values (server/testing/hostile-input.ts), one place at a time, by a signed-in admin
 * with an install attempt and its token in hand; each answer must come in time, be a refusal in
 * the error shape of its area when it is one, and a refusal must leave the data as it was.
 */

const TIMEOUT_MS = 10_000;

// A refused request may still have authenticated its token: that notes when the token was last
// used and, on the registry, records the login checkpoint (docs/decisions/004-install-tracking.md).
const TOUCHED_BY_AUTHENTICATION = [
  'service_accounts.last_used_at',
  'install_attempts.registry_authenticated_at',
  'install_attempts.last_progress_at',
];

/** The app's own route list, each method and pattern once; a route for ALL is sent as GET and POST. */
const routes = (() => {
  const app = createApp({ db: {} as Database, mailer: { send: async () => {} }, publicUrl: TEST_ORIGIN });
  const unique = new Map(app.routes.map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }]));
  return [...unique.values()].flatMap((route) =>
    (route.method === 'ALL' ? ['GET', 'POST'] : [route.method]).map((method) => ({
      name: `${method} ${route.path}${route.method === 'ALL' ? ' (ALL)' : ''}`,
      route,
      method,
    })),
  );
})();

describe('the route walk', () => {
  it('covers the routes of every area', () => {
    const areas = new Set(routes.map((r) => areaOf(r.route.path)));
    expect([...areas].sort()).toEqual(['api', 'machine', 'oci']);
    expect(routes.length).toBeGreaterThan(30);
  });

  it.each(routes)('$name: no 5xx, no hang, refusals in shape and without effect', async ({ route, method }) => {
    const portal = await createTestPortal();
    const context = await walkContext(portal);

    if (method === 'GET') {
      // The valid request first, so a walk that only ever met "sign in first" cannot pass.
      const valid = await send(portal, validRequest(context, route, method));
      expect(valid.status, 'the valid request is authenticated').not.toBeOneOf([401, 403]);
      expect(valid.status).toBeLessThan(500);
    }

    const probes = probesFor(context, route, method);
    const failures: string[] = [];
    const statuses: number[] = [];
    let before = await databaseFingerprint(portal.db, TOUCHED_BY_AUTHENTICATION);
    for (const probe of probes) {
      const where = `${probe.method} ${shorten(probe.path)} [${probe.label}]`;
      const answer = await send(portal, probe).catch((error: Error) => error);
      if (answer instanceof Error) {
        failures.push(`${where}: ${answer.message}`);
        continue;
      }
      statuses.push(answer.status);
      const after = await databaseFingerprint(portal.db, TOUCHED_BY_AUTHENTICATION);
      const problem = judge(probe, answer);
      if (problem) failures.push(`${where}: ${problem}`);
      const changed = answer.status >= 400 ? changedTables(before, after) : [];
      if (changed.length) failures.push(`${where}: refused with ${answer.status} but changed ${changed.join(', ')}`);
      before = after;
    }
    expect(failures).toEqual([]);
    if (context.bodies[`${route.method} ${route.path}`]) {
      expect(statuses, 'some bodies reach validation, past authentication').toContain(400);
    }
  });
});

type Answer = { status: number; challenge: string | null; json?: unknown };

/** Sends one probe and reads its answer, or fails after TIMEOUT_MS; streams are cancelled unread. */
async function send(portal: TestPortal, probe: Omit<Probe, 'label' | 'mustRefuse'>): Promise<Answer> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    const request = portal.app.request(`${TEST_ORIGIN}${probe.path}`, {
      method: probe.method,
      headers: probe.headers,
      body: probe.body,
      signal: controller.signal,
    });
    const response = await Promise.race([request, timeout]);
    const challenge = response.headers.get('www-authenticate');
    if (!response.headers.get('content-type')?.startsWith('application/json')) {
      await response.body?.cancel();
      return { status: response.status, challenge };
    }
    return { status: response.status, challenge, json: await Promise.race([response.json(), timeout]) };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** One Basic or Bearer challenge whose quoted values hold no quote (so nothing can add a realm). */
const CHALLENGE = /^(?:Basic realm="[^"]*"|Bearer realm="[^"]*",service="[^"]*"(?:,scope="[^"]*")?)$/;

function judge(probe: Probe, answer: Answer): string | null {
  const body = JSON.stringify(answer.json)?.slice(0, 300);
  if (answer.status >= 500) return `answered ${answer.status}: ${body}`;
  if (answer.challenge !== null && !CHALLENGE.test(answer.challenge)) return `challenged ${answer.challenge}`;
  if (answer.status < 400) return probe.mustRefuse ? `accepted with ${answer.status}` : null;
  const json = answer.json as { error?: { code?: unknown; message?: unknown }; errors?: unknown[] } | undefined;
  // Judged by where the request arrives: "/v2/.." is "/", outside the registry.
  if (areaOf(new URL(`${TEST_ORIGIN}${probe.path}`).pathname) === 'oci') {
    const [first] = (json?.errors ?? []) as { code?: unknown; message?: unknown }[];
    const ok = typeof first?.code === 'string' && typeof first.message === 'string';
    return ok ? null : `refused with ${answer.status} but not as {errors:[{code,message}]}: ${body}`;
  }
  const ok = typeof json?.error?.code === 'string' && typeof json.error.message === 'string';
  return ok ? null : `refused with ${answer.status} but not as {error:{code,message}}: ${body}`;
}

const shorten = (path: string) => (path.length > 90 ? `${path.slice(0, 80)}…(${path.length} chars)` : path);

/** A signed-in admin of Acme with an install attempt and its token, and valid values for everything. */
async function walkContext(portal: TestPortal): Promise<WalkContext> {
  const cookie = await portal.signIn('alice@acme.example');
  const created = await portal.request('/api/installs', {
    method: 'POST',
    cookie,
    json: { method: 'embedded', name: 'vm-1', version: '1.4.0', options: { network: 'online' } },
  });
  expect(created.status).toBe(201);
  const { attempt, token } = (await created.json()) as InstallAttemptWithToken;
  const me = (await (await portal.request('/api/me', { cookie })).json()) as Me;
  const manifest = await portal.app.request(`${TEST_ORIGIN}/v2/atlas/stable/atlas-api/manifests/1.4.0`, {
    headers: { authorization: `Basic ${btoa(`alice@acme.example:${token}`)}` },
  });
  expect(manifest.status).toBe(200);
  const { config } = (await manifest.json()) as { config: { digest: string } };

  // The installer's envelope (server/testing/recorded-requests.ts), as a GenericEvent.
  const event = {
    event: {
      executionID: 'e-1',
      clusterID: 'c-1',
      version: '2.4.0',
      eventType: 'InstallationFailed',
      reason: 'disk full',
      isExitEvent: true,
    },
    versions: { EmbeddedCluster: '2.4.0', Kubernetes: 'v1.31.4+k0s' },
  };
  const states = [{ kind: 'deployment', name: 'atlas-api', namespace: 'atlas', state: 'ready' }];
  const pendingQuery = ['channelSequence', 'licenseSequence', 'isSemverSupported', 'sortOrder', 'selectedChannelId'];
  return {
    cookie,
    token,
    params: {
      id: attempt.id,
      version: '1.4.0',
      app: 'atlas',
      channel: 'stable',
      repository: 'atlas-api',
      reference: '1.4.0',
      digest: config.digest,
      path: 'GenericEvent',
      appSlug: 'atlas',
      name: 'edition',
      token: 'a'.repeat(43),
      '*': '',
    },
    bodies: {
      'POST /api/auth/login-links': { email: 'alice@acme.example', locale: 'en' },
      'POST /api/auth/sessions': { token: 'a'.repeat(43) },
      'DELETE /api/auth/session': null,
      'PUT /api/me/team': { teamId: me.team.id },
      'PUT /api/me/preferences': { locale: 'de' },
      'POST /api/me/invites/:id/accept': null,
      'PATCH /api/team/members/:id': { role: 'viewer' },
      'DELETE /api/team/members/:id': null,
      'POST /api/team/invites': { email: 'dave@acme.example', role: 'member' },
      'POST /api/team/invites/:id/resend': null,
      'DELETE /api/team/invites/:id': null,
      'PUT /api/team/domain-allowlist': { domains: ['acme.example'] },
      'DELETE /api/team/domain-allowlist': null,
      'PUT /api/team/settings': { locale: 'de' },
      'POST /api/invites/accept': { token: 'a'.repeat(43) },
      'POST /api/installs': {
        method: 'helm',
        name: 'cluster-1',
        version: '1.4.0',
        options: {
          network: 'proxy',
          proxyUrl: 'http://proxy.example:3128',
          kubernetesDistribution: 'vanilla',
          registryAccess: 'online',
        },
      },
      'PATCH /api/installs/:id': {
        name: 'vm-2',
        version: '1.3.0',
        options: { network: 'proxy', proxyUrl: 'http://proxy.example:3128' },
      },
      'POST /api/installs/:id/token': null,
      'DELETE /api/installs/:id': null,
      'POST /api/installs/:id/link': { instanceId: '00000000-0000-4000-8000-000000000000' },
      'POST /api/team/service-accounts': { name: 'ci-bot', expiresOn: '2027-01-31' },
      'POST /api/team/service-accounts/:id/rotate': null,
      'DELETE /api/team/service-accounts/:id': null,
      'POST /api/airgap-instances': {
        name: 'vault-1',
        version: '1.4.0',
        method: 'helm',
        kubernetesDistribution: 'vanilla',
        adminConsoleUrl: 'https://localhost:30000',
      },
      'PATCH /api/airgap-instances/:id': { name: 'vault-2', version: '1.3.0', adminConsoleUrl: 'http://10.0.0.1:8800' },
      'POST /api/airgap-instances/:id/archive': null,
      'POST /api/airgap-instances/:id/restore': null,
      // tus: the headers are the request; no JSON body (server/support-bundles/routes/tus.ts).
      'OPTIONS /api/support-bundles/uploads': null,
      'POST /api/support-bundles/uploads': null,
      'PATCH /api/support-bundles/uploads/:id': null,
      'PATCH /api/support-bundles/uploads/*': null,
      'DELETE /api/support-bundles/uploads/:id': null,
      'DELETE /api/support-bundles/:id': null,
      'POST /embedded_cluster_metrics/:path': event,
      'POST /kots_metrics/license_instance/info': {
        resource_states: JSON.stringify(states),
        running_images: { 'registry.atlas.example/atlas/api': ['sha256:abc'] },
      },
      'POST /release/:app/pending': { resource_states: JSON.stringify(states) },
      'POST /application/custom-metrics': { data: { active_users: 150, edition: 'enterprise', sso: true } },
      'PATCH /application/custom-metrics': { data: { active_users: 151 } },
      // Support bundles from the real clients: the body is the bundle's bytes, not JSON.
      'POST /supportbundle/upload/:appSlug': null,
      'POST /v3/supportbundle/upload-url': null,
      'PUT /v3/supportbundle/upload/:id/:token': null,
      'POST /v3/supportbundle/:id/uploaded': { channel_id: '2kLp9QvX7mRt4StableCh' },
    },
    queries: {
      'GET /api/installs': ['status'],
      'GET /api/team/audit': ['actor', 'action', 'cursor', 'limit'],
      'GET /api/support-bundles/:id/file': ['path'],
      'GET /api/branding/logo': ['v'],
      'GET /api/branding/favicon': ['v'],
      'GET /embedded/:app/:channel': ['airgap'],
      'GET /embedded/:app/:channel/:version': ['airgap'],
      'GET /v2/token': ['service', 'scope'],
      'GET /v2/:app/:channel/:repository/tags/list': ['n', 'last'],
      'GET /release/:app/pending': pendingQuery,
      'POST /release/:app/pending': pendingQuery,
    },
    publicRoutes: [
      'GET /api/health',
      'GET /api/auth/session',
      'GET /api/branding',
      'GET /api/branding/logo',
      'GET /api/branding/favicon',
      'POST /api/auth/login-links',
      'POST /api/auth/sessions',
      'POST /api/invites/accept',
    ],
  };
}
