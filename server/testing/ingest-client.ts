import type { InstallAttempt, InstallAttemptWithToken, CreateInstallInput } from '../../contract/installs';
import type { TestPortal } from './test-portal';

/**
 * What the ingest tests do as a customer would: start an install in the portal, then act as the
 * machine with its token. The wire/ tests use it, and any test that needs an attempt started.
 */

export const ACME_EMBEDDED: CreateInstallInput = {
  method: 'embedded',
  name: 'vm-1',
  version: '1.4.0',
  options: { network: 'online' },
};

export async function startInstall(portal: TestPortal, email: string, input: Partial<CreateInstallInput> = {}) {
  const cookie = await portal.signIn(email);
  const created = await portal.request('/api/installs', {
    method: 'POST',
    cookie,
    json: { ...ACME_EMBEDDED, ...input },
  });
  if (created.status !== 201) throw new Error(`could not start an install: ${created.status} ${await created.text()}`);
  const { attempt, token } = (await created.json()) as InstallAttemptWithToken;
  const read = async (): Promise<InstallAttempt> => {
    const response = await portal.request(`/api/installs/${attempt.id}`, { cookie });
    if (response.status !== 200) throw new Error(`could not read the attempt: ${response.status}`);
    return (await response.json()) as InstallAttempt;
  };
  return { cookie, attempt, token, read };
}

/** Checkpoint name → when it was reached (null while pending). */
export const checkpointTimes = (attempt: InstallAttempt) =>
  Object.fromEntries(attempt.checkpoints.map((c) => [c.name, c.at]));

export async function instanceCounts(portal: TestPortal, cookie: string) {
  const response = await portal.request('/api/dashboard', { cookie });
  const { active, inactive } = ((await response.json()) as { instances: { active: number; inactive: number } })
    .instances;
  return { active, inactive };
}

export type TarFile = { name: string; mode: number; size: number; bytes: Uint8Array; text: string };

/** Gunzips and reads a ustar archive, checking each header's checksum on the way. */
export async function readTgz(body: ReadableStream<Uint8Array<ArrayBuffer>>): Promise<TarFile[]> {
  const tar = new Uint8Array(await new Response(body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  const files: TarFile[] = [];
  const field = (block: Uint8Array, offset: number, length: number) =>
    new TextDecoder().decode(block.subarray(offset, offset + length)).replace(/\0.*$/s, '');
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const checksum = header.reduce((sum, byte, i) => sum + (i >= 148 && i < 156 ? 0x20 : byte), 0);
    if (parseInt(field(header, 148, 8), 8) !== checksum) throw new Error(`bad checksum at ${offset}`);
    if (field(header, 257, 6) !== 'ustar') throw new Error(`not a ustar header at ${offset}`);
    const size = parseInt(field(header, 124, 12), 8);
    const bytes = tar.slice(offset + 512, offset + 512 + size);
    files.push({
      name: field(header, 0, 100),
      mode: parseInt(field(header, 100, 8), 8),
      size,
      bytes,
      text: new TextDecoder().decode(bytes),
    });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** A Replicated SDK check-in as the SDK sends it, with overrides for each part. */
export function sdkCheckIn(
  portal: TestPortal,
  token: string,
  options: {
    headers?: Record<string, string | undefined>;
    body?: unknown;
    authorization?: string;
    states?: { kind: string; name: string; namespace: string; state: string }[];
  } = {},
) {
  const states = options.states ?? [{ kind: 'deployment', name: 'atlas-api', namespace: 'atlas', state: 'ready' }];
  const headers: Record<string, string | undefined> = {
    authorization: options.authorization ?? `Basic ${btoa(`${token}:${token}`)}`,
    'content-type': 'application/json',
    'user-agent': 'Replicated-SDK/1.0.0',
    'X-Replicated-InstanceID': 'inst-0001',
    'X-Replicated-ClusterID': 'cluster-0001',
    'X-Replicated-AppStatus': 'ready',
    'X-Replicated-K8sVersion': 'v1.31.4+k0s',
    'X-Replicated-K8sDistribution': 'embedded-cluster',
    'X-Replicated-DownstreamChannelSequence': '5',
    ...options.headers,
  };
  const body =
    options.body === undefined
      ? JSON.stringify({
          resource_states: JSON.stringify(states),
          running_images: { 'registry.atlas.example/atlas/api': ['sha256:abc'] },
        })
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const sent = new Headers();
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) sent.set(name, value);
  return portal.app.request('http://portal.test/kots_metrics/license_instance/info', {
    method: 'POST',
    headers: sent,
    body,
  });
}
