import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInWithFetch } from '../e2e/support/sign-in';
import { startServer, type ServerEntry } from '../server/testing/server-process';
import type { BenchResult, Figure } from './types';

const MiB = 1024 * 1024;
const SIZE = 1024 * MiB;
const CHUNK = 1 * MiB;
const TARGET_MB_PER_S = 150;
const TARGET_GROWTH = 64 * MiB;

/**
 * A 1 GiB support bundle uploaded through the API on loopback (issue 9): one tus upload created,
 * then one PATCH streaming every byte as fast as the server takes them (what tus-js-client sends
 * by default). Throughput is the bytes over the time from the PATCH's first byte to its 204; the
 * server's memory is its resident set (/proc/<pid>/status VmRSS) sampled every 20 ms, against its
 * value just before the upload.
 */
export async function bundleUpload(options: { entry?: ServerEntry } = {}): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-bench-bundle-'));
  const server = await startServer({ entry: options.entry ?? 'built', dataDir, timeoutMs: 120_000 });
  try {
    const cookie = await signInWithFetch(server.baseURL, dataDir, 'alice@acme.example');
    const headers = { cookie, origin: server.baseURL, 'tus-resumable': '1.0.0' };
    const created = await fetch(`${server.baseURL}/api/support-bundles/uploads`, {
      method: 'POST',
      headers: {
        ...headers,
        'upload-length': String(SIZE),
        'upload-metadata': `filename ${btoa('bench.tar.gz')}`,
      },
    });
    if (created.status !== 201) throw new Error(`creating the upload answered ${created.status}`);
    const location = new URL(created.headers.get('location')!, server.baseURL);

    const before = await residentBytes(server.pid);
    let peak = before;
    const sampler = setInterval(() => {
      void residentBytes(server.pid).then((bytes) => (peak = Math.max(peak, bytes)));
    }, 20);
    const started = performance.now();
    const status = await patch(location, { ...headers, 'upload-offset': '0' }).finally(() => clearInterval(sampler));
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, await residentBytes(server.pid));
    if (status !== 204) throw new Error(`the PATCH answered ${status}`);

    const mbPerSecond = SIZE / 1e6 / seconds;
    const growth = peak - before;
    const figures: Figure[] = [
      {
        figure: '1 GiB bundle upload on loopback',
        measured: `${mbPerSecond.toFixed(0)} MB/s`,
        target: `≥ ${TARGET_MB_PER_S} MB/s`,
        pass: mbPerSecond >= TARGET_MB_PER_S,
      },
      {
        figure: "Server's memory growth during that upload",
        measured: `${(growth / MiB).toFixed(1)} MiB`,
        target: `< ${TARGET_GROWTH / MiB} MiB`,
        pass: growth < TARGET_GROWTH,
      },
    ];
    const details =
      `1 GiB in one PATCH took ${seconds.toFixed(2)} s (${mbPerSecond.toFixed(0)} MB/s, 1 MB = 10⁶ bytes), ` +
      `written to DATA_DIR/blobs with its SHA-256 taken on the way. The server's resident memory was ` +
      `${(before / MiB).toFixed(0)} MiB before and ${(peak / MiB).toFixed(0)} MiB at most during the upload.`;
    return { figures, details };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Streams SIZE bytes in one PATCH, writing as the socket drains; resolves with the status. */
function patch(url: URL, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const chunk = Buffer.alloc(CHUNK, 0x5a);
    chunk[0] = 0x1f;
    chunk[1] = 0x8b;
    const req = request(url, {
      method: 'PATCH',
      headers: {
        ...headers,
        'content-type': 'application/offset+octet-stream',
        'content-length': String(SIZE),
      },
    });
    req.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    req.on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < SIZE) {
        sent += CHUNK;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) * 1024;
}
