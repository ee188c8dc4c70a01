import { spawnSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { demoCatalogueText } from '../../catalogue/demo';
import { fileArtifactStore } from '../../node/artifacts';
import { issuedLicense } from '../../releases/issued-license';
import { readBlob, readLayout } from '../../releases/oci-layout';
import { createTestPortal, TEST_ORIGIN, type TestPortal } from '../../testing/test-portal';
import {
  ACME_HELM_ONLINE,
  OCI_MANIFEST,
  basic,
  expectOciError,
  registry,
  sha256,
  startInstall,
} from '../../testing/registry-client';

const CHART = '/v2/atlas/stable/atlas';
// Globex on stable with Helm too, so two customers can pull the same chart.
const WITH_GLOBEX_HELM = demoCatalogueText.replace('install_types: [embedded]', 'install_types: [embedded, helm]');

/** Pulls the chart as helm does: the manifest by tag, then its chart layer. */
async function pullChart(portal: TestPortal, auth: string, tag = '1.4.0') {
  const response = await registry(portal, `${CHART}/manifests/${tag}`, auth);
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const manifest = JSON.parse(new TextDecoder().decode(bytes));
  const layer = await registry(portal, `${CHART}/blobs/${manifest.layers[0].digest}`, auth);
  expect(layer.status).toBe(200);
  const tgz = new Uint8Array(await layer.arrayBuffer());
  return { response, bytes, manifest, digest: response.headers.get('docker-content-digest'), tgz };
}

/** Files of the archive, one after the other, as GNU tar extracts them. */
function untar(tgz: Uint8Array, ...paths: string[]): string {
  const extracted = spawnSync('tar', ['-xzOf', '-', ...paths], { input: tgz, encoding: 'utf8', timeout: 10_000 });
  expect(extracted.status, extracted.stderr).toBe(0);
  return extracted.stdout;
}

const teamIdOf = async (portal: TestPortal, cookie: string) =>
  ((await (await portal.request('/api/license', { cookie })).json()) as { customerId: string }).customerId;

describe("the Helm chart carries the customer's values (issue 7)", () => {
  it('injects the license, the portal endpoint and the release into values.yaml, keeping the vendor values', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    const { response, bytes, manifest, digest, tgz } = await pullChart(portal, basic(install.token), '1.3.0');

    expect(response.headers.get('content-type')).toBe(OCI_MANIFEST);
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(digest).toBe(await sha256(bytes));
    expect(manifest.config.mediaType).toBe('application/vnd.cncf.helm.config.v1+json');
    expect(manifest.layers[0]).toMatchObject({ digest: await sha256(tgz), size: tgz.length });

    const valuesYaml = untar(tgz, 'atlas/values.yaml');
    const values = parse(valuesYaml);
    const license = await issuedLicense(
      { db: portal.db, publicUrl: TEST_ORIGIN },
      await teamIdOf(portal, install.cookie),
    );
    const auth = btoa('2kLp9QvX7mRt4Acme:2kLp9QvX7mRt4Acme');
    expect(values.replicated).toEqual({
      license: license.yaml,
      licenseFields: values.global.replicated.licenseFields,
      appName: 'Atlas Analytics',
      channelID: license.channelId,
      channelName: 'Stable',
      channelSequence: 4,
      releaseSequence: 4,
      releaseCreatedAt: '2026-08-11T00:00:00.000Z',
      releaseNotes: expect.stringContaining('SAML single sign-on'),
      versionLabel: '1.3.0',
      replicatedAppEndpoint: 'http://portal.test',
    });
    expect(values.global.replicated).toEqual({
      channelName: 'Stable',
      customerEmail: 'alice@acme.example',
      customerName: 'Acme Corp',
      dockerconfigjson: expect.any(String),
      licenseFields: expect.objectContaining({
        edition: { name: 'edition', title: 'edition', value: 'enterprise', valueType: 'String' },
      }),
      licenseID: '2kLp9QvX7mRt4Acme',
      licenseType: 'paid',
    });
    expect(JSON.parse(atob(values.global.replicated.dockerconfigjson))).toEqual({
      auths: { 'portal.test': { auth } },
    });
    // The vendor's own values and comments, and every other file, as shipped.
    expect(values).toMatchObject({
      imageRegistry: '',
      images: { api: { repository: 'atlas-api', tag: '1.3.0' }, web: { repository: 'atlas-web', tag: '1.3.0' } },
      resources: {},
    });
    expect(valuesYaml).toContain("# Images come from the portal's registry");
    const others = ['atlas/Chart.yaml', 'atlas/templates/deployment.yaml'];
    expect(untar(tgz, ...others)).toBe(untar(await vendorChart('1.3.0'), ...others));
    const config = await registry(portal, `${CHART}/blobs/${manifest.config.digest}`, basic(install.token));
    expect(await config.json()).toMatchObject({ name: 'atlas', version: '1.3.0' });
  });

  it('gives the same customer the same digest and bytes on every pull, by tag or by digest', async () => {
    const portal = await createTestPortal();
    const alice = basic((await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE)).token);
    // A teammate's own attempt and token: the same customer, so the same chart.
    const second = await startInstall(portal, 'bob@acme.example', { ...ACME_HELM_ONLINE, name: 'cluster-2' });
    const bob = basic(second.token, 'bob@acme.example');
    const first = await pullChart(portal, alice);
    const again = await pullChart(portal, bob);
    expect(again.digest).toBe(first.digest);
    expect(again.bytes).toEqual(first.bytes);
    expect(again.tgz).toEqual(first.tgz);
    expect(first.digest).not.toBe((await pullChart(portal, alice, '1.3.0')).digest);

    const byDigest = await registry(portal, `${CHART}/manifests/${first.digest}`, bob);
    expect(byDigest.status).toBe(200);
    expect(new Uint8Array(await byDigest.arrayBuffer())).toEqual(first.bytes);
    for (const reference of ['1.4.0', first.digest]) {
      const head = await registry(portal, `${CHART}/manifests/${reference}`, alice, { method: 'HEAD' });
      expect(head.status).toBe(200);
      for (const header of ['content-type', 'content-length', 'docker-content-digest']) {
        expect(head.headers.get(header)).toBe(first.response.headers.get(header));
      }
    }
    const layer = first.manifest.layers[0];
    const headBlob = await registry(portal, `${CHART}/blobs/${layer.digest}`, bob, { method: 'HEAD' });
    expect(headBlob.status).toBe(200);
    expect(headBlob.headers.get('content-length')).toBe(String(layer.size));
    expect(headBlob.headers.get('docker-content-digest')).toBe(layer.digest);
    expect(await headBlob.text()).toBe('');
  });

  it("gives another customer its own chart, and not the first one's manifest or layer", async () => {
    const portal = await createTestPortal({ catalogue: WITH_GLOBEX_HELM });
    const acme = await pullChart(
      portal,
      basic((await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE)).token),
    );
    const globexInstall = await startInstall(portal, 'carol@globex.example', ACME_HELM_ONLINE);
    const globex = basic(globexInstall.token, 'carol@globex.example');
    const own = await pullChart(portal, globex);

    expect(own.digest).not.toBe(acme.digest);
    expect(own.manifest.layers[0].digest).not.toBe(acme.manifest.layers[0].digest);
    expect(parse(untar(own.tgz, 'atlas/values.yaml')).global.replicated).toMatchObject({
      licenseID: '8hWq3ZnB5yGlobex',
      customerName: 'Globex',
      customerEmail: 'carol@globex.example',
    });
    await expectOciError(await registry(portal, `${CHART}/manifests/${acme.digest}`, globex), 404, 'MANIFEST_UNKNOWN');
    const layer = `${CHART}/blobs/${acme.manifest.layers[0].digest}`;
    await expectOciError(await registry(portal, layer, globex), 404, 'BLOB_UNKNOWN');
    expect((await registry(portal, layer, globex, { method: 'HEAD' })).status).toBe(404);
  });

  it("serves neither the vendor's chart layer nor its manifest digest: only the customer's chart", async () => {
    const portal = await createTestPortal();
    const auth = basic((await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE)).token);
    const { digest, manifest } = await vendorManifest('1.4.0');
    await expectOciError(await registry(portal, `${CHART}/manifests/${digest}`, auth), 404, 'MANIFEST_UNKNOWN');
    await expectOciError(
      await registry(portal, `${CHART}/blobs/${manifest.layers[0].digest}`, auth),
      404,
      'BLOB_UNKNOWN',
    );
  });
});

/** The chart as the vendor shipped it in the demo layout. */
async function vendorManifest(tag: string) {
  const artifacts = fileArtifactStore(inject('artifactsDir'));
  const entry = (await readLayout(artifacts)).find((e) => e.repository === 'atlas' && e.tag === tag)!;
  const manifest = JSON.parse(new TextDecoder().decode((await readBlob(artifacts, entry.digest))!));
  return { digest: entry.digest, manifest, artifacts };
}

async function vendorChart(tag: string) {
  const { manifest, artifacts } = await vendorManifest(tag);
  return (await readBlob(artifacts, manifest.layers[0].digest))!;
}
