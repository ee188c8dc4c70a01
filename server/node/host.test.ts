import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, isCorePath } from '../app';
import type { Database } from '../db/database';
import type { AppBindings } from '../deps';
import { createHost } from './host';

const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/**
 * A stand-in for the BFF core that answers with the client address the host passed it, and
 * signs its 404s so a test can tell them from the host's own.
 */
const core = new Hono<{ Bindings: AppBindings }>()
  .all('/api/*', (c) => c.json({ clientAddress: c.env.clientAddress ?? null }))
  .notFound((c) => c.json({ error: { code: 'not_found', message: `core: ${c.req.method} ${c.req.path}` } }, 404));

/** What Chromium sends when it opens a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8';

const running: { server: ServerType; dir: string }[] = [];
afterEach(async () => {
  for (const { server, dir } of running.splice(0)) {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  }
});

/** The Node host on a real port over a built-looking client folder. */
async function startHost(options: { trustProxy?: boolean } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'portico-host-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-abc.js"></script>');
  await writeFile(join(dir, 'assets/index-abc.js'), 'console.log("portal")');
  const host = createHost(core, dir, { trustProxy: options.trustProxy ?? false });
  const port = await new Promise<number>((resolve) => {
    const server = serve({ fetch: host.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
    running.push({ server, dir });
  });
  return `http://127.0.0.1:${port}`;
}

describe('the Node host', () => {
  it('sends a content security policy and the other page headers with every page and asset', async () => {
    const base = await startHost();
    const pages = { '/': 200, '/install/abc': 200, '/login?next=%2Flicense-details': 200, '/assets/index-abc.js': 200 };
    // A chunk of an older build is gone, not the SPA's index.html served as a script.
    for (const [path, status] of Object.entries({ ...pages, '/assets/index-old.js': 404 })) {
      const response = await fetch(`${base}${path}`, { headers: { accept: BROWSER_ACCEPT } });
      expect(response.status, path).toBe(status);
      expect(response.headers.get('content-security-policy'), path).toBe(PAGE_CSP);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
    const asset = await fetch(`${base}/assets/index-abc.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log("portal")');
  });

  it('leaves the core’s answers as the core made them', async () => {
    const base = await startHost();
    const response = await fetch(`${base}/api/anything`);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it('ships an index.html with no inline script or style, which the policy would block', async () => {
    const html = await readFile(new URL('../../index.html', import.meta.url), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [tag, content] of scripts) {
      expect(tag).toMatch(/\ssrc="/);
      expect(content?.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
  });
});

describe('what the host answers a path nothing serves (issue 7)', () => {
  const open = (base: string, path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { redirect: 'manual', ...init, headers: { accept: BROWSER_ACCEPT, ...init.headers } });

  /** A 404 in the BFF's error shape, as JSON; `core: …` when the core answered, not the host. */
  async function expectJsonNotFound(response: Response, from: 'core' | 'host') {
    expect(response.status, response.url).toBe(404);
    expect(response.headers.get('content-type'), response.url).toMatch(/^application\/json/);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('not_found');
    if (from === 'core') expect(error.message, response.url).toMatch(/^core: /);
    else expect(error.message, response.url).not.toMatch(/^core: /);
  }

  it('hands the real clients’ paths to the core, for a machine or a browser', async () => {
    const base = await startHost();
    for (const path of ['/license/atlas', '/release/atlas/pending', '/v3/app/x', '/supportbundle', '/application']) {
      await expectJsonNotFound(await fetch(`${base}${path}`, { headers: { accept: '*/*' } }), 'core');
      await expectJsonNotFound(await open(base, path), 'core');
    }
  });

  it('hands the core every route the core has', () => {
    const app = createApp({ db: {} as Database, mailer: { send: async () => {} }, publicUrl: 'http://localhost' });
    const paths = app.routes.map((route) => route.path.replace(/\/\*$/, '')).filter((path) => !/^\/?\*?$/.test(path));
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((path) => !isCorePath(path))).toEqual([]);
  });

  it('serves the SPA to a browser opening one of its pages, whatever it is called', async () => {
    const base = await startHost();
    for (const path of ['/installs/abc', '/licenses-foo', '/license-details', '/releases-x/y']) {
      const response = await open(base, path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(await response.text(), path).toMatch(/^<!doctype html>/);
    }
    expect((await open(base, '/installs/abc', { method: 'HEAD' })).status).toBe(200);
  });

  it('answers anything else with a JSON 404: a client that is not a browser, or a request that is not a GET', async () => {
    const base = await startHost();
    for (const accept of ['*/*', 'application/json', '']) {
      await expectJsonNotFound(await fetch(`${base}/installs/abc`, { headers: { accept } }), 'host');
    }
    await expectJsonNotFound(await open(base, '/installs/abc', { method: 'POST', body: '{}' }), 'host');
    await expectJsonNotFound(await open(base, '/index.html', { method: 'PUT', body: '{}' }), 'host');
  });

  it('sends a browser from the License page’s old address to its new one, keeping the query', async () => {
    const base = await startHost();
    for (const [path, location] of Object.entries({
      '/license': '/license-details',
      '/license?tab=fields': '/license-details?tab=fields',
    })) {
      const response = await open(base, path);
      expect(response.status, path).toBe(308);
      expect(response.headers.get('location'), path).toBe(location);
    }
    // A client with credentials, or one that wants no page, is asking Replicated's /license.
    await expectJsonNotFound(await open(base, '/license', { headers: { authorization: 'Basic eDp4' } }), 'core');
    await expectJsonNotFound(await fetch(`${base}/license`, { headers: { accept: '*/*' } }), 'core');
  });
});

describe('the client address the core sees', () => {
  const seenBy = async (base: string, headers: Record<string, string> = {}) =>
    ((await (await fetch(`${base}/api/whoami`, { headers })).json()) as { clientAddress: string }).clientAddress;

  it('is the connection’s address, whatever X-Forwarded-For says, unless TRUST_PROXY is on', async () => {
    const base = await startHost();
    expect(await seenBy(base)).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(await seenBy(base, { 'x-forwarded-for': '203.0.113.9' })).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it('is the right-most X-Forwarded-For entry with TRUST_PROXY on: the address the nearest proxy saw', async () => {
    const base = await startHost({ trustProxy: true });
    expect(await seenBy(base, { 'x-forwarded-for': '203.0.113.9' })).toBe('203.0.113.9');
    // Entries to the left come from the client itself and may be forged.
    expect(await seenBy(base, { 'x-forwarded-for': '198.51.100.7, 203.0.113.9' })).toBe('203.0.113.9');
    expect(await seenBy(base, { 'x-forwarded-for': '10.0.0.1,2001:db8::1' })).toBe('2001:db8::1');
  });

  it('falls back to the connection with TRUST_PROXY on when the header is missing or not an address', async () => {
    const base = await startHost({ trustProxy: true });
    expect(await seenBy(base)).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(await seenBy(base, { 'x-forwarded-for': '203.0.113.9, unknown' })).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(await seenBy(base, { 'x-forwarded-for': ' , ' })).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });
});
