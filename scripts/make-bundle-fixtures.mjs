// Writes the support-bundle fixtures the inspector's tests read (server/support-bundles/inspect):
// two air-gap bundles with Replicated SDK report secrets, and a hostile corpus, one small file per
// refusal of reference/support-bundle-and-sdk-formats.md A7. The tar is written by hand here
// because server/http/tar.ts (rightly) cannot write a hostile entry.
// Usage: node scripts/make-bundle-fixtures.mjs   (deterministic: a test checks the committed copies)
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { hostileFixtures } from './bundle-fixtures/hostile.mjs';
import { entry, json, link, paxEntry, ROOT, tgz, versionYaml } from './bundle-fixtures/tar.mjs';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../server/support-bundles/fixtures');
export const ACME_LICENSE_ID = '2kLp9QvX7mRt4Acme';
export const INITECH_LICENSE_ID = '5tRv1KxM9pInitech';

/** A Secret collector output holding an SDK report: base64(gzip(JSON)) (A3). */
function reportSecret(namespace, name, events) {
  const value = gzipSync(Buffer.from(JSON.stringify({ events }))).toString('base64');
  return json({ namespace, name, key: 'report', secretExists: true, keyExists: true, value });
}

function node(name, ready, labels = {}) {
  return {
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/arch': 'amd64', ...labels } },
    spec: { providerID: `k0s://${name}` },
    status: {
      conditions: [
        { type: 'MemoryPressure', status: 'False' },
        { type: 'Ready', status: ready ? 'True' : 'False', reason: ready ? 'KubeletReady' : 'KubeletNotReady' },
      ],
      nodeInfo: { kubeletVersion: 'v1.30.4+k0s', osImage: 'Ubuntu 22.04.4 LTS' },
    },
  };
}

const INSTANCE_ID = '5f1d2c3b-8e9a-4b7c-9d0e-1a2b3c4d5e6f';
const at = (iso) => Date.parse(iso);
const sdkEvent = (reportedAt, fields) => ({
  reported_at: at(reportedAt),
  license_id: ACME_LICENSE_ID,
  instance_id: INSTANCE_ID,
  cluster_id: INSTANCE_ID,
  k8s_version: 'v1.30.4+k0s',
  k8s_distribution: 'embedded-cluster',
  downstream_channel_name: 'Stable',
  ...fields,
});

/** Acme's air-gapped instance: two reports, written out of order, the later one degraded. */
function airgapAcme() {
  const r = (path) => `${ROOT}/${path}`;
  const events = [
    sdkEvent('2026-11-19T08:00:00Z', {
      user_agent: 'Replicated-SDK/1.19.6',
      app_status: 'degraded',
      resource_states: JSON.stringify([
        { kind: 'deployment', name: 'api', namespace: 'atlas', state: 'ready' },
        { kind: 'statefulset', name: 'db', namespace: 'atlas', state: 'degraded' },
      ]),
      downstream_channel_id: '2kLp9QvX7mRt4StblChnl',
      downstream_channel_sequence: 5,
      tags: JSON.stringify({ force: false, tags: { name: 'prod-east' } }),
    }),
    sdkEvent('2026-11-01T08:00:00Z', {
      user_agent: 'Replicated-SDK/1.19.5',
      app_status: 'ready',
      resource_states: JSON.stringify([{ kind: 'deployment', name: 'api', namespace: 'atlas', state: 'ready' }]),
      downstream_channel_id: '2kLp9QvX7mRt4StblChnl',
      downstream_channel_sequence: 4,
    }),
  ];
  const metrics = [
    {
      reported_at: at('2026-11-02T00:00:00Z'),
      license_id: ACME_LICENSE_ID,
      instance_id: INSTANCE_ID,
      data: { active_users: 120 },
    },
    {
      reported_at: at('2026-11-18T00:00:00Z'),
      license_id: ACME_LICENSE_ID,
      instance_id: INSTANCE_ID,
      data: { active_users: 150, sso_enabled: true },
    },
  ];
  const analysis = [
    analyzer('kubernetes.version', 'Kubernetes Version', 'debug', 'Your cluster meets the minimum version'),
    analyzer('node.resources', 'Node Resources', 'warn', 'One node has less than 8 GiB of memory'),
    analyzer('atlas.db', 'Atlas database', 'error', 'The database StatefulSet is not ready'),
  ];
  const longLog = `cluster-resources/pods/logs/atlas/atlas-db-0-with-a-very-long-pod-name-that-needs-a-pax-header/postgres-${'x'.repeat(40)}.log`;
  return tgz(
    entry(r('version.yaml'), versionYaml, { mode: 0o644 }),
    entry(r('analysis.json'), json(analysis), { mode: 0o644 }),
    entry(
      r('cluster-info/cluster_version.json'),
      json({ info: { major: '1', minor: '30', gitVersion: 'v1.30.4+k0s' }, string: 'v1.30.4+k0s' }),
    ),
    entry(
      r('cluster-resources/nodes.json'),
      json({
        kind: 'NodeList',
        items: [
          node('node-1', true, { 'kots.io/embedded-cluster-role': 'total-1' }),
          node('node-2', true),
          node('node-3', false),
        ],
      }),
    ),
    entry(
      r('secrets/atlas/replicated-instance-report/report.json'),
      reportSecret('atlas', 'replicated-instance-report', events),
    ),
    entry(
      r('secrets/atlas/replicated-custom-app-metrics-report/report.json'),
      reportSecret('atlas', 'replicated-custom-app-metrics-report', metrics),
    ),
    entry(
      r('replicated-sdk/atlas/replicated-7d9f/replicated-license-info-stdout.txt'),
      json({ licenseID: ACME_LICENSE_ID, appSlug: 'atlas', customerName: 'Acme Corp' }),
    ),
    entry(
      r('replicated-sdk/atlas/replicated-7d9f/replicated-app-info-stdout.txt'),
      json({ instanceID: INSTANCE_ID, appSlug: 'atlas', currentRelease: { versionLabel: '1.4.0' } }),
    ),
    paxEntry({ path: r(longLog) }, 'PaxHeaders/ignored', 'postgres is starting\n'),
    entry(`././@LongLink`, `${r('cluster-resources/pods/logs/atlas/api-0/api.log')}\0`, { type: 'L' }),
    entry('ignored-short-name', 'listening on :8080\n'),
    link(r('atlas-logs/api.log'), '../cluster-resources/pods/logs/atlas/api-0/api.log'),
    entry(r('execution-data/summary.txt'), 'Duration: 1,234ms\n'),
    entry(r('files/binary.bin'), Buffer.from([0x00, 0x01, 0x02, 0xff])),
  );
}

function analyzer(name, primary, severity, detail) {
  return { name, labels: {}, insight: { name, primary, detail, severity }, severity, analyzerSpec: '', variables: {} };
}

/** Initech's bundle, written without a top folder (version.yaml at the top, A1). */
function airgapInitech() {
  const events = [
    {
      reported_at: at('2026-11-10T12:00:00Z'),
      license_id: INITECH_LICENSE_ID,
      instance_id: 'initech-instance-1',
      user_agent: 'Replicated-SDK/1.19.6',
      app_status: 'ready',
      k8s_version: 'v1.31.2+rke2r1',
    },
  ];
  return tgz(
    entry('version.yaml', versionYaml),
    entry('analysis.json', '[]'),
    entry('cluster-info/cluster_version.json', json({ info: { gitVersion: 'v1.31.2+rke2r1' } })),
    entry('cluster-resources/license.json', json({ licenseID: INITECH_LICENSE_ID, appSlug: 'atlas' })),
    entry(
      'secrets/initech/replicated-instance-report/report.json',
      reportSecret('initech', 'replicated-instance-report', events),
    ),
  );
}

/** Every fact's file present but broken: the facts are null, the bundle is still accepted. */
function malformedFacts() {
  const r = (path) => `${ROOT}/${path}`;
  return tgz(
    entry(r('version.yaml'), 'spec: [versionNumber: *nope\n'),
    entry(r('analysis.json'), '{"not":"an array"}'),
    entry(r('cluster-info/cluster_version.json'), '{"info":'),
    entry(r('cluster-resources/nodes.json'), Buffer.from([0xc3, 0x28])),
    entry(
      r('secrets/atlas/replicated-instance-report/report.json'),
      json({ secretExists: true, keyExists: true, value: 'H4sI not base64!' }),
    ),
    entry(
      r('secrets/other/replicated-instance-report/report.json'),
      json({ secretExists: true, keyExists: true, value: gzipSync('{"events":42}').toString('base64') }),
    ),
  );
}

/** Every fixture by its file name under server/support-bundles/fixtures. */
export function bundleFixtures() {
  return {
    'airgap-acme.tar.gz': airgapAcme(),
    'airgap-initech.tar.gz': airgapInitech(),
    'malformed-facts.tar.gz': malformedFacts(),
    ...Object.fromEntries(Object.entries(hostileFixtures()).map(([name, bytes]) => [`hostile/${name}`, bytes])),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await rm(OUT, { recursive: true, force: true });
  for (const [name, bytes] of Object.entries(bundleFixtures())) {
    await mkdir(dirname(join(OUT, name)), { recursive: true });
    await writeFile(join(OUT, name), bytes);
  }
  console.log(`Wrote ${Object.keys(bundleFixtures()).length} fixtures to ${OUT}.`);
}
