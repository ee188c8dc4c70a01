import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { demoCatalogueText } from '../catalogue/demo';
import { fileBlobStore } from '../node/blob-store';
import { createTestPortal, type TestPortal } from './test-portal';

/** A support-bundle upload client speaking tus 1.0.0 to a test portal, as tus-js-client does. */

export const UPLOADS = '/api/support-bundles/uploads';

/** The demo catalogue with erin, a second member of Acme, and optionally a bundle size limit. */
export const bundleCatalogue = (maxBundleBytes?: number) =>
  demoCatalogueText.replace(
    '      - email: bob@acme.example\n        role: member\n',
    '      - email: bob@acme.example\n        role: member\n      - email: erin@acme.example\n        role: member\n',
  ) + (maxBundleBytes ? `\nsupport:\n  max_bundle_bytes: ${maxBundleBytes}\n` : '');

/** A test portal whose blobs are files in a temporary DATA_DIR/blobs, removed after the test. */
export async function createBundlePortal(options: { maxBundleBytes?: number } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-bundles-'));
  onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
  const blobDir = join(dataDir, 'blobs');
  const blobs = fileBlobStore(blobDir);
  const portal = await createTestPortal({ catalogue: bundleCatalogue(options.maxBundleBytes), deps: { blobs } });
  return { portal, blobs, blobDir };
}

/** tus Upload-Metadata: each value base64 of its UTF-8 (or of the given bytes). */
export const uploadMetadata = (pairs: Record<string, string | Uint8Array>) =>
  Object.entries(pairs)
    .map(
      ([key, value]) =>
        `${key} ${Buffer.from(typeof value === 'string' ? Buffer.from(value) : value).toString('base64')}`,
    )
    .join(',');

/** Bytes that look like a gzip stream (1f 8b) followed by `size - 2` pseudo-random bytes. */
export function bundleBytes(size: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  bytes.set([0x1f, 0x8b].slice(0, size));
  return bytes;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A body that sends `bytes` in 16 KiB chunks, then fails, as a dropped connection does. */
export function failingBody(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.error(new Error('connection reset'));
      controller.enqueue(bytes.slice(at, at + 16 * 1024));
      at += 16 * 1024;
    },
  });
}

/** A body of `bytes` as a stream with no declared length. */
export const streamOf = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]).stream();

type Request = (path: string, init?: RequestInit & { cookie?: string }) => Promise<Response>;

export function tusClient(request: TestPortal['request'] | Request, cookie: string) {
  const tus = { 'tus-resumable': '1.0.0' };
  return {
    create: (length: number | string, metadata = uploadMetadata({ filename: 'bundle.tar.gz' }), headers = {}) =>
      request(UPLOADS, {
        method: 'POST',
        cookie,
        headers: { ...tus, 'upload-length': String(length), 'upload-metadata': metadata, ...headers },
      }),
    patch: (location: string, offset: number, body: Uint8Array | ReadableStream<Uint8Array>, headers = {}) =>
      request(location, {
        method: 'PATCH',
        cookie,
        headers: {
          ...tus,
          'content-type': 'application/offset+octet-stream',
          'upload-offset': String(offset),
          ...(body instanceof Uint8Array ? { 'content-length': String(body.byteLength) } : {}),
          ...headers,
        },
        body: body as BodyInit,
        duplex: 'half',
      } as RequestInit),
    head: (location: string) => request(location, { method: 'HEAD', cookie, headers: tus }),
    terminate: (location: string) => request(location, { method: 'DELETE', cookie, headers: tus }),
  };
}

/** Creates an upload and sends `bytes` in `chunks` PATCHes; answers its location. */
export async function upload(portal: TestPortal, cookie: string, bytes: Uint8Array, chunks = 1, metadata?: string) {
  const client = tusClient(portal.request, cookie);
  const created = await client.create(bytes.byteLength, metadata);
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
  const location = created.headers.get('location')!;
  const step = Math.ceil(bytes.byteLength / chunks);
  for (let offset = 0; offset < bytes.byteLength; offset += step) {
    const sent = await client.patch(location, offset, bytes.slice(offset, offset + step));
    if (sent.status !== 204) throw new Error(`patch: ${sent.status} ${await sent.text()}`);
  }
  return { location, id: location.split('/').pop()! };
}
