import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestPortal, type TestPortal } from '../../testing/test-portal';
import { checkpointTimes, instanceCounts, startInstall } from '../../testing/ingest-client';

/**
 * The whole Embedded Cluster path with real tools: the portal listens on a port, curl downloads
 * the bundle, tar unpacks it and bash runs the installer, which reports back with curl.
 */

type Run = { code: number | null; stdout: string; stderr: string };

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, timeout: 30_000, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let server: Server;
let url: string;
let portal: TestPortal;
const dirs: string[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve) => {
    server = serve({ fetch: (request) => portal.app.fetch(request), port: 0, hostname: '127.0.0.1' }, (info) => {
      url = `http://127.0.0.1:${info.port}`;
      resolve();
    }) as Server;
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

beforeEach(async () => {
  portal = await createTestPortal({ publicUrl: url });
});

/** Downloads and unpacks a bundle the way the portal's instructions say; returns the folder. */
async function downloadBundle(token: string, path = '/embedded/atlas/stable/1.4.0') {
  const dir = await mkdtemp(join(tmpdir(), 'portico-ec-'));
  dirs.push(dir);
  const curl = await run(
    'curl',
    ['-f', '--max-time', '20', `${url}${path}`, '-H', `Authorization: ${token}`, '-o', 'atlas-stable.tgz'],
    dir,
  );
  expect(curl.code, curl.stderr).toBe(0);
  const tar = await run('tar', ['-xvzf', 'atlas-stable.tgz'], dir);
  expect(tar.code, tar.stderr).toBe(0);
  return { dir, listed: tar.stdout.trim().split('\n') };
}

describe('the demo installer against a running portal', () => {
  it('installs with --dry-run and the attempt goes from download to a ready instance', async () => {
    const install = await startInstall(portal, 'alice@acme.example');
    const { dir, listed } = await downloadBundle(install.token);
    expect(listed).toEqual(['atlas', 'license.yaml']);
    expect(await readFile(join(dir, 'license.yaml'), 'utf8')).toContain(`  endpoint: "${url}"`);

    const installer = await run('bash', ['./atlas', 'install', '--license', 'license.yaml', '--dry-run'], dir);
    expect(installer.code, installer.stderr).toBe(0);
    expect(installer.stderr).toBe('');
    expect(installer.stdout).toContain('Dry run: nothing on this host changes.');
    expect(installer.stdout).toContain(`Reporting to ${url}`);
    expect(installer.stdout).toContain('Atlas Analytics 1.4.0 is installed.');

    const attempt = await install.read();
    expect(attempt.status).toBe('succeeded');
    const times = checkpointTimes(attempt);
    for (const name of ['assets_downloaded', 'installation_completed', 'instance_ready']) {
      expect(times[name], name).not.toBeNull();
    }
    expect(await instanceCounts(portal, install.cookie)).toEqual({ active: 1, inactive: 0 });
  });

  it('reports a failed preflight with --fail, exits non-zero, and the attempt shows why', async () => {
    const install = await startInstall(portal, 'alice@acme.example', { name: 'vm-2' });
    const { dir } = await downloadBundle(install.token);

    const installer = await run(
      'bash',
      ['./atlas', 'install', '--license', 'license.yaml', '--dry-run', '--fail'],
      dir,
    );
    expect(installer.code).toBe(1);
    expect(installer.stderr).toContain('Error: host preflight failed: at least 2 CPU cores are required');

    const attempt = await install.read();
    expect(attempt.status).toBe('failed');
    expect(attempt.failureReason).toBe('host preflight failed: at least 2 CPU cores are required');
    expect(checkpointTimes(attempt)).toMatchObject({ installation_completed: null, instance_ready: null });
  });

  it('stops with the portal’s own message once the attempt is discarded', async () => {
    const install = await startInstall(portal, 'alice@acme.example');
    const { dir } = await downloadBundle(install.token);
    await portal.request(`/api/installs/${install.attempt.id}`, { method: 'DELETE', cookie: install.cookie });

    const installer = await run('bash', ['./atlas', 'install', '--license', 'license.yaml', '--dry-run'], dir);
    expect(installer.code).toBe(1);
    expect(installer.stderr).toBe(
      'Error: the portal answered 401 to POST /embedded_cluster_metrics/InstallationStarted: ' +
        'This token is not valid. Start a new installation in the portal.\n',
    );
    const again = await run(
      'curl',
      [
        '-f',
        '--max-time',
        '20',
        `${url}/embedded/atlas/stable`,
        '-H',
        `Authorization: ${install.token}`,
        '-o',
        'again.tgz',
      ],
      dir,
    );
    expect(again.code).toBe(22);
    expect(await instanceCounts(portal, install.cookie)).toEqual({ active: 0, inactive: 0 });
  });

  it('goes through the proxy given with --https-proxy', async () => {
    const install = await startInstall(portal, 'alice@acme.example');
    const { dir } = await downloadBundle(install.token);
    // Nothing listens on port 9: only a curl that really uses the proxy fails to connect.
    const args = [
      './atlas',
      'install',
      '--license',
      'license.yaml',
      '--dry-run',
      '--https-proxy',
      'http://127.0.0.1:9',
    ];
    const installer = await run('bash', args, dir);
    expect(installer.code).toBe(1);
    expect(installer.stderr).toContain(`Error: could not reach the portal at ${url}`);
    expect((await install.read()).status).toBe('in_progress');
  });

  it('installs from the air gap bundle without sending anything out', async () => {
    const install = await startInstall(portal, 'dave@initech.example', {
      version: '1.5.0-beta.1',
      options: { network: 'airgap' },
    });
    const { dir, listed } = await downloadBundle(install.token, '/embedded/atlas/beta?airgap=true');
    expect(listed).toEqual(['atlas', 'license.yaml', 'atlas.airgap']);

    const args = ['./atlas', 'install', '--license', 'license.yaml', '--airgap-bundle', 'atlas.airgap', '--dry-run'];
    const installer = await run('bash', args, dir);
    expect(installer.code, installer.stderr).toBe(0);
    expect(installer.stdout).toContain('Air gap: nothing is sent out.');
    expect(installer.stdout).toContain('Atlas Analytics 1.5.0-beta.1 is installed.');
    expect(checkpointTimes(await install.read())).toMatchObject({ installation_completed: null });
    expect(checkpointTimes(await install.read()).assets_downloaded).not.toBeNull();
  });

  it('asks for root unless --dry-run', async () => {
    const install = await startInstall(portal, 'alice@acme.example');
    const { dir } = await downloadBundle(install.token);
    const asRoot = process.getuid?.() === 0;
    if (asRoot && !existsSync('/usr/bin/setpriv')) return; // no way to drop to an ordinary user here
    await chmod(dir, 0o755);
    const command = ['bash', './atlas', 'install', '--license', 'license.yaml'];
    const dropped = ['--reuid=65534', '--regid=65534', '--clear-groups', ...command];
    const installer = asRoot ? await run('setpriv', dropped, dir) : await run(command[0]!, command.slice(1), dir);
    expect(installer.code).toBe(1);
    expect(installer.stderr).toBe(
      'Error: run this as root: sudo ./atlas install --license license.yaml (or add --dry-run)\n',
    );
    expect((await install.read()).status).toBe('in_progress');
  });
});
