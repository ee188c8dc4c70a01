import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { inspectBundle } from './index';

// The real troubleshoot bundle, in the ../shared folder that sits beside the project.
const BASELINE = new URL('../../../../shared/fixtures/support-bundles/troubleshoot-baseline.tar.gz', import.meta.url);
const stream = async (path: string | URL) => new Blob([await readFile(path)]).stream();
const fixture = (name: string) => stream(new URL(`../fixtures/${name}`, import.meta.url));

async function inspected(body: ReadableStream<Uint8Array>) {
  const result = await inspectBundle(body);
  if (!result.ok) throw new Error(`refused: ${result.refusal.message}`);
  return result;
}

describe('inspectBundle reads the facts of A6', () => {
  it('from troubleshoot’s own baseline bundle', async () => {
    const { facts, files } = await inspected(await stream(BASELINE));
    expect(facts).toEqual({
      collectedAt: '2025-12-10T17:27:11.000Z',
      troubleshootVersion: 'v0.123.14-14-gf6c4386',
      k8sVersion: 'v1.31.2+k3s1',
      k8sDistribution: 'k3s',
      nodes: { total: 1, ready: 1 },
      analysis: { counts: { error: 0, warn: 0, info: 0, debug: 0 }, results: [] },
      licenseIds: [],
      instanceReports: [],
    });
    // A4: 149 entries, 147 files and 2 symlinks, paths below the top folder "supportbundle".
    expect(files).toHaveLength(149);
    expect(files.filter((file) => file.type === 'symlink')).toEqual([
      {
        path: 'run-example/run-example.log',
        size: 0,
        type: 'symlink',
        target: 'cluster-resources/pods/logs/default/run-example/collector.log',
      },
      {
        path: 'run-pod-example/run-pod-example.log',
        size: 0,
        type: 'symlink',
        target: 'cluster-resources/pods/logs/default/run-pod-example/example.log',
      },
    ]);
    expect(files).toContainEqual({
      path: 'cluster-resources/custom-resource-definitions.json',
      size: 420441,
      type: 'file',
    });
  });

  it('from Acme’s air-gap bundle: the SDK reports replayed in time order, so the latest state wins', async () => {
    const { facts, files } = await inspected(await fixture('airgap-acme.tar.gz'));
    expect(facts).toMatchObject({
      collectedAt: '2026-11-20T10:15:00.000Z',
      troubleshootVersion: 'v0.123.14',
      k8sVersion: 'v1.30.4+k0s',
      k8sDistribution: 'embedded-cluster', // the events' own value before any inference (A6)
      nodes: { total: 3, ready: 2 },
      licenseIds: ['2kLp9QvX7mRt4Acme'],
    });
    expect(facts.analysis?.counts).toEqual({ error: 1, warn: 1, info: 0, debug: 1 });
    expect(facts.analysis?.results[2]).toEqual({
      name: 'atlas.db',
      title: 'Atlas database',
      severity: 'error',
      message: 'The database StatefulSet is not ready',
    });
    // The fixture writes the newer event first: order comes from reported_at, not from the file.
    expect(facts.instanceReports).toEqual([
      {
        instanceId: '5f1d2c3b-8e9a-4b7c-9d0e-1a2b3c4d5e6f',
        source: 'sdk',
        clusterId: '5f1d2c3b-8e9a-4b7c-9d0e-1a2b3c4d5e6f',
        licenseId: '2kLp9QvX7mRt4Acme',
        appSlug: 'atlas',
        versionLabel: '1.4.0',
        channelId: '2kLp9QvX7mRt4StblChnl',
        channelName: 'Stable',
        channelSequence: 5,
        appStatus: 'degraded',
        resourceStates: [
          { kind: 'deployment', name: 'api', namespace: 'atlas', state: 'ready' },
          { kind: 'statefulset', name: 'db', namespace: 'atlas', state: 'degraded' },
        ],
        k8sVersion: 'v1.30.4+k0s',
        k8sDistribution: 'embedded-cluster',
        sdkVersion: '1.19.6',
        tags: { name: 'prod-east' },
        customMetrics: { active_users: 150, sso_enabled: true },
        firstReportedAt: '2026-11-01T08:00:00.000Z',
        reportedAt: '2026-11-19T08:00:00.000Z',
        eventCount: 2,
      },
    ]);
    // PAX path, ustar prefix and GNU long name all give the full path (A1).
    expect(files.map((file) => file.path)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^cluster-resources\/pods\/logs\/atlas\/atlas-db-0-with-a-very-long-pod-name-.*x{40}\.log$/,
        ),
        'replicated-sdk/atlas/replicated-7d9f/replicated-license-info-stdout.txt',
        'cluster-resources/pods/logs/atlas/api-0/api.log',
      ]),
    );
  });

  it('from Initech’s bundle written without a top folder', async () => {
    const { facts, files } = await inspected(await fixture('airgap-initech.tar.gz'));
    expect(facts).toMatchObject({
      k8sVersion: 'v1.31.2+rke2r1',
      k8sDistribution: 'rke2', // no distribution in the events: inferred from the version (A6)
      nodes: null, // no nodes.json: unknown, not zero
      licenseIds: ['5tRv1KxM9pInitech'],
      instanceReports: [expect.objectContaining({ instanceId: 'initech-instance-1', appStatus: 'ready' })],
    });
    expect(files.map((file) => file.path)).toContain('version.yaml');
  });

  it('leaves a fact null when its file is malformed, without refusing the bundle', async () => {
    const { facts } = await inspected(await fixture('malformed-facts.tar.gz'));
    expect(facts).toEqual({
      collectedAt: '2026-11-20T10:15:00.000Z',
      troubleshootVersion: null,
      k8sVersion: null,
      k8sDistribution: null,
      nodes: null,
      analysis: null,
      licenseIds: [],
      instanceReports: [],
    });
  });
});
