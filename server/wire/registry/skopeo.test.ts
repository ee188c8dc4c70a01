import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { createApp } from '../../app';
import { fileArtifactStore } from '../../node/artifacts';
import { createTestPortal } from '../../testing/test-portal';
import { ACME_HELM_ONLINE, basic, sha256, startInstall } from '../../testing/registry-client';
import { ensureDebianPackage } from '../../../scripts/testing/debian-package.mjs';

const SKOPEO = '/usr/bin/skopeo';

function run(command: string, args: string[], timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} ${args[0]} failed: ${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

/** Installs skopeo when it is missing and we may; otherwise says why the real-client test cannot run. */
const skopeoUnavailable = () => ensureDebianPackage('skopeo', () => existsSync(SKOPEO));

/**
 * skopeo (containers/image, the library behind podman and CRI-O) against the real BFF on a real
 * port: the 401 challenge, the token flow, manifests, blobs and tags as a real client reads them.
 */
describe('the registry with a real client (skopeo)', () => {
  let unavailable: string | null = null;
  let server: ServerType | undefined;
  let app: ReturnType<typeof createApp> | undefined;
  let host = '';
  let portal: Awaited<ReturnType<typeof createTestPortal>>;
  let scratch = '';

  beforeAll(async () => {
    unavailable = await skopeoUnavailable();
    if (unavailable) return;
    portal = await createTestPortal();
    scratch = await mkdtemp(join(tmpdir(), 'portico-skopeo-'));
    // The challenge's realm comes from PUBLIC_URL, so the app is told the address it listens on.
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: (request) => app!.fetch(request), port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve(info.port),
      );
    });
    host = `127.0.0.1:${port}`;
    app = createApp({
      db: portal.db,
      publicUrl: `http://${host}`,
      now: portal.clock.now,
      mailer: { send: async () => {} },
      events: portal.events,
      artifacts: fileArtifactStore(inject('artifactsDir')),
    });
  });

  afterAll(async () => {
    if (server) {
      const closed = new Promise((resolve) => server!.close(resolve));
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closed;
    }
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('inspects and copies both images, and the attempt shows the login and the pull', async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const install = await startInstall(portal, 'alice@acme.example', ACME_HELM_ONLINE);
    const creds = `alice@acme.example:${install.token}`;
    // --insecure-policy: this checks the registry, not the host's signature policy.
    const skopeo = (...args: string[]) => run(SKOPEO, ['--insecure-policy', ...args]);

    const inspected = JSON.parse(
      await skopeo('inspect', '--tls-verify=false', '--creds', creds, `docker://${host}/atlas/stable/atlas-api:1.4.0`),
    );
    expect(inspected).toMatchObject({
      Name: `${host}/atlas/stable/atlas-api`,
      Digest: expect.stringMatching(/^sha256:[a-f0-9]{64}$/),
      RepoTags: ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0'],
      Architecture: 'amd64',
      Os: 'linux',
    });
    expect((await install.checkpoints()).registry_login).not.toBeNull();

    for (const repository of ['atlas-api', 'atlas-web']) {
      const target = join(scratch, repository);
      await skopeo(
        'copy',
        '--src-tls-verify=false',
        '--src-creds',
        creds,
        `docker://${host}/atlas/stable/${repository}:1.4.0`,
        `dir:${target}`,
      );
      const manifest = await readFile(join(target, 'manifest.json'));
      const { config, layers } = JSON.parse(manifest.toString('utf8'));
      const files = await readdir(target);
      for (const { digest } of [config, ...layers]) {
        const hex = digest.slice('sha256:'.length);
        expect(files).toContain(hex);
        expect(await sha256(await readFile(join(target, hex)))).toBe(digest);
      }
      if (repository === 'atlas-api') expect(await sha256(manifest)).toBe(inspected.Digest);
    }

    expect(await install.checkpoints()).toMatchObject({
      registry_login: expect.any(String),
      images_pulled: expect.any(String),
    });
  });

  it("copies the Helm chart with the customer's values, its digests intact", async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const install = await startInstall(portal, 'alice@acme.example', { ...ACME_HELM_ONLINE, name: 'cluster-chart' });
    const target = join(scratch, 'chart');
    await run(SKOPEO, [
      '--insecure-policy',
      'copy',
      '--src-tls-verify=false',
      '--src-creds',
      `alice@acme.example:${install.token}`,
      `docker://${host}/atlas/stable/atlas:1.4.0`,
      `dir:${target}`,
    ]);
    const manifest = await readFile(join(target, 'manifest.json'));
    const served = await app!.request(`http://${host}/v2/atlas/stable/atlas/manifests/1.4.0`, {
      headers: { authorization: basic(install.token) },
    });
    expect(await sha256(manifest)).toBe(served.headers.get('docker-content-digest'));
    const { layers } = JSON.parse(manifest.toString('utf8'));
    const chartFile = join(target, layers[0].digest.slice('sha256:'.length));
    expect(await sha256(await readFile(chartFile))).toBe(layers[0].digest);
    const values = parse(await run('tar', ['-xzOf', chartFile, 'atlas/values.yaml']));
    expect(values.replicated.replicatedAppEndpoint).toBe(`http://${host}`);
    expect(values.global.replicated.licenseID).toBe('2kLp9QvX7mRt4Acme');
  });
});
