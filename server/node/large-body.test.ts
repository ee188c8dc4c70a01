import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../testing/server-process';

/*
 * Issue 6, defect 2, against the real server process: a 300 MB chunked body to an anonymous
 * route with the portal's own Origin grew the server from 382 MB to 1.28 GB.
 */

const MiB = 1024 * 1024;
const GROWTH_LIMIT = 50 * MiB;
let server: RunningServer | undefined;
let dataDir = '';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'portico-large-body-'));
  server = await startServer({ entry: 'source', dataDir, timeoutMs: 120_000 });
}, 150_000);

afterAll(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The server process's resident memory, from the kernel. */
async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kB = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kB) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kB) * 1024;
}

/**
 * POSTs `total` bytes chunked (no Content-Length), as fast as the server takes them, until the
 * server answers; resolves with its answer and how much was sent by then.
 */
function streamChunked(url: string, origin: string, total: number, signal: AbortSignal) {
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, '[');
    let sent = 0;
    let answered = false;
    const req = request(url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, signal });
    req.on('response', (response) => {
      answered = true;
      let body = '';
      response.on('data', (data: Buffer) => (body += data));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, sent }));
    });
    // Once it has answered, the server may close the connection on the rest of the body.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('a 300 MB chunked body to an anonymous route', () => {
  it('is refused with 413 while it streams, and the server does not grow', { timeout: 120_000 }, async () => {
    const { pid, baseURL } = server!;
    const warmUp = await fetch(`${baseURL}/api/auth/login-links`, {
      method: 'POST',
      headers: { origin: baseURL, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.com' }),
    });
    expect(warmUp.status).toBe(202);
    const before = await residentBytes(pid);
    let peak = before;
    // Sampled while the body streams; a server that buffers it is stopped once it has grown too much.
    const overgrown = new AbortController();
    const sampler = setInterval(() => {
      void residentBytes(pid).then((bytes) => {
        peak = Math.max(peak, bytes);
        if (peak - before > GROWTH_LIMIT) overgrown.abort();
      });
    }, 20);

    const answer = await streamChunked(`${baseURL}/api/auth/login-links`, baseURL, 300 * MiB, overgrown.signal)
      .catch((error: unknown) => ({ status: 0, body: String(error), sent: NaN }))
      .finally(() => clearInterval(sampler));
    peak = Math.max(peak, await residentBytes(pid));

    expect(peak - before, `grew from ${before / MiB} MiB to ${peak / MiB} MiB`).toBeLessThan(GROWTH_LIMIT);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: 'payload_too_large',
        message: 'The request body is larger than 64 KiB, the most this endpoint accepts.',
        details: { limitBytes: 64 * 1024 },
      },
    });
    expect(answer.sent).toBeLessThan(300 * MiB);
    expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
  });
});
