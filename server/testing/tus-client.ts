import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
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

/** Bytes that start as gzip does (1f 8b) and then are `size - 2` pseudo-random bytes: no bundle. */
export function gzipLookalike(size: number, seed = 1): Uint8Array {
  const bytes = pseudoRandom(size, seed);
  bytes.set([0x1f, 0x8b].slice(0, size));
  return bytes;
}

function pseudoRandom(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

/**
 * A real support bundle the inspector accepts, of exactly `size` bytes: the .tar.gz of a
 * `version.yaml`, padded by a gzip header comment (RFC 1952 FCOMMENT) whose text depends on the
 * seed, so the same seed gives the same bytes. Below the ~175 bytes the smallest bundle takes, a
 * gzip lookalike of that size: for the tests of refusals that come before any inspection.
 */
export function bundleBytes(size: number, seed = 1): Uint8Array {
  const version = Buffer.from(
    `apiVersion: troubleshoot.sh/v1beta2\nkind: SupportBundle\nspec:\n  versionNumber: v0.123.${seed}\n`,
  );
  const tar = Buffer.concat([tarEntry('support-bundle/version.yaml', version), Buffer.alloc(1024)]);
  const gzip = gzipSync(tar, { level: 9 });
  // Header: ID1 ID2 CM FLG MTIME(4) XFL OS; FLG bit 4 says a zero-terminated comment follows it.
  const commentLength = size - gzip.length - 1;
  if (commentLength < 0) return gzipLookalike(size, seed);
  const comment = Buffer.from(Array.from({ length: commentLength }, (_, i) => 0x61 + ((i + seed) % 26)));
  const header = Buffer.from(gzip.subarray(0, 10));
  header[3] = header[3]! | 0x10;
  return new Uint8Array(Buffer.concat([header, comment, Buffer.from([0]), gzip.subarray(10)]));
}

/** One regular file in ustar form: its header, then its bytes padded to 512. */
function tarEntry(name: string, body: Uint8Array): Buffer {
  const header = Buffer.alloc(512);
  const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, '0') + '\0';
  header.write(name, 0);
  header.write(octal(0o600, 8), 100);
  header.write(octal(0, 8), 108);
  header.write(octal(0, 8), 116);
  header.write(octal(body.length, 12), 124);
  header.write(octal(Date.UTC(2026, 10, 20, 10, 15) / 1000, 12), 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\u000000', 257, 'latin1');
  const sum = header.reduce((total, byte) => total + byte, 0);
  header.write(octal(sum, 7) + ' ', 148);
  const padding = Buffer.alloc((512 - (body.length % 512)) % 512);
  return Buffer.concat([header, body, padding]);
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
