import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createTestPortal } from '../../testing/test-portal';
import {
  ACME_HELM_ONLINE,
  OCI_MANIFEST,
  basic,
  expectOciError,
  registry,
  sha256,
  startInstall,
} from '../../testing/registry-client';

const CHALLENGE = 'Bearer realm="http://portal.test/v2/token",service="portal.test"';

describe('registry authentication', () => {
  it('challenges an anonymous client and answers a logged-in one as a registry/2.0', async () => {
    const portal = await createTestPortal();
    const { token } = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);

    const anonymous = await registry(portal, '/v2/');
    expect(anonymous.headers.get('www-authenticate')).toBe(CHALLENGE);
    expect(anonymous.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
    await expectOciError(anonymous, 401, 'UNAUTHORIZED');

    const withBasic = await registry(portal, '/v2/', basic(token));
    expect(withBasic.status).toBe(200);
    expect(withBasic.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
    expect(await withBasic.json()).toEqual({});
  });

  it('names the repository in the challenge of a repository request', async () => {
    const portal = await createTestPortal();
    const anonymous = await registry(portal, '/v2/atlas/stable/atlas-api/manifests/1.4.0');
    expect(anonymous.headers.get('www-authenticate')).toBe(
      `${CHALLENGE},scope="repository:atlas/stable/atlas-api:pull"`,
    );
    await expectOciError(anonymous, 401, 'UNAUTHORIZED');
  });

  it('hands out a bearer token for the email and service-account token, which then works on /v2', async () => {
    const portal = await createTestPortal();
    const { token } = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);

    const issued = await registry(
      portal,
      '/v2/token?service=portal.test&scope=repository:atlas/stable/atlas-api:pull',
      basic(token),
    );
    expect(issued.status).toBe(200);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    const body = await issued.json();
    expect(body).toEqual({
      token: expect.any(String),
      access_token: body.token,
      expires_in: 300,
      issued_at: '2026-11-22T10:00:00.000Z',
    });

    const pinged = await registry(portal, '/v2/', `Bearer ${body.token}`);
    expect(pinged.status).toBe(200);
    const manifest = await registry(portal, '/v2/atlas/stable/atlas-api/manifests/1.4.0', `Bearer ${body.token}`);
    expect(manifest.status).toBe(200);
  });

  it('accepts any username: the token alone says who is pulling', async () => {
    const portal = await createTestPortal();
    const { token } = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    const issued = await registry(portal, '/v2/token?service=portal.test', basic(token, 'bob@acme.example'));
    expect(issued.status).toBe(200);
  });

  it('refuses the token endpoint without credentials or with a wrong password', async () => {
    const portal = await createTestPortal();
    await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);

    const anonymous = await registry(portal, '/v2/token?service=portal.test');
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="portal.test"');
    await expectOciError(anonymous, 401, 'UNAUTHORIZED');
    const wrong = await registry(portal, '/v2/token?service=portal.test', basic('portico_sa_not-a-real-token'));
    await expectOciError(wrong, 401, 'UNAUTHORIZED');
    const bearer = await registry(portal, '/v2/', 'Bearer portico_sa_not-a-real-token');
    expect(bearer.headers.get('www-authenticate')).toBe(CHALLENGE);
    await expectOciError(bearer, 401, 'UNAUTHORIZED');
  });

  it('denies pulls once the license has expired', async () => {
    const portal = await createTestPortal();
    // Globex's 10-day trial; any of its service-account tokens may use the registry.
    const { token } = await startInstall(portal, 'carol@globex.example', {
      method: 'embedded',
      name: 'vm-1',
      version: '1.4.0',
      options: { network: 'online' },
    });
    const path = '/v2/atlas/stable/atlas-api/manifests/1.4.0';
    expect((await registry(portal, path, basic(token))).status).toBe(200);

    portal.clock.advance(10 * 86_400_000);
    await expectOciError(await registry(portal, path, basic(token)), 403, 'DENIED');
    await expectOciError(await registry(portal, '/v2/token', basic(token)), 403, 'DENIED');
  });
});

describe('registry content', () => {
  it('serves an image manifest with its media type, digest and length, by tag and by digest', async () => {
    const portal = await createTestPortal();
    const auth = basic((await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE)).token);

    const byTag = await registry(portal, '/v2/atlas/stable/atlas-api/manifests/1.4.0', auth);
    expect(byTag.status).toBe(200);
    const bytes = new Uint8Array(await byTag.arrayBuffer());
    const digest = await sha256(bytes);
    expect(byTag.headers.get('content-type')).toBe(OCI_MANIFEST);
    expect(byTag.headers.get('docker-content-digest')).toBe(digest);
    expect(byTag.headers.get('content-length')).toBe(String(bytes.byteLength));
    const manifest = JSON.parse(new TextDecoder().decode(bytes));
    expect(manifest).toMatchObject({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json' },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' }],
    });

    const byDigest = await registry(portal, `/v2/atlas/stable/atlas-api/manifests/${digest}`, auth);
    expect(byDigest.status).toBe(200);
    expect(new Uint8Array(await byDigest.arrayBuffer())).toEqual(bytes);
    expect(byDigest.headers.get('docker-content-digest')).toBe(digest);
  });

  it('answers HEAD with the same headers as GET and no body', async () => {
    const portal = await createTestPortal();
    const auth = basic((await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE)).token);
    const path = '/v2/atlas/stable/atlas-web/manifests/1.4.0';
    const get = await registry(portal, path, auth);
    const head = await registry(portal, path, auth, { method: 'HEAD' });
    expect(head.status).toBe(200);
    for (const header of ['content-type', 'content-length', 'docker-content-digest']) {
      expect(head.headers.get(header)).toBe(get.headers.get(header));
    }
    expect(await head.text()).toBe('');

    const { config } = await get.json();
    const blob = `/v2/atlas/stable/atlas-web/blobs/${config.digest}`;
    const headBlob = await registry(portal, blob, auth, { method: 'HEAD' });
    expect(headBlob.status).toBe(200);
    expect(headBlob.headers.get('content-length')).toBe(String(config.size));
    expect(headBlob.headers.get('docker-content-digest')).toBe(config.digest);
    expect(await headBlob.text()).toBe('');
  });

  it('streams blobs whose bytes hash to their digest, and a config that matches its layer', async () => {
    const portal = await createTestPortal();
    const auth = basic((await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE)).token);
    const manifest = await (await registry(portal, '/v2/atlas/stable/atlas-api/manifests/1.4.0', auth)).json();

    const blobs: Record<string, Uint8Array> = {};
    for (const descriptor of [manifest.config, ...manifest.layers]) {
      const response = await registry(portal, `/v2/atlas/stable/atlas-api/blobs/${descriptor.digest}`, auth);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('docker-content-digest')).toBe(descriptor.digest);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(response.headers.get('content-length')).toBe(String(bytes.byteLength));
      expect(bytes.byteLength).toBe(descriptor.size);
      expect(await sha256(bytes)).toBe(descriptor.digest);
      blobs[descriptor.digest] = bytes;
    }
    const config = JSON.parse(new TextDecoder().decode(blobs[manifest.config.digest]));
    expect(config).toMatchObject({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers' } });
    const layer = gunzipSync(blobs[manifest.layers[0].digest]!);
    expect(config.rootfs.diff_ids).toEqual([await sha256(layer)]);
    expect(layer.toString('latin1')).toContain('atlas-api 1.4.0');
  });

  it('serves the Helm chart as an OCI artifact with a Chart.yaml of its version', async () => {
    const portal = await createTestPortal();
    const auth = basic((await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE)).token);
    const response = await registry(portal, '/v2/atlas/stable/atlas/manifests/1.3.0', auth);
    expect(response.status).toBe(200);
    const manifest = await response.json();
    expect(manifest.config.mediaType).toBe('application/vnd.cncf.helm.config.v1+json');
    expect(manifest.layers.map((l: { mediaType: string }) => l.mediaType)).toEqual([
      'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
    ]);

    const config = await registry(portal, `/v2/atlas/stable/atlas/blobs/${manifest.config.digest}`, auth);
    expect(await config.json()).toMatchObject({
      name: 'atlas',
      version: '1.3.0',
      apiVersion: 'v2',
      appVersion: '1.3.0',
    });
    const chart = await registry(portal, `/v2/atlas/stable/atlas/blobs/${manifest.layers[0].digest}`, auth);
    const tar = gunzipSync(new Uint8Array(await chart.arrayBuffer())).toString('latin1');
    expect(tar).toContain('atlas/Chart.yaml');
    expect(tar).toContain('version: 1.3.0');
    expect(tar).toContain('atlas/values.yaml');
    expect(tar).toContain('atlas/templates/deployment.yaml');
  });

  it("lists the tags released on the team's channel, a page at a time", async () => {
    const portal = await createTestPortal();
    const auth = basic((await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE)).token);
    const all = await registry(portal, '/v2/atlas/stable/atlas-api/tags/list', auth);
    expect(await all.json()).toEqual({
      name: 'atlas/stable/atlas-api',
      tags: ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0'],
    });

    const first = await registry(portal, '/v2/atlas/stable/atlas/tags/list?n=2', auth);
    expect(await first.json()).toEqual({ name: 'atlas/stable/atlas', tags: ['1.0.0', '1.1.0'] });
    expect(first.headers.get('link')).toBe('</v2/atlas/stable/atlas/tags/list?n=2&last=1.1.0>; rel="next"');
    const last = await registry(portal, '/v2/atlas/stable/atlas/tags/list?n=2&last=1.3.0', auth);
    expect(await last.json()).toEqual({ name: 'atlas/stable/atlas', tags: ['1.4.0'] });
    expect(last.headers.get('link')).toBeNull();
  });

  it('answers unknown manifests, blobs and repositories with OCI errors', async () => {
    const portal = await createTestPortal();
    const auth = basic((await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE)).token);
    const unknownDigest = `sha256:${'0'.repeat(64)}`;

    for (const path of [
      '/v2/atlas/stable/atlas-api/manifests/9.9.9',
      `/v2/atlas/stable/atlas-api/manifests/${unknownDigest}`,
      // In the layout, but released on beta only.
      '/v2/atlas/stable/atlas-api/manifests/1.5.0-beta.1',
    ]) {
      await expectOciError(await registry(portal, path, auth), 404, 'MANIFEST_UNKNOWN');
    }
    const head = await registry(portal, '/v2/atlas/stable/atlas-api/manifests/9.9.9', auth, { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect(await head.text()).toBe('');
    for (const path of [
      `/v2/atlas/stable/atlas-api/blobs/${unknownDigest}`,
      '/v2/atlas/stable/atlas-api/blobs/sha256:..%2F..%2Findex.json',
    ]) {
      await expectOciError(await registry(portal, path, auth), 404, 'BLOB_UNKNOWN');
    }
    for (const path of [
      '/v2/atlas/stable/atlas-db/manifests/1.4.0',
      '/v2/other-app/stable/atlas-api/manifests/1.4.0',
      '/v2/atlas/stable/atlas-api/tags/list/extra',
      '/v2/atlas-api/manifests/1.4.0',
    ]) {
      await expectOciError(await registry(portal, path, auth), 404, 'NAME_UNKNOWN');
    }
  });

  it('does not serve a blob of another repository by its digest', async () => {
    const portal = await createTestPortal();
    const auth = basic((await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE)).token);
    const web = await (await registry(portal, '/v2/atlas/stable/atlas-web/manifests/1.4.0', auth)).json();
    const borrowed = await registry(portal, `/v2/atlas/stable/atlas-api/blobs/${web.layers[0].digest}`, auth);
    await expectOciError(borrowed, 404, 'BLOB_UNKNOWN');
  });

  it('is read-only: pushes and deletes are unsupported', async () => {
    const portal = await createTestPortal();
    const auth = basic((await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE)).token);
    const writes: [string, string][] = [
      ['PUT', '/v2/atlas/stable/atlas-api/manifests/2.0.0'],
      ['POST', '/v2/atlas/stable/atlas-api/blobs/uploads/'],
      ['PATCH', '/v2/atlas/stable/atlas-api/blobs/uploads/some-upload'],
      ['DELETE', '/v2/atlas/stable/atlas-api/manifests/1.4.0'],
    ];
    for (const [method, path] of writes) {
      const response = await registry(portal, path, auth, { method, body: method === 'DELETE' ? undefined : '{}' });
      await expectOciError(response, 405, 'UNSUPPORTED');
    }
  });
});
