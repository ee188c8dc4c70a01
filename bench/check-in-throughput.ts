import { Agent, request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAttempt, READY_STATES } from '../e2e/support/installs';
import { ACME_LICENSE_ID } from '../server/testing/recorded-requests';
import { signInWithFetch } from '../e2e/support/sign-in';
import { startServer } from '../e2e/support/server';
import { percentile, tenthMs, type BenchResult, type Figure } from './types';

const CONCURRENCIES = [8, 32];
const WARM_UP_MS = 2_000;
const MEASURE_MS = 10_000;
const INSTANCES = 100;
const TARGET_PER_SECOND = 500;
const TARGET_P99_MS = 100;

type Run = {
  concurrency: number;
  ok: number;
  errors: Map<string, number>;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
};

/**
 * SDK check-ins (POST /kots_metrics/license_instance/info) against the built server on its
 * embedded database (PGlite, fresh data folder). The license ID, as the real SDK sends it; a fixed
 * number of workers, each sending its next check-in as soon as the last is answered, over
 * keep-alive connections (one per worker); instance ids rotate over 100 instances; three resource
 * states per body. Per concurrency: 2 s of warm-up not counted, then 10 s counted. Only 200s
 * count; anything else is an error.
 */
export async function checkInThroughput(): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-bench-check-in-'));
  const server = await startServer({ dataDir });
  try {
    const cookie = await signInWithFetch(server.baseURL, dataDir, 'alice@acme.example');
    // An attempt whose bundle was downloaded awaits a check-in: the first instance joins it, the
    // other 99 report on their own (decision 008), as the real SDK does with the license ID.
    const { token } = await createAttempt(server.baseURL, cookie, {
      method: 'embedded',
      name: 'bench-check-ins',
      version: '1.4.0',
      options: { network: 'online' },
    });
    await (await fetch(`${server.baseURL}/embedded/atlas/stable`, { headers: { authorization: token } })).arrayBuffer();
    const runs: Run[] = [];
    for (const concurrency of CONCURRENCIES) runs.push(await load(server.baseURL, ACME_LICENSE_ID, concurrency));
    return report(runs);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function load(baseURL: string, licenseId: string, concurrency: number): Promise<Run> {
  const url = new URL('/kots_metrics/license_instance/info', baseURL);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const body = JSON.stringify({ resource_states: READY_STATES });
  // As the SDK sends them (server/testing/recorded-requests.ts): Go's header spelling.
  const headers = {
    Authorization: `Basic ${Buffer.from(`${licenseId}:${licenseId}`).toString('base64')}`,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'User-Agent': 'Replicated-SDK/v1.0.0',
    'X-Replicated-Appstatus': 'ready',
    'X-Replicated-K8sversion': 'v1.31.4+k0s',
  };
  let sent = 0;
  const checkIn = () =>
    new Promise<number>((resolve) => {
      const instance = `bench-instance-${sent++ % INSTANCES}`;
      const req = request(
        url,
        { method: 'POST', agent, headers: { ...headers, 'X-Replicated-Instanceid': instance } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(-1));
        },
      );
      req.setTimeout(10_000, () => req.destroy());
      req.on('error', () => resolve(-1));
      req.end(body);
    });

  const started = performance.now();
  const countFrom = started + WARM_UP_MS;
  const end = countFrom + MEASURE_MS;
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const worker = async () => {
    while (performance.now() < end) {
      const at = performance.now();
      const status = await checkIn();
      if (at < countFrom) continue;
      if (status === 200) latencies.push(performance.now() - at);
      else {
        const key = status === -1 ? 'network error' : `HTTP ${status}`;
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  // Requests started before the end and answered after it count; the window is to the last answer.
  const seconds = (performance.now() - countFrom) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    ok: latencies.length,
    errors,
    seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
  };
}

const errorCount = (run: Run) => [...run.errors.values()].reduce((a, b) => a + b, 0);

function report(runs: Run[]): BenchResult {
  const figures: Figure[] = runs.flatMap((run) => {
    const perSecond = run.ok / run.seconds;
    const errors = errorCount(run);
    return [
      {
        figure: `SDK check-ins per second, ${run.concurrency} concurrent`,
        measured: `${Math.round(perSecond)}/s${errors ? ` (${errors} errors)` : ''}`,
        target: `≥ ${TARGET_PER_SECOND}/s`,
        pass: perSecond >= TARGET_PER_SECOND && errors === 0,
      },
      {
        figure: `SDK check-in p99 latency, ${run.concurrency} concurrent`,
        measured: tenthMs(run.p99),
        target: `< ${TARGET_P99_MS} ms`,
        pass: run.p99 < TARGET_P99_MS,
      },
    ];
  });
  const rows = runs.map((run) => {
    const errors = [...run.errors].map(([kind, n]) => `${n} × ${kind}`).join(', ') || 'none';
    return (
      `| ${run.concurrency} | ${run.ok} | ${run.seconds.toFixed(1)} s | ${Math.round(run.ok / run.seconds)}/s ` +
      `| ${tenthMs(run.p50)} | ${tenthMs(run.p99)} | ${tenthMs(run.max)} | ${errors} |`
    );
  });
  return {
    figures,
    details: [
      '| Concurrency | 200s counted | Window | Per second | p50 | p99 | max | Errors |',
      '|---:|---:|---:|---:|---:|---:|---:|---|',
      ...rows,
    ].join('\n'),
  };
}
