import { request } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { describe, expect, it } from 'vitest';
import { BROWSER_ACCEPT, startHost } from '../testing/listening-host';

// Issue 11: built files go out precompressed, the page and big JSON answers compressed, by the
// client's Accept-Encoding; streams and exact-byte answers go out untouched (docs/decisions/016).

const SCRIPT = `export const rows = [${Array.from({ length: 300 }, (_, i) => `"row ${i}"`).join(', ')}];\n`;
const BIG_JSON = { instances: Array.from({ length: 100 }, (_, i) => ({ id: `instance-${i}`, status: 'ready' })) };
const BLOB = new Uint8Array(4096).map((_, i) => i % 7);

/** A stand-in for the core with the kinds of answer it gives. */
const core = new Hono()
  .get('/api/instances', (c) => c.json(BIG_JSON))
  .get('/api/me', (c) => c.json({ email: 'alice@acme.example' }))
  .get('/api/installs/:id/events', (c) =>
    streamSSE(c, async (stream) => {
      await stream.writeSSE({ event: 'progress', data: JSON.stringify(BIG_JSON) });
      // Open until the client leaves, as a live stream is.
      await new Promise<void>((resolve) => stream.onAbort(resolve));
    }),
  )
  .get('/api/support-bundles/:id/download', (c) =>
    c.body(gzipSync(SCRIPT), 200, { 'Content-Type': 'application/gzip' }),
  )
  .get('/v2/atlas/atlas/tags/list', (c) => c.json({ name: 'atlas/atlas', tags: BIG_JSON.instances.map((i) => i.id) }))
  .get('/v2/atlas/atlas/blobs/:digest', (c) =>
    c.body(BLOB, 200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(BLOB.byteLength) }),
  );

const built = {
  'assets/index-abc.js': SCRIPT,
  'assets/index-abc.js.br': brotliCompressSync(SCRIPT),
  'assets/index-abc.js.gz': gzipSync(SCRIPT),
  'assets/logo-abc.png': BLOB,
};

type RawAnswer = { status: number; headers: Record<string, string | undefined>; body: Buffer };

/** A GET (or HEAD) that sends only the given headers and keeps the bytes as they came. */
function rawRequest(url: string, headers: Record<string, string>, method = 'GET') {
  return new Promise<RawAnswer>((resolve, reject) => {
    request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers as Record<string, string | undefined>,
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

const decoded = ({ headers, body }: RawAnswer) =>
  (headers['content-encoding'] === 'br'
    ? brotliDecompressSync(body)
    : headers['content-encoding'] === 'gzip'
      ? gunzipSync(body)
      : body
  ).toString();

describe('a built file', () => {
  it('goes out in the coding the client prefers, br before gzip, q and * respected', async () => {
    const base = await startHost(core, { files: built });
    const cases: Record<string, string | undefined> = {
      'gzip, deflate, br, zstd': 'br',
      'gzip, deflate': 'gzip',
      'gzip;q=1.0, br;q=0.5': 'gzip',
      'br;q=0, gzip': 'gzip',
      BR: 'br',
      '*': 'br',
      '*;q=0.5, identity': undefined,
      'br;q=0, gzip;q=0': undefined,
      identity: undefined,
      '': undefined,
    };
    for (const [acceptEncoding, coding] of Object.entries(cases)) {
      const answer = await rawRequest(`${base}/assets/index-abc.js`, { 'accept-encoding': acceptEncoding });
      expect(answer.status, acceptEncoding).toBe(200);
      expect(answer.headers['content-encoding'], acceptEncoding).toBe(coding);
      expect(answer.headers['content-type'], acceptEncoding).toBe('text/javascript; charset=utf-8');
      expect(answer.headers['vary'], acceptEncoding).toBe('Accept-Encoding');
      expect(answer.headers['cache-control'], acceptEncoding).toBe('public, max-age=31536000, immutable');
      expect(answer.headers['content-length'], acceptEncoding).toBe(String(answer.body.byteLength));
      expect(decoded(answer), acceptEncoding).toBe(SCRIPT);
    }
    // Without the header at all, too.
    const plain = await rawRequest(`${base}/assets/index-abc.js`, {});
    expect([plain.headers['content-encoding'], plain.body.toString()]).toEqual([undefined, SCRIPT]);
    expect(built['assets/index-abc.js.br'].byteLength).toBeLessThan(SCRIPT.length / 4);
  });

  it('answers HEAD with the headers of the coded file and no body', async () => {
    const base = await startHost(core, { files: built });
    const answer = await rawRequest(`${base}/assets/index-abc.js`, { 'accept-encoding': 'br' }, 'HEAD');
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-length']).toBe(String(built['assets/index-abc.js.br'].byteLength));
    expect(answer.body.byteLength).toBe(0);
  });

  it('goes out as it is when the build wrote no coded copy, and says it does not vary', async () => {
    const base = await startHost(core, { files: built });
    const answer = await rawRequest(`${base}/assets/logo-abc.png`, { 'accept-encoding': 'br, gzip' });
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['vary']).toBeUndefined();
    expect(new Uint8Array(answer.body)).toEqual(BLOB);
  });
});

describe('the page', () => {
  it('goes out compressed and branded, varying by Accept, Accept-Encoding, Cookie and Accept-Language', async () => {
    const base = await startHost(core);
    for (const coding of ['br', 'gzip', undefined]) {
      const answer = await rawRequest(`${base}/installs/abc`, {
        accept: BROWSER_ACCEPT,
        'accept-encoding': coding ?? 'identity',
      });
      expect(answer.headers['content-encoding'], coding).toBe(coding);
      expect(answer.headers['content-type'], coding).toBe('text/html; charset=utf-8');
      expect(answer.headers['vary'], coding).toBe('Accept, Accept-Encoding, Cookie, Accept-Language');
      expect(decoded(answer), coding).toContain('<title>Atlas Portal</title>');
    }
  });
});

describe('the core’s answers', () => {
  it('are compressed when JSON of 1 kB or more, with Vary', async () => {
    const base = await startHost(core);
    for (const [acceptEncoding, coding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const answer = await rawRequest(`${base}/api/instances`, { 'accept-encoding': acceptEncoding });
      expect(answer.headers['content-encoding'], acceptEncoding).toBe(coding);
      expect(answer.headers['vary'], acceptEncoding).toBe('Accept-Encoding');
      expect(answer.headers['content-type'], acceptEncoding).toMatch(/^application\/json/);
      expect(JSON.parse(decoded(answer)), acceptEncoding).toEqual(BIG_JSON);
    }
    const small = await rawRequest(`${base}/api/me`, { 'accept-encoding': 'gzip, br' });
    expect([small.headers['content-encoding'], small.headers['vary']]).toEqual([undefined, undefined]);
    expect(JSON.parse(small.body.toString())).toEqual({ email: 'alice@acme.example' });
  });

  it('leave an event stream as it is: each event arrives while the stream is open', async () => {
    const base = await startHost(core);
    const response = await fetch(`${base}/api/installs/abc/events`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('content-encoding')).toBeNull();
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toMatch(/^event: progress\ndata: \{"instances"/);
    await reader.cancel();
  });

  it('leave the registry’s answers and gzip downloads as they are', async () => {
    const base = await startHost(core);
    const blob = await rawRequest(`${base}/v2/atlas/atlas/blobs/sha256:abc`, { 'accept-encoding': 'gzip, br' });
    expect(blob.headers['content-encoding']).toBeUndefined();
    expect(blob.headers['content-length']).toBe(String(BLOB.byteLength));
    expect(new Uint8Array(blob.body)).toEqual(BLOB);
    const tags = await rawRequest(`${base}/v2/atlas/atlas/tags/list`, { 'accept-encoding': 'gzip, br' });
    expect(tags.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(tags.body.toString()).tags).toHaveLength(100);
    const bundle = await rawRequest(`${base}/api/support-bundles/1/download`, { 'accept-encoding': 'gzip, br' });
    expect(bundle.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(bundle.body).toString()).toBe(SCRIPT);
  });
});
