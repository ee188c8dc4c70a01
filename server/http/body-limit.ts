import { createMiddleware } from 'hono/factory';
import { concatBytes } from './bytes';
import { HttpError } from './errors';

/** What an /api route accepts unless it declares more: its JSON inputs are a few KiB at most. */
export const API_BODY_LIMIT_BYTES = 64 * 1024;

// Requests already held to a limit, so the general /api limit leaves a route's own alone.
const limited = new WeakSet<Request>();

/**
 * Refuses a request body over maxBytes with 413 (issue 6, defect 2: a 300 MB chunked body to an
 * anonymous route grew the server by 900 MB). A declared Content-Length over the limit is refused
 * before anything is read; any other body is counted as it arrives and refused the moment it
 * passes the limit, so no Content-Length is needed. The route then reads the counted copy, which
 * is held in memory: keep limits small. A route that needs more mounts its own bodyLimit ahead of
 * the general one; the first limit a request meets is the one that applies.
 */
export function bodyLimit(maxBytes = API_BODY_LIMIT_BYTES) {
  return createMiddleware(async (c, next) => {
    const request = c.req.raw;
    if (!request.body || limited.has(request)) return next();
    // Counted anyway when declared: outside a Node server nothing holds a body to its header.
    if (Number(request.headers.get('content-length')) > maxBytes) throw tooLarge(maxBytes);
    const body = await readAtMost(request.body, maxBytes);
    if (!body) throw tooLarge(maxBytes);
    c.req.raw = new Request(request, { body });
    limited.add(c.req.raw);
    await next();
  });
}

/**
 * For a route that streams its body to where it is kept and holds it to its own limit as the
 * bytes arrive (a support-bundle upload, whose limit is its declared length): the general limit
 * leaves the request alone, so nothing buffers the body. Mount it ahead of bodyLimit(), only on
 * routes that read their body as a stream with a bound.
 */
export const streamedBody = createMiddleware(async (c, next) => {
  limited.add(c.req.raw);
  await next();
});

/** The whole body, or null as soon as it is longer than maxBytes. */
async function readAtMost(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Not cancelled: the Node host drains what is left after the answer and then closes the
    // connection; cancelling could reset it before the client has read the 413.
    if (size > maxBytes) return null;
    chunks.push(value);
  }
  return concatBytes(chunks, size);
}

function tooLarge(maxBytes: number) {
  return new HttpError(
    413,
    'payload_too_large',
    `The request body is larger than ${formatBytes(maxBytes)}, the most this endpoint accepts.`,
    { limitBytes: maxBytes },
  );
}

const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MiB`
    : bytes >= 1024 && bytes % 1024 === 0
      ? `${bytes / 1024} KiB`
      : `${bytes} bytes`;
