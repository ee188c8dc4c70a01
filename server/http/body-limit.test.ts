import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createTestPortal, TEST_ORIGIN } from '../testing/test-portal';
import { bodyLimit } from './body-limit';
import { errorResponse, HttpError } from './errors';

const KiB = 1024;
const TOO_LARGE = {
  error: {
    code: 'payload_too_large',
    message: 'The request body is larger than 64 KiB, the most this endpoint accepts.',
    details: { limitBytes: 64 * KiB },
  },
};

/** A login-link request padded to `bytes` of JSON, so only its size can be wrong with it. */
const paddedLoginLink = (bytes: number) => {
  const json = JSON.stringify({ email: 'alice@acme.example', padding: '' });
  return json.replace('"padding":""', `"padding":"${'x'.repeat(bytes - json.length)}"`);
};

/**
 * A chunked body with no Content-Length: `total` bytes of JSON-ish text in 16 KiB chunks, made
 * only as the reader pulls them, so `pulled()` says how much of it the server read.
 */
function trickle(total: number) {
  let pulled = 0;
  const chunk = new TextEncoder().encode('['.repeat(16 * KiB));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled: () => pulled };
}

describe('request bodies on /api', () => {
  it('refuses a 65 KiB body with 413 and says the limit', async () => {
    const portal = await createTestPortal();
    const body = paddedLoginLink(65 * KiB);
    const response = await portal.request('/api/auth/login-links', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(TOO_LARGE);
    expect(portal.outbox).toHaveLength(0);
  });

  it('refuses a chunked body without Content-Length as soon as it passes the limit', async () => {
    const portal = await createTestPortal();
    const stream = trickle(8 * 1024 * KiB);
    const response = await portal.request('/api/auth/login-links', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream.body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(TOO_LARGE);
    // Read until it passed 64 KiB (plus what the stream queues ahead), not the 8 MiB sent.
    expect(stream.pulled()).toBeLessThanOrEqual(128 * KiB);
  });

  it('refuses a declared Content-Length over the limit before reading anything', async () => {
    const portal = await createTestPortal();
    const stream = trickle(1024 * KiB);
    const response = await portal.request('/api/auth/login-links', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(1024 * KiB) },
      body: stream.body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(TOO_LARGE);
    expect(stream.pulled()).toBeLessThanOrEqual(16 * KiB);
  });

  it('lets a 60 KiB body through to the route, which validates it', async () => {
    const portal = await createTestPortal();
    const response = await portal.request('/api/auth/login-links', {
      method: 'POST',
      json: { email: `${'a'.repeat(60 * KiB)}@acme.example` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'validation_failed', details: { fields: { email: 'That email address is too long.' } } },
    });
    const padded = await portal.request('/api/auth/login-links', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: paddedLoginLink(60 * KiB),
    });
    expect(padded.status).toBe(202);
  });

  it('holds signed-in routes to it too, including ones that never read a body', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const big = JSON.stringify({ locale: 'de', padding: 'x'.repeat(65 * KiB) });
    for (const [method, path] of [
      ['PUT', '/api/me/preferences'],
      ['DELETE', '/api/auth/session'],
      ['POST', '/api/nowhere'],
    ] as const) {
      const response = await portal.request(path, { method, cookie, body: big });
      expect(response.status, `${method} ${path}`).toBe(413);
      expect(await response.json()).toEqual(TOO_LARGE);
    }
    expect((await portal.request('/api/me', { cookie })).status).toBe(200);
  });
});

describe('request bodies from installers and SDKs', () => {
  it.each([
    ['/embedded_cluster_metrics/InstallationStarted', 64 * KiB, '64 KiB'],
    ['/kots_metrics/license_instance/info', 1024 * KiB, '1 MiB'],
  ])('refuses more than %s accepts with 413, before the token is checked', async (path, limit, said) => {
    const portal = await createTestPortal();
    const stream = trickle(limit * 4);
    const response = await portal.request(path, {
      method: 'POST',
      headers: { authorization: 'portico_sa_unknown', 'content-type': 'application/json' },
      body: stream.body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: `The request body is larger than ${said}, the most this endpoint accepts.`,
        details: { limitBytes: limit },
      },
    });
    expect(stream.pulled()).toBeLessThan(limit * 2);
  });
});

describe('bodyLimit', () => {
  // A route that needs more mounts its own limit before the general one; the first one applies.
  const app = new Hono()
    .use('/upload', bodyLimit(256 * KiB))
    .use('*', bodyLimit())
    .post('*', async (c) => c.json({ received: (await c.req.arrayBuffer()).byteLength }))
    .onError((error, c) => (error instanceof HttpError ? errorResponse(c, error) : c.text('unexpected', 500)));
  const post = (path: string, bytes: number) =>
    app.request(`${TEST_ORIGIN}${path}`, { method: 'POST', body: new Uint8Array(bytes) });

  it('lets a route declare a larger limit, and holds it to that one', async () => {
    expect(await (await post('/upload', 200 * KiB)).json()).toEqual({ received: 200 * KiB });
    const over = await post('/upload', 257 * KiB);
    expect(over.status).toBe(413);
    expect((await over.json()).error.message).toBe(
      'The request body is larger than 256 KiB, the most this endpoint accepts.',
    );
    expect((await post('/other', 65 * KiB)).status).toBe(413);
  });

  it('passes a body at exactly the limit, and an empty one', async () => {
    expect(await (await post('/other', 64 * KiB)).json()).toEqual({ received: 64 * KiB });
    expect(await (await post('/other', 0)).json()).toEqual({ received: 0 });
  });
});
