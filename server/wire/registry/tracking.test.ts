import { describe, expect, it } from 'vitest';
import { serviceAccounts } from '../../db/schema';
import { issueServiceAccountToken } from '../../service-accounts/service-accounts';
import { createTestPortal, type TestPortal } from '../../testing/test-portal';
import {
  ACME_HELM_ONLINE,
  INITECH_HELM_AIRGAP,
  basic,
  expectOciError,
  registry,
  startInstall,
} from '../../testing/registry-client';

const pull = (portal: TestPortal, token: string, repository: string, reference = '1.4.0', method = 'GET') =>
  registry(portal, `/v2/atlas/stable/${repository}/manifests/${reference}`, basic(token), { method });

describe('registry login checkpoint', () => {
  it('is recorded by the token flow, and a later login keeps the first time', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    expect(await install.checkpoints()).toMatchObject({ registry_login: null, images_pulled: null });

    portal.clock.advance(60_000);
    const login = await registry(portal, '/v2/token?service=portal.test', basic(install.token));
    expect(login.status).toBe(200);
    expect((await install.checkpoints()).registry_login).toBe('2026-11-22T10:01:00.000Z');

    portal.clock.advance(60_000);
    expect((await registry(portal, '/v2/token?service=portal.test', basic(install.token))).status).toBe(200);
    expect((await registry(portal, '/v2/', basic(install.token))).status).toBe(200);
    expect((await install.checkpoints()).registry_login).toBe('2026-11-22T10:01:00.000Z');
  });

  it('is recorded by a client that sends Basic auth straight to /v2', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    expect((await registry(portal, '/v2/', basic(install.token))).status).toBe(200);
    expect((await install.checkpoints()).registry_login).toBe('2026-11-22T10:00:00.000Z');
  });

  it('is not recorded for an anonymous ping or a wrong token', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    await expectOciError(await registry(portal, '/v2/'), 401, 'UNAUTHORIZED');
    await expectOciError(await registry(portal, '/v2/', basic(`${install.token}x`)), 401, 'UNAUTHORIZED');
    await expectOciError(await pull(portal, `${install.token}x`, 'atlas-api'), 401, 'UNAUTHORIZED');
    expect(await install.checkpoints()).toMatchObject({ registry_login: null, images_pulled: null });
  });
});

describe('images pulled checkpoint', () => {
  it("is recorded once every image of the attempt's version has been fetched", async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);

    expect((await pull(portal, install.token, 'atlas-api')).status).toBe(200);
    expect((await install.checkpoints()).images_pulled).toBeNull();

    portal.clock.advance(5_000);
    expect((await pull(portal, install.token, 'atlas-web')).status).toBe(200);
    expect(await install.checkpoints()).toMatchObject({
      registry_login: '2026-11-22T10:00:00.000Z',
      images_pulled: '2026-11-22T10:00:05.000Z',
    });

    portal.clock.advance(5_000);
    expect((await pull(portal, install.token, 'atlas-web')).status).toBe(200);
    expect((await install.checkpoints()).images_pulled).toBe('2026-11-22T10:00:05.000Z');
  });

  it('counts a fetch by digest, as containerd makes after resolving the tag with HEAD', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    for (const repository of ['atlas-api', 'atlas-web']) {
      const head = await pull(portal, install.token, repository, '1.4.0', 'HEAD');
      expect(head.status).toBe(200);
      expect((await install.checkpoints()).images_pulled).toBeNull();
      const digest = head.headers.get('docker-content-digest')!;
      expect((await pull(portal, install.token, repository, digest)).status).toBe(200);
    }
    expect((await install.checkpoints()).images_pulled).not.toBeNull();
  });

  it('does not count HEAD requests, the chart, or images of another version', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    for (const repository of ['atlas-api', 'atlas-web']) {
      expect((await pull(portal, install.token, repository, '1.4.0', 'HEAD')).status).toBe(200);
      expect((await pull(portal, install.token, repository, '1.3.0')).status).toBe(200);
    }
    expect((await pull(portal, install.token, 'atlas')).status).toBe(200);
    expect(await install.checkpoints()).toMatchObject({
      registry_login: '2026-11-22T10:00:00.000Z',
      images_pulled: null,
    });
  });

  it('follows a change of version: the images of the new version are what count', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    expect((await pull(portal, install.token, 'atlas-api', '1.3.0')).status).toBe(200);
    const changed = await portal.request(`/api/installs/${install.id}`, {
      method: 'PATCH',
      cookie: install.cookie,
      json: { version: '1.3.0' },
    });
    expect(changed.status).toBe(200);
    expect((await pull(portal, install.token, 'atlas-web', '1.3.0')).status).toBe(200);
    expect((await install.checkpoints()).images_pulled).not.toBeNull();
  });

  it("serves a manual service account's pulls without recording anything", async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    // No API makes manual service accounts yet (issue 5): one as an admin would create it.
    const { token, tokenHash } = await issueServiceAccountToken();
    const teamId = (await (await portal.request('/api/me', { cookie: install.cookie })).json()).team.id;
    await portal.db.insert(serviceAccounts).values({ id: 'sa-ci', teamId, name: 'ci', tokenHash, kind: 'manual' });

    expect((await registry(portal, '/v2/token?service=portal.test', basic(token))).status).toBe(200);
    expect((await pull(portal, token, 'atlas-api')).status).toBe(200);
    expect((await pull(portal, token, 'atlas-web')).status).toBe(200);
    expect(await install.checkpoints()).toMatchObject({ registry_login: null, images_pulled: null });
  });
});

describe('registry access', () => {
  it('refuses the token of a discarded install and records nothing', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    const discarded = await portal.request(`/api/installs/${install.id}`, { method: 'DELETE', cookie: install.cookie });
    expect(discarded.status).toBe(200);

    await expectOciError(await registry(portal, '/v2/token', basic(install.token)), 401, 'UNAUTHORIZED');
    const refused = await pull(portal, install.token, 'atlas-api');
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer realm="http:\/\/portal\.test\/v2\/token"/);
    await expectOciError(refused, 401, 'UNAUTHORIZED');
    expect(await install.checkpoints()).toMatchObject({ registry_login: null, images_pulled: null });
  });

  it("keeps another team's token out of Acme's channel, and Acme's attempts untouched", async () => {
    const portal = await createTestPortal();
    const acme = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    const initech = await startInstall(portal, 'dave@initech.example', INITECH_HELM_AIRGAP);
    const dave = basic(initech.token, 'dave@initech.example');

    for (const path of [
      '/v2/atlas/stable/atlas-api/manifests/1.4.0',
      '/v2/atlas/stable/atlas-web/manifests/1.4.0',
      '/v2/atlas/stable/atlas-api/tags/list',
    ]) {
      await expectOciError(await registry(portal, path, dave), 404, 'NAME_UNKNOWN');
    }
    expect(await acme.checkpoints()).toMatchObject({ registry_login: null, images_pulled: null });

    // Its own channel is open to it, and only its own attempt moves.
    const beta = await registry(portal, '/v2/atlas/beta/atlas-api/tags/list', dave);
    expect(await beta.json()).toEqual({ name: 'atlas/beta/atlas-api', tags: ['1.5.0-beta.1'] });
    for (const repository of ['atlas-api', 'atlas-web']) {
      const response = await registry(portal, `/v2/atlas/beta/${repository}/manifests/1.5.0-beta.1`, dave);
      expect(response.status).toBe(200);
    }
    expect((await initech.checkpoints()).images_pulled).not.toBeNull();
    expect(await acme.checkpoints()).toMatchObject({ registry_login: null, images_pulled: null });
  });

  it("keeps Acme's token out of the beta channel", async () => {
    const portal = await createTestPortal();
    const acme = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    const response = await registry(portal, '/v2/atlas/beta/atlas-api/manifests/1.5.0-beta.1', basic(acme.token));
    await expectOciError(response, 404, 'NAME_UNKNOWN');
  });
});
