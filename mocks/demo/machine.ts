import type { InstallAttempt } from '../../contract/installs';

/**
 * "Play the machine" (issue 11): what a Linux VM sends while it follows an Embedded Cluster
 * install's steps, sent from the page through the service worker to the BFF, in the wire formats
 * of the demo installer (scripts/demo-artifacts/) and of the clients it stands for: curl's
 * download, the installer's events (embedded-cluster pkg/metrics) and the Replicated SDK's
 * check-in. A browser sends its own User-Agent whatever we ask; the rest is as on the wire.
 */

export type MachineStep = 'download' | 'started' | 'succeeded' | 'checkIn';
export type MachineReport = (step: MachineStep, status: number) => void;

const EC_VERSION = '2.4.0+k8s-1.31';
const K8S_VERSION = 'v1.31.4+k0s';
const PAUSE_MS = 1200; // Long enough to watch each box tick.

/** A machine's request: no cookies (credentials omitted), as curl and the installer send none. */
async function send(path: string, init: RequestInit = {}) {
  const response = await fetch(path, { ...init, credentials: 'omit' });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}`);
  return response;
}

/** The portal's own view of the attempt, read with the visitor's session (the page's, not the machine's). */
async function readJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export async function playTheMachine(attemptId: string, token: string, report: MachineReport) {
  const attempt = await readJson<InstallAttempt>(`/api/installs/${encodeURIComponent(attemptId)}`);
  const { appSlug } = await readJson<{ appSlug: string }>('/api/branding');
  const { channel } = await readJson<{ channel: { slug: string } }>('/api/releases');
  const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));

  // Step 1, as pasted: curl -f <portal>/embedded/<app>/<channel>/<version> -H 'Authorization: <token>'
  const path = [appSlug, channel.slug, attempt.version].map(encodeURIComponent).join('/');
  const download = await send(`/embedded/${path}`, { headers: { authorization: token } });
  const files = await readTgz(download.body!);
  report('download', download.status);
  const license = files.get('license.yaml') ?? '';
  const field = (name: string) => new RegExp(`^\\s*${name}:\\s*"?([^"\\s]+)"?\\s*$`, 'm').exec(license)?.[1] ?? '';
  const licenseId = field('licenseID');
  const channelId = field('channelID');

  // Step 3: the installer's events, then the SDK's first check-in from the running app.
  const ids = { executionID: crypto.randomUUID(), clusterID: crypto.randomUUID() };
  const event = (eventType: string, isExitEvent: boolean) => ({
    ...ids,
    version: EC_VERSION,
    hostname: attempt.name,
    entryCommand: 'install',
    flags: '--license license.yaml',
    eventType,
    reason: '',
    isExitEvent,
  });
  const versions = { EmbeddedCluster: EC_VERSION, Kubernetes: K8S_VERSION };
  const installerHeaders = { 'content-type': 'application/json', 'user-agent': `Embedded-Cluster/${EC_VERSION}` };
  await pause();
  const started = await send('/embedded_cluster_metrics/InstallationStarted', {
    method: 'POST',
    headers: installerHeaders,
    body: JSON.stringify({
      event: {
        ...event('InstallationStarted', false),
        binaryName: appSlug,
        type: 'centralized',
        licenseID: licenseId,
        appChannelID: channelId,
        appVersion: attempt.version,
      },
      versions,
    }),
  });
  report('started', started.status);
  await pause();
  const succeeded = await send('/embedded_cluster_metrics/GenericEvent', {
    method: 'POST',
    headers: installerHeaders,
    body: JSON.stringify({ event: event('InstallationSucceeded', true), versions }),
  });
  report('succeeded', succeeded.status);
  await pause();
  const states = ['api', 'web'].map((name) => ({ kind: 'deployment', name: `${appSlug}-${name}`, namespace: appSlug }));
  const checkIn = await send('/kots_metrics/license_instance/info', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Replicated-SDK/1.0.0',
      authorization: `Basic ${btoa(`${licenseId}:${licenseId}`)}`,
      'x-replicated-k8sversion': K8S_VERSION,
      'x-replicated-clusterid': crypto.randomUUID(),
      'x-replicated-instanceid': `demo-${attemptId.slice(0, 8)}`,
      'x-replicated-appstatus': 'ready',
      'x-replicated-downstreamchannelid': channelId,
      'x-replicated-k8sdistribution': 'embedded-cluster',
      'x-replicated-embeddedclusterid': ids.clusterID,
      'x-replicated-embeddedclusterversion': EC_VERSION,
    },
    body: JSON.stringify({
      resource_states: JSON.stringify(states.map((s) => ({ ...s, state: 'ready' }))),
      running_images: {},
    }),
  });
  report('checkIn', checkIn.status);
}

/** The text files of a .tar.gz (ustar), by name: the download's license.yaml is all the machine reads. */
async function readTgz(body: ReadableStream<Uint8Array<ArrayBuffer>>): Promise<Map<string, string>> {
  const tar = new Uint8Array(await new Response(body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  const files = new Map<string, string>();
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const name = text(header.subarray(0, 100)).replace(/\0.*$/s, '');
    const size = parseInt(text(header.subarray(124, 136)).replace(/\0.*$/s, ''), 8);
    files.set(name, text(tar.subarray(offset + 512, offset + 512 + size)));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
