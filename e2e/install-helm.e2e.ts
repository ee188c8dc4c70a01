import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { parse } from 'yaml';
import { checkA11y } from './fixtures/a11y';
import { testWithOwnServer as test } from './fixtures/own-server';
import {
  checkpointStates,
  copyStep,
  expectStatus,
  expectTicked,
  startInstallInWizard,
  stepCommands,
  waitUntilLive,
} from './support/install-page';
import { ensureSkopeo, mustRun, run, SKOPEO } from './support/installs';

const LOGIN = 'Log in to the registry';
const EMAIL = 'bob@acme.example';

describe('a Helm install, followed live', () => {
  test.override({ user: EMAIL }); // A member: members may install.
  let scratch = '';
  beforeAll(async () => {
    await ensureSkopeo();
    scratch = await mkdtemp(join(tmpdir(), 'portico-e2e-helm-'));
  }, 300_000);
  afterAll(() => (scratch ? rm(scratch, { recursive: true, force: true }) : undefined));

  test('a real registry client, then an SDK check-in with the license from the pulled chart, tick every step live', async ({
    signedIn: { page },
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });

    await page.goto('/install');
    await page.getByRole('heading', { level: 1, name: 'Install', exact: true }).waitFor();
    await startInstallInWizard(page, {
      method: 'Helm',
      name: 'atlas-k8s',
      network: 'Outbound requests allowed',
      distribution: 'Vanilla Kubernetes',
      registryAccess: 'My workstation reaches the internet, the registry and the cluster',
      version: '1.4.0',
    });
    await waitUntilLive(page);
    expect(await checkpointStates(page)).toEqual({
      Started: 'true',
      'Registry login': 'false',
      'Images pulled': 'false',
      'Installation completed': 'false',
      'Instance ready': 'false',
    });
    await expectStatus(page, 'In progress');
    await checkA11y(page);

    // The token, from the page: revealed on screen, and the same in the copied login command.
    const host = new URL(baseURL).host;
    const loginBlock = stepCommands(page, `Step 1: ${LOGIN}`);
    expect(await loginBlock.textContent()).toBe(
      `helm registry login ${host} --insecure --username ${EMAIL} --password ••••••••••••`,
    );
    await page.getByRole('button', { name: 'Reveal token' }).click();
    await page.getByRole('button', { name: 'Hide token', pressed: true }).waitFor();
    const shown = (await loginBlock.textContent()) ?? '';
    const token = /--password (portico_sa_[\w-]+)$/.exec(shown)?.[1];
    expect(token, `a token in "${shown}"`).toBeDefined();
    expect(await copyStep(page, LOGIN)).toBe(shown);
    await checkA11y(page);

    const creds = `${EMAIL}:${token}`;
    const image = (repository: string) => `docker://${host}/atlas/stable/${repository}:1.4.0`;
    const skopeo = (...args: string[]) => mustRun(SKOPEO, ['--insecure-policy', ...args], scratch, 60_000);

    // A wrong password is refused, and nothing ticks.
    const refused = await run(
      SKOPEO,
      [
        '--insecure-policy',
        'inspect',
        '--tls-verify=false',
        '--creds',
        `${EMAIL}:portico_sa_wrong`,
        image('atlas-api'),
      ],
      scratch,
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/unauthorized|401/i);

    const inspected = JSON.parse(await skopeo('inspect', '--tls-verify=false', '--creds', creds, image('atlas-api')));
    expect(inspected).toMatchObject({ Name: `${host}/atlas/stable/atlas-api`, Os: 'linux' });
    await expectTicked(page, 'Registry login');
    // One image of two fetched is not "Images pulled" yet.
    expect(await checkpointStates(page)).toMatchObject({ 'Images pulled': 'false' });
    if (process.env.E2E_SCREENSHOTS)
      await page.screenshot({ path: join(process.env.E2E_SCREENSHOTS, 'helm-mid-install.png'), fullPage: true });

    for (const repository of ['atlas-api', 'atlas-web']) {
      const target = join(scratch, repository);
      await skopeo('copy', '--src-tls-verify=false', '--src-creds', creds, image(repository), `dir:${target}`);
      expect(await readdir(target)).toContain('manifest.json');
    }
    await expectTicked(page, 'Images pulled');
    expect(await checkpointStates(page)).toMatchObject({
      'Installation completed': 'false',
      'Instance ready': 'false',
    });
    await checkA11y(page);

    // helm pulls the chart; its values carry the customer's license and where to report, as
    // Replicated's registry injects them. The chart pull is not an image pull.
    const chartDir = join(scratch, 'chart');
    await skopeo('copy', '--src-tls-verify=false', '--src-creds', creds, image('atlas'), `dir:${chartDir}`);
    const { licenseId, endpoint } = await licenseInChart(chartDir);
    expect(endpoint).toBe(baseURL);

    // The Replicated SDK in the installed chart checks in with that license, as it sends it:
    // Basic licenseID:licenseID, Go's header spelling (server/testing/recorded-requests.ts).
    const states = JSON.stringify([{ kind: 'deployment', name: 'api', namespace: 'atlas', state: 'ready' }]);
    const checkIn = await run(
      'curl',
      [
        '-fsS',
        '-X',
        'POST',
        `${endpoint}/kots_metrics/license_instance/info`,
        '-u',
        `${licenseId}:${licenseId}`,
        '-H',
        'User-Agent: Replicated-SDK/v1.0.0',
        '-H',
        'X-Replicated-Instanceid: e2e-helm-instance-1',
        '-H',
        'X-Replicated-Clusterid: e2e-helm-cluster-1',
        '-H',
        'X-Replicated-Appstatus: ready',
        '-H',
        'Content-Type: application/json',
        '-d',
        JSON.stringify({ resource_states: states }),
      ],
      scratch,
    );
    expect(checkIn.code, `the check-in failed: ${checkIn.stderr}`).toBe(0);
    await expectTicked(page, 'Installation completed');
    await expectTicked(page, 'Instance ready');
    await expectStatus(page, 'Succeeded');
    await checkA11y(page);
  });
});

/** The license ID and endpoint in the values.yaml of a chart copied with skopeo to `dir:`. */
async function licenseInChart(dir: string): Promise<{ licenseId: string; endpoint: string }> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
    layers: { mediaType: string; digest: string }[];
  };
  const layer = manifest.layers.find((l) => l.mediaType === 'application/vnd.cncf.helm.chart.content.v1.tar+gzip');
  expect(layer, 'a chart layer').toBeDefined();
  const blob = join(dir, layer!.digest.replace(/^sha256:/, ''));
  const values = parse(await mustRun('tar', ['-xzOf', blob, 'atlas/values.yaml'], dir)) as {
    replicated: { license: string; replicatedAppEndpoint: string };
  };
  const license = parse(values.replicated.license) as { spec: { licenseID: string } };
  return { licenseId: license.spec.licenseID, endpoint: values.replicated.replicatedAppEndpoint };
}
