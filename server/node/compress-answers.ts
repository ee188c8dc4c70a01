import type { MiddlewareHandler } from 'hono';
import { appendVary, encode, negotiateCoding, type Coding } from './content-coding';

/** Below this a coded body saves less than its own headers cost. */
const MIN_BYTES = 1024;

/** Quick levels: these are compressed on every request, unlike the build's files and the page. */
const LEVEL: Record<Coding, number> = { br: 5, gzip: 6 };

/**
 * Compresses the core's JSON answers of 1 kB or more for a client that accepts br or gzip. Only
 * JSON: an event stream must reach the client event by event, and downloads, uploads' answers and
 * CSV exports stream or are compressed already. Never the registry (`/v2`): OCI clients check
 * digests and Content-Length against the exact bytes (docs/decisions/016). The SPA's own files
 * and its page come precompressed (client-files.ts, index-page.ts).
 */
export function compressJsonAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // Headers first, the body only once it is to be compressed: @hono/node-server's Response
    // forgets header changes made after it was built (here, the core's) once its body is read.
    const answer = c.res;
    const headers = new Headers(answer.headers);
    if (
      c.req.method === 'HEAD' ||
      [204, 206, 304].includes(answer.status) ||
      !/^application\/json\b/i.test(headers.get('content-type') ?? '') ||
      Number(headers.get('content-length') ?? Infinity) < MIN_BYTES ||
      headers.has('content-encoding') ||
      /\bno-transform\b/i.test(headers.get('cache-control') ?? '') ||
      c.req.path === '/v2' ||
      c.req.path.startsWith('/v2/')
    ) {
      return;
    }
    // A JSON answer is built whole in memory anyway (c.json), so reading it costs no extra wait.
    const bytes = new Uint8Array(await answer.arrayBuffer());
    const big = bytes.byteLength >= MIN_BYTES;
    const coding = big ? negotiateCoding(c.req.header('accept-encoding'), ['br', 'gzip']) : 'identity';
    const body = coding === 'identity' ? bytes : await encode(coding, bytes, LEVEL[coding]);
    headers.set('content-length', String(body.byteLength));
    if (big) appendVary(headers, 'Accept-Encoding');
    if (coding !== 'identity') headers.set('content-encoding', coding);
    // Unset first, or Hono would copy the old answer's headers over these.
    c.res = undefined;
    c.res = new Response(body, { status: answer.status, statusText: answer.statusText, headers });
  };
}
