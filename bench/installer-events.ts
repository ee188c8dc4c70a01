import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAttempt } from '../e2e/support/installs';
import { signInWithFetch } from '../e2e/support/sign-in';
import { startServer } from '../e2e/support/server';
import {
  ACME_LICENSE_ID,
  ecGenericEvent,
  ecInstallationStarted,
  type RecordedRequest,
} from '../server/testing/recorded-requests';
import { percentile, tenthMs, type BenchResult, type Figure } from './types';

const INSTALLS = 100;
const TARGET_P99_MS = 100;

/**
 * The Embedded Cluster event path (decision 008), against the built server on PGlite: per install,
 * an attempt is started and its bundle downloaded with its token (not timed), then the installer's
 * real requests are timed one after another: `InstallationStarted` (license lookup by hash, the
 * one awaiting attempt found and claimed for the cluster) and `GenericEvent` InstallationSucceeded
 * (the attempt found by its cluster alone, the checkbox written and announced).
 */
export async function installerEvents(): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-bench-events-'));
  const server = await startServer({ dataDir });
  try {
    const cookie = await signInWithFetch(server.baseURL, dataDir, 'alice@acme.example');
    const started: number[] = [];
    const succeeded: number[] = [];
    for (let i = 0; i < INSTALLS; i++) {
      const { token } = await createAttempt(server.baseURL, cookie, {
        method: 'embedded',
        name: `bench-events-${i}`,
        version: '1.4.0',
        options: { network: 'online' },
      });
      await (
        await fetch(`${server.baseURL}/embedded/atlas/stable`, { headers: { authorization: token } })
      ).arrayBuffer();
      const clusterId = `bench-cluster-${i}`;
      started.push(await timed(server.baseURL, ecInstallationStarted(ACME_LICENSE_ID, clusterId)));
      succeeded.push(await timed(server.baseURL, ecGenericEvent('InstallationSucceeded', { clusterId })));
    }
    return report(
      started.sort((a, b) => a - b),
      succeeded.sort((a, b) => a - b),
    );
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** One recorded request sent as is; anything but a 200 stops the bench, since it measures nothing. */
async function timed(baseURL: string, request: RecordedRequest): Promise<number> {
  const at = performance.now();
  const response = await fetch(`${baseURL}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  await response.arrayBuffer();
  const elapsed = performance.now() - at;
  if (response.status !== 200) throw new Error(`${request.path} answered ${response.status}`);
  return elapsed;
}

function report(started: number[], succeeded: number[]): BenchResult {
  const rows: [string, number[]][] = [
    ['InstallationStarted (license ID, joins and claims the attempt)', started],
    ['GenericEvent InstallationSucceeded (by cluster, ticks the checkbox)', succeeded],
  ];
  const figures: Figure[] = rows.map(([name, sorted]) => ({
    figure: `Embedded Cluster ${name.split(' (')[0]} p99 latency`,
    measured: tenthMs(percentile(sorted, 99)),
    target: `< ${TARGET_P99_MS} ms`,
    pass: percentile(sorted, 99) < TARGET_P99_MS,
  }));
  return {
    figures,
    details: [
      `${INSTALLS} installs, each event sent once, one after another.`,
      '',
      '| Event | p50 | p99 | max |',
      '|---|---:|---:|---:|',
      ...rows.map(
        ([name, s]) =>
          `| ${name} | ${tenthMs(percentile(s, 50))} | ${tenthMs(percentile(s, 99))} | ${tenthMs(s.at(-1)!)} |`,
      ),
    ].join('\n'),
  };
}
