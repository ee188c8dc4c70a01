import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { channels } from '../../db/schema';
import { createTestPortal, type TestPortal } from '../../testing/test-portal';
import { checkpointTimes, instanceCounts, startInstall } from '../../testing/ingest-client';
import { ACME_LICENSE_ID } from '../../testing/recorded-requests';

/**
 * The whole Embedded Cluster path with real tools: the portal listens on a port, curl downloads
 * the bundle with the attempt's token as the attempt page says, tar unpacks it and bash runs the
 * installer, which reports back with curl as the real clients do: with the license ID alone.
 */

type Run = { code: number | null; stdout: string; stderr: string };

/** The machine's own proxy settings would decide where curl goes: only --https-proxy may. */
const NO_PROXY_ENV = Object.fromEntries(
  ['http_proxy', 'https_proxy', 'all_proxy', 'no_proxy'].flatMap((name) => [
    [name, ''],
    [name.toUpperCase(), ''],
  ]),
);

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...NO_PROXY_ENV, LC_ALL: 'C.UTF-8' };
    const child = spawn(command, args, { cwd, timeout: 30_000, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A request as the portal received it: what a test can say about the client that sent it. */
type Received = { method: string; path: string; headers: Record<string, string>; body: string };

let server: Server;
let url: string;
let portal: TestPortal;
let received: Received[];
const dirs: string[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve) => {
    server = serve(
      {
        fetch: async (request) => {
          const { pathname } = new URL(request.url);
          const body = request.method === 'POST' ? await request.clone().text() : '';
          received.push({ method: request.method, path: pathname, headers: Object.fromEntries(request.headers), body });
          return portal.app.fetch(request);
        },
        port: 0,
        hostname: '127.0.0.1',
      },
      (info) => {
        url = `http://127.0.0.1:${info.port}`;
        resolve();
      },
    ) as Server;
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

beforeEach(async () => {
  portal = await createTestPortal({ publicUrl: url });
  received = [];
});

/** Downloads and unpacks a bundle the way the attempt page says; returns the folder. */
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
  received = [];
  return { dir, listed: tar.stdout.trim().split('\n') };
}

const install = (dir: string, ...flags: string[]) =>
  run('bash', ['./atlas', 'install', '--license', 'license.yaml', '--dry-run', ...flags], dir);

const eventOf = (request: Received) => (JSON.parse(request.body) as { event: Record<string, unknown> }).event;
const basicLicense = `Basic ${btoa(`${ACME_LICENSE_ID}:${ACME_LICENSE_ID}`)}`;

describe('the demo installer against a running portal', () => {
  it('ticks the attempt to a ready instance from the license ID alone: the events, then the check-in', async () => {
    const attempt = await startInstall(portal, 'alice@acme.example');
    const { dir, listed } = await downloadBundle(attempt.token);
    expect(listed).toEqual(['atlas', 'license.yaml']);
    const license = await readFile(join(dir, 'license.yaml'), 'utf8');
    expect(license).toContain(`  endpoint: "${url}"`);
    expect(license + (await readFile(join(dir, 'atlas'), 'utf8'))).not.toContain(attempt.token);

    const installer = await install(dir);
    expect(installer.code, installer.stderr).toBe(0);
    expect(installer.stderr).toBe('');
    expect(installer.stdout).toContain('Dry run: nothing on this host changes.');
    expect(installer.stdout).toContain(`Reporting to ${url}`);
    expect(installer.stdout).toContain('Atlas Analytics 1.4.0 is installed.');

    // What the real installer and SDK send (reference B3): events without credentials in the
    // envelope, InstallationStarted on its own path with the license ID and the built-in release,
    // then the SDK's check-in with Basic licenseID:licenseID naming the installer's cluster.
    expect(received.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /embedded_cluster_metrics/InstallationStarted',
      'POST /embedded_cluster_metrics/GenericEvent',
      'POST /kots_metrics/license_instance/info',
    ]);
    const [started, succeeded, checkIn] = received as [Received, Received, Received];
    const [stable] = await portal.db.select().from(channels).where(eq(channels.slug, 'stable'));
    for (const event of [started, succeeded]) {
      expect(event.headers.authorization).toBeUndefined();
      expect(event.headers['user-agent']).toBe('Embedded-Cluster/2.4.0+k8s-1.31');
      expect(Object.keys(JSON.parse(event.body))).toEqual(['event', 'versions']);
    }
    expect(eventOf(started)).toMatchObject({
      eventType: 'InstallationStarted',
      entryCommand: 'install',
      flags: '--dry-run --license license.yaml',
      isExitEvent: false,
      binaryName: 'atlas',
      type: 'centralized',
      licenseID: ACME_LICENSE_ID,
      appChannelID: stable!.id,
      appVersion: '1.4.0',
    });
    const clusterId = eventOf(started).clusterID;
    expect(eventOf(succeeded)).toMatchObject({
      eventType: 'InstallationSucceeded',
      clusterID: clusterId,
      isExitEvent: true,
    });
    expect(checkIn.headers).toMatchObject({
      authorization: basicLicense,
      'user-agent': 'Replicated-SDK/v1.0.0',
      'x-replicated-embeddedclusterid': clusterId,
      'x-replicated-embeddedclusterversion': '2.4.0+k8s-1.31',
      'x-replicated-k8sdistribution': 'embedded-cluster',
      'x-replicated-downstreamchannelid': stable!.id,
      'x-replicated-downstreamchannelsequence': '5',
    });
    expect(typeof JSON.parse(checkIn.body).resource_states).toBe('string');

    const read = await attempt.read();
    expect(read.status).toBe('succeeded');
    const times = checkpointTimes(read);
    for (const name of ['assets_downloaded', 'installation_completed', 'instance_ready']) {
      expect(times[name], name).not.toBeNull();
    }
    expect(await instanceCounts(portal, attempt.cookie)).toEqual({ active: 1, inactive: 0 });
  });

  it('reports a failed host preflight with --fail as the installer does, and the attempt shows why', async () => {
    const failing = await startInstall(portal, 'alice@acme.example', { name: 'vm-2' });
    const { dir } = await downloadBundle(failing.token);

    const installer = await install(dir, '--fail');
    expect(installer.code).toBe(1);
    expect(installer.stderr).toBe('Error: host preflight failed: at least 2 CPU cores are required\n');
    // PreflightsFailed, and no InstallationFailed after it (see events.ts).
    expect(received.map((r) => (r.body ? eventOf(r).eventType : r.path))).toEqual([
      'InstallationStarted',
      'PreflightsFailed',
    ]);

    const attempt = await failing.read();
    expect(attempt.status).toBe('failed');
    expect(attempt.failureReason).toBe('host preflight failed: at least 2 CPU cores are required');
    expect(checkpointTimes(attempt)).toMatchObject({ installation_completed: null, instance_ready: null });

    // A new attempt for the fixed machine: the re-run is a new cluster, so it joins the new attempt.
    const retry = await startInstall(portal, 'alice@acme.example', { name: 'vm-3' });
    const again = await downloadBundle(retry.token);
    expect((await install(again.dir)).code).toBe(0);
    expect((await retry.read()).status).toBe('succeeded');
    expect((await failing.read()).status).toBe('failed');
  });

  it('carries on past refused events as the installer does, and stops with the portal’s reason for a refused check-in', async () => {
    const attempt = await startInstall(portal, 'carol@globex.example');
    const { dir } = await downloadBundle(attempt.token);
    portal.clock.advance(11 * 86_400_000); // Globex's trial ends after 10 days.

    const installer = await install(dir);
    expect(installer.code).toBe(1);
    const expired = 'This license expired on 2026-12-02. Contact your vendor to renew it.';
    expect(installer.stderr.split('\n')).toEqual([
      `Warning: the portal answered 403 to the InstallationStarted event: ${expired}; carrying on, as Embedded Cluster does`,
      "Error: the portal answered 403 to the Replicated SDK's check-in (POST /kots_metrics/license_instance/info): " +
        expired,
      '',
    ]);
    expect(received).toHaveLength(3);
    expect((await attempt.read()).status).not.toBe('succeeded');
  });

  it('still reports after the attempt is discarded, ticking nothing on it', async () => {
    const attempt = await startInstall(portal, 'alice@acme.example');
    const { dir } = await downloadBundle(attempt.token);
    await portal.request(`/api/installs/${attempt.attempt.id}`, { method: 'DELETE', cookie: attempt.cookie });
    const again = await run(
      'curl',
      [
        '-f',
        '--max-time',
        '20',
        `${url}/embedded/atlas/stable`,
        '-H',
        `Authorization: ${attempt.token}`,
        '-o',
        'x.tgz',
      ],
      dir,
    );
    expect(again.code).toBe(22);

    // The license still holds: the instance is recorded, on no attempt (decision 008).
    const installer = await install(dir);
    expect(installer.code, installer.stderr).toBe(0);
    const read = await attempt.read();
    expect(read.status).toBe('discarded');
    expect(checkpointTimes(read)).toMatchObject({ installation_completed: null, instance_ready: null });
    expect(await instanceCounts(portal, attempt.cookie)).toEqual({ active: 1, inactive: 0 });
  });

  it('goes through the proxy given with --https-proxy, and sends its URL redacted', async () => {
    const attempt = await startInstall(portal, 'alice@acme.example');
    const { dir } = await downloadBundle(attempt.token);
    const proxy = await forwardProxy();
    try {
      const installer = await install(dir, `--https-proxy=${proxy.url}`);
      expect(installer.code, installer.stderr).toBe(0);
      expect(installer.stdout).toContain(`Reporting to ${url} through the proxy ${proxy.url}`);
      expect(proxy.seen).toEqual([
        `POST ${url}/embedded_cluster_metrics/InstallationStarted`,
        `POST ${url}/embedded_cluster_metrics/GenericEvent`,
        `POST ${url}/kots_metrics/license_instance/info`,
      ]);
      expect(eventOf(received[0]!).flags).toBe('--dry-run --https-proxy ***** --license license.yaml');
      // Go's Header.Set spelling (net/textproto.CanonicalMIMEHeaderKey), as the SDK's reach the wire.
      expect(proxy.spelled[2]).toEqual(
        expect.arrayContaining([
          'X-Replicated-Instanceid',
          'X-Replicated-Embeddedclusterid',
          'X-Replicated-Embeddedclusterversion',
          'X-Replicated-K8sdistribution',
          'X-Replicated-Downstreamchannelsequence',
        ]),
      );
      expect(proxy.spelled[0]).not.toContain('Authorization');
      expect((await attempt.read()).status).toBe('succeeded');
    } finally {
      await proxy.close();
    }

    // Nothing listens on port 9: only a curl that really uses the proxy fails to connect.
    const unreachable = await install(dir, '--https-proxy', 'http://127.0.0.1:9');
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain(`Error: could not reach the portal at ${url}`);
  });

  it('installs from the air gap bundle without sending anything out', async () => {
    const attempt = await startInstall(portal, 'dave@initech.example', {
      version: '1.5.0-beta.1',
      options: { network: 'airgap' },
    });
    const { dir, listed } = await downloadBundle(attempt.token, '/embedded/atlas/beta?airgap=true');
    expect(listed).toEqual(['atlas', 'license.yaml', 'atlas.airgap']);

    const installer = await install(dir, '--airgap-bundle', 'atlas.airgap');
    expect(installer.code, installer.stderr).toBe(0);
    expect(installer.stdout).toContain('Air gap: nothing is sent out.');
    expect(installer.stdout).toContain('Atlas Analytics 1.5.0-beta.1 is installed.');
    expect(received).toEqual([]);
    const times = checkpointTimes(await attempt.read());
    expect(times.assets_downloaded).not.toBeNull();
    expect(times.installation_completed).toBeNull();
  });

  it('reads a license written with bare values, and refuses another channel’s license or a copy with no release', async () => {
    const attempt = await startInstall(portal, 'alice@acme.example');
    const { dir } = await downloadBundle(attempt.token);
    // A license the vendor platform issued may write its values without quotes.
    const quoted = await readFile(join(dir, 'license.yaml'), 'utf8');
    const bare = quoted.replace(/^( {2}\w+: )"(.*)"$/gm, '$1$2');
    expect(bare).toContain(`\n  licenseID: ${ACME_LICENSE_ID}\n`);
    await writeFile(join(dir, 'license.yaml'), bare);
    const installer = await install(dir);
    expect(installer.code, installer.stderr).toBe(0);
    expect((await attempt.read()).status).toBe('succeeded');

    // As the real installer: the license must hold the channel built into the binary.
    await writeFile(join(dir, 'license.yaml'), bare.replace(/^ {2}channelID: .*$/m, '  channelID: another-channel'));
    const otherChannel = await install(dir);
    expect(otherChannel.code).toBe(1);
    expect(otherChannel.stderr).toMatch(
      /^Error: binary channel \S+ \(stable\) not present in license, channels allowed by license are: Stable \(another-channel\)\n$/,
    );

    // The script as built, before a download wrote its release in.
    await copyFile(join(inject('artifactsDir'), 'embedded', 'atlas'), join(dir, 'atlas'));
    const unreleased = await install(dir);
    expect(unreleased.code).toBe(1);
    expect(unreleased.stderr).toBe(
      'Error: this installer has no release built in: download it from the portal again\n',
    );
  });

  it('asks for root unless --dry-run', async () => {
    const attempt = await startInstall(portal, 'alice@acme.example');
    const { dir } = await downloadBundle(attempt.token);
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
    expect((await attempt.read()).status).toBe('in_progress');
  });
});

/** A plain HTTP forward proxy, as a customer's network may put in the way; it logs what passes. */
async function forwardProxy() {
  const seen: string[] = [];
  /** Header names as spelled on the wire, per request. */
  const spelled: string[][] = [];
  const proxy = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    spelled.push(req.rawHeaders.filter((_, i) => i % 2 === 0));
    const upstream = httpRequest(req.url!, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    spelled,
    close: () => {
      proxy.closeAllConnections();
      return new Promise((resolve) => proxy.close(resolve));
    },
  };
}
