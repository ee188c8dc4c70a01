import { describe, expect, it } from 'vitest';
import { createTestPortal } from '../../testing/test-portal';
import { ACME_HELM_ONLINE, basic, expectOciError, registry, startInstall } from '../../testing/registry-client';

describe('registry names outside the OCI grammar (issue 6, defect 5)', () => {
  it('refuses a name that would add a realm to the challenge, and sends no challenge', async () => {
    const portal = await createTestPortal();
    const response = await registry(portal, '/v2/a",realm="https://evil.example/x/manifests/1');
    expect(response.headers.get('www-authenticate')).toBeNull();
    await expectOciError(response, 400, 'NAME_INVALID');
  });

  it('refuses such names before authentication, with or without a token', async () => {
    const portal = await createTestPortal();
    const { token, checkpoints } = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    for (const path of [
      '/v2/a",realm="https://evil.example/x/manifests/1',
      '/v2/Atlas/stable/atlas-api/manifests/1.4.0',
      '/v2/atlas/stable/atlas-api%00/manifests/1.4.0',
      '/v2/atlas/stable/atlas-api%0D%0AX-Injected:%201/tags/list',
      '/v2/atlas/stable/atlas%E2%80%AE/blobs/sha256:abc',
      `/v2/atlas/stable/${'a'.repeat(300)}/manifests/1.4.0`,
      '/v2/atlas//atlas-api/manifests/1.4.0',
      '/v2/atlas/stable/-api/manifests/1.4.0',
    ]) {
      await expectOciError(await registry(portal, path), 400, 'NAME_INVALID');
      await expectOciError(await registry(portal, path, basic(token)), 400, 'NAME_INVALID');
    }
    // Refused before the token was looked at, so nothing was recorded as a login.
    expect((await checkpoints()).registry_login).toBeNull();
  });

  it('refuses a manifest reference that is neither a tag nor a digest', async () => {
    const portal = await createTestPortal();
    const { token } = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    for (const reference of ['1.4.0"', '.hidden', '%00', 'a'.repeat(129), 'sha256:', ':abc', 'v1%0D%0A']) {
      const path = `/v2/atlas/stable/atlas-api/manifests/${reference}`;
      await expectOciError(await registry(portal, path, basic(token)), 400, 'MANIFEST_INVALID');
    }
    // Within the grammar, a tag the channel does not have is simply unknown.
    const unknown = await registry(portal, '/v2/atlas/stable/atlas-api/manifests/V_9.9-x', basic(token));
    await expectOciError(unknown, 404, 'MANIFEST_UNKNOWN');
  });

  it('still names a valid repository in the challenge', async () => {
    const portal = await createTestPortal();
    const anonymous = await registry(portal, '/v2/atlas/stable/atlas-api__x.y/tags/list');
    expect(anonymous.headers.get('www-authenticate')).toBe(
      'Bearer realm="http://portal.test/v2/token",service="portal.test",scope="repository:atlas/stable/atlas-api__x.y:pull"',
    );
    await expectOciError(anonymous, 401, 'UNAUTHORIZED');
  });
});
