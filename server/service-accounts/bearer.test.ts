import { describe, expect, it } from 'vitest';
import type { InstallAttemptWithToken } from '../../contract/installs';
import type { ServiceAccountList } from '../../contract/service-accounts';
import { ACME_LICENSE_ID, replay, sdkInstanceData } from '../testing/recorded-requests';
import { bearer, created, PATH } from '../testing/service-accounts';
import { createTestPortal, TEST_ORIGIN, type TestPortal } from '../testing/test-portal';

const MINUTE = 60_000;

async function lastUsed(portal: TestPortal, cookie: string) {
  const answer = await portal.request(PATH, { cookie });
  return ((await answer.json()) as ServiceAccountList).serviceAccounts[0]!.lastUsedAt;
}

describe('service-account tokens as Bearer', () => {
  it('read the team’s API as a member of its team, without cookie or Origin', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const { token } = await created(portal, alice, 'ci-bot');
    for (const path of ['/api/instances', '/api/dashboard', '/api/releases', '/api/license', PATH]) {
      expect((await bearer(portal, path, token)).status, path).toBe(200);
    }
    const license = await (await bearer(portal, '/api/license', token)).json();
    const own = await (await portal.request('/api/license', { cookie: alice })).json();
    expect(license).toEqual(own);
  });

  it('refuse what needs a person or an admin, and never skip the origin check for a cookie', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const { token } = await created(portal, alice, 'ci-bot');
    expect((await bearer(portal, '/api/me', token)).status).toBe(403);
    const install = { method: 'embedded', name: 'vm-1', version: '1.4.0', options: { network: 'online' } };
    const post = { method: 'POST', body: JSON.stringify(install), headers: { 'content-type': 'application/json' } };
    const admin = await bearer(portal, PATH, token, { ...post, body: JSON.stringify({ name: 'x' }) });
    expect(admin.status).toBe(403);
    // A cookie along with the token: a browser request, so a foreign origin is refused.
    const cross = await bearer(portal, '/api/installs', token, {
      ...post,
      headers: { ...post.headers, cookie: alice, origin: 'https://evil.example' },
    });
    expect((await cross.json()).error.code).toBe('cross_origin');
  });

  it('refuse unknown tokens, license IDs and install tokens on the team’s API', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const started = await portal.request('/api/installs', {
      method: 'POST',
      cookie: alice,
      json: { method: 'embedded', name: 'vm-1', version: '1.4.0', options: { network: 'online' } },
    });
    const { token: installToken } = (await started.json()) as InstallAttemptWithToken;
    for (const token of ['portico_sa_nope', ACME_LICENSE_ID, installToken]) {
      const answer = await bearer(portal, '/api/instances', token);
      expect(answer.status, token).toBe(401);
      expect((await answer.json()).error.code).toBe('unauthenticated');
    }
    const empty = await portal.app.request(`${TEST_ORIGIN}/api/instances`, { headers: { authorization: 'Bearer ' } });
    expect(empty.status).toBe(401);
  });

  it('keep working on the ingest endpoints', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const { token } = await created(portal, alice, 'ci-bot');
    expect((await replay(portal, sdkInstanceData(token))).status).toBe(200);
  });

  it('are refused everywhere once expired, saying so', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const { serviceAccount, token } = await created(portal, alice, 'nightly', '2026-11-23');
    expect((await bearer(portal, '/api/instances', token)).status).toBe(200);
    portal.clock.advance(14 * 3_600_000 + 1); // past 2026-11-23T00:00Z
    for (const answer of [
      await bearer(portal, '/api/instances', token),
      await replay(portal, sdkInstanceData(token)),
    ]) {
      expect(answer.status).toBe(401);
      const { error } = await answer.json();
      expect(error.code).toBe('token_expired');
      expect(error.message).toContain('expired on 2026-11-23');
    }
    // The registry says so too, in the distribution spec's error shape.
    const registry = await portal.app.request(`${TEST_ORIGIN}/v2/`, {
      headers: { authorization: `Basic ${btoa(`alice@acme.example:${token}`)}` },
    });
    expect(registry.status).toBe(401);
    expect((await registry.json()).errors[0]).toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringContaining('expired on 2026-11-23'),
    });
    const listed = (await (await portal.request(PATH, { cookie: alice })).json()) as ServiceAccountList;
    expect(listed.serviceAccounts[0]!.status).toBe('expired');
    const rotate = await portal.request(`${PATH}/${serviceAccount.id}/rotate`, { method: 'POST', cookie: alice });
    expect(rotate.status).toBe(409);
  });

  it('note the last use at most once a minute', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const { token } = await created(portal, alice, 'ci-bot');
    await bearer(portal, '/api/instances', token);
    const first = await lastUsed(portal, alice);
    expect(first).toBe('2026-11-22T10:00:00.000Z');
    portal.clock.advance(MINUTE / 2);
    await bearer(portal, '/api/instances', token);
    expect(await lastUsed(portal, alice)).toBe(first);
    portal.clock.advance(MINUTE / 2 + 1000);
    await replay(portal, sdkInstanceData(token));
    expect(await lastUsed(portal, alice)).toBe('2026-11-22T10:01:01.000Z');
  });
});
