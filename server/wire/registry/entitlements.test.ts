import { describe, expect, it } from 'vitest';
import { demoCatalogueText } from '../../catalogue/demo';
import { createTestPortal, type TestPortal } from '../../testing/test-portal';
import {
  ACME_HELM_ONLINE,
  INITECH_HELM_AIRGAP,
  basic,
  expectOciError,
  registry,
  startInstall,
} from '../../testing/registry-client';

const GLOBEX_EMBEDDED = { method: 'embedded', name: 'vm-1', version: '1.4.0', options: { network: 'online' } } as const;

/** Every kind of repository request, for the chart and for an image, on a channel. */
async function repositoryRequests(portal: TestPortal, auth: string, channel: string, version: string) {
  const manifest = (repository: string) =>
    registry(portal, `/v2/atlas/${channel}/${repository}/manifests/${version}`, auth);
  return {
    chart: await manifest('atlas'),
    image: await manifest('atlas-api'),
    tags: await registry(portal, `/v2/atlas/${channel}/atlas-web/tags/list`, auth),
    blob: await registry(portal, `/v2/atlas/${channel}/atlas-api/blobs/sha256:${'0'.repeat(64)}`, auth),
    unknown: await manifest('no-such-image'),
  };
}

describe("the registry and the license's install types (issue 6, defect 12)", () => {
  it('denies a license without Helm the chart and the images, whether or not a repository exists', async () => {
    const portal = await createTestPortal();
    // Globex's license has the Embedded Cluster only.
    const { token } = await startInstall(portal, 'carol@globex.example', GLOBEX_EMBEDDED);
    const auth = basic(token, 'carol@globex.example');
    for (const [what, response] of Object.entries(await repositoryRequests(portal, auth, 'stable', '1.4.0'))) {
      expect(response.status, what).toBe(403);
      expect((await response.json()).errors).toEqual([
        {
          code: 'DENIED',
          message:
            'Your license does not include Helm installs, so its chart and images cannot be pulled from this registry. Contact your vendor.',
        },
      ]);
    }
    // The token itself is good: logging in works.
    expect((await registry(portal, '/v2/', auth)).status).toBe(200);
    expect((await registry(portal, '/v2/token?service=portal.test', auth)).status).toBe(200);
  });

  it('denies an Embedded Cluster air gap license, whose images come in its bundle', async () => {
    const catalogue = demoCatalogueText.replace('install_types: [airgap, helm_airgap]', 'install_types: [airgap]');
    const portal = await createTestPortal({ catalogue });
    const { token } = await startInstall(portal, 'dave@initech.example', {
      method: 'embedded',
      name: 'vault-1',
      version: '1.5.0-beta.1',
      options: { network: 'airgap' },
    });
    const { chart, image } = await repositoryRequests(portal, basic(token), 'beta', '1.5.0-beta.1');
    await expectOciError(chart, 403, 'DENIED');
    await expectOciError(image, 403, 'DENIED');
  });

  it('serves the chart and images to a license with Helm air gap only', async () => {
    const portal = await createTestPortal();
    // Initech's license: airgap and helm_airgap.
    const { token } = await startInstall(portal, 'dave@initech.example', INITECH_HELM_AIRGAP);
    const { chart, image, tags, unknown } = await repositoryRequests(portal, basic(token), 'beta', '1.5.0-beta.1');
    expect([chart.status, image.status, tags.status]).toEqual([200, 200, 200]);
    await expectOciError(unknown, 404, 'NAME_UNKNOWN');
  });

  it('serves the chart and images to a license with Helm', async () => {
    const portal = await createTestPortal();
    const { token } = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    const { chart, image, tags } = await repositoryRequests(portal, basic(token), 'stable', '1.4.0');
    expect([chart.status, image.status, tags.status]).toEqual([200, 200, 200]);
  });
});
