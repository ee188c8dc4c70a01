import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp, isCorePath } from '../app';
import type { Database } from '../db/database';
import type { AppBindings } from '../deps';
import { BROWSER_ACCEPT, DEMO_BRANDING, startHost as startListeningHost } from '../testing/listening-host';
import { styleSource, themeStyle } from './index-page';

// The demo branding's colours are the one inline style the policy allows, by their hash.
const PAGE_CSP =
  `default-src 'self'; script-src 'self'; style-src 'self' ${styleSource(themeStyle(DEMO_BRANDING.primaryColor)!)}; ` +
  "img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/**
 * A stand-in for the BFF core that answers with the client address the host passed it, and
 * signs its 404s so a test can tell them from the host's own.
 */
const core = new Hono<{ Bindings: AppBindings }>()
  .all('/api/*', (c) => c.json({ clientAddress: c.env.clientAddress ?? null }))
  .notFound((c) => c.json({ error: { code: 'not_found', message: `core: ${c.req.method} ${c.req.path}` } }, 404));

const startHost = (options: Parameters<typeof startListeningHost>[1] = {}) => startListeningHost(core, options);

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

  it('ships an index.html and a login.html with no inline script or style, which the policy would block', async () => {
    for (const page of ['index.html', 'login.html']) {
      const html = await readFile(new URL(`../../${page}`, import.meta.url), 'utf8');
      const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const [tag, content] of scripts) {
        expect(tag).toMatch(/\ssrc="/);
        expect(content?.trim()).toBe('');
      }
      expect(html, page).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
    }
  });

  it('answers the sign-in page’s paths with login.html, and sends its file’s own path there', async () => {
    const base = await startHost();
    for (const [path, script] of Object.entries({ '/login': 'login', '/login/verify': 'login', '/loginx': 'index' })) {
      const response = await fetch(`${base}${path}`, { headers: { accept: BROWSER_ACCEPT } });
      expect(await response.text(), path).toContain(`src="/assets/${script}-abc.js"`);
    }
    const file = await fetch(`${base}/login.html`, { redirect: 'manual' });
    expect([file.status, file.headers.get('location')]).toEqual([301, '/login']);
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

describe('the page, branded from its first byte (issue 11)', () => {
  const openPage = async (base: string, path = '/') => {
    const response = await fetch(`${base}${path}`, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status, path).toBe(200);
    return { response, html: await response.text() };
  };
  const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern, 'gi'))?.length ?? 0;

  it('carries the vendor’s title, theme colour and icon in place of the build’s, on every page', async () => {
    const base = await startHost({
      branding: { title: 'Atlas Portal', primaryColor: '#0f766e', faviconUrl: '/api/branding/favicon?v=1x2' },
    });
    for (const path of ['/', '/login', '/login/verify', '/installs/abc']) {
      const { response, html } = await openPage(base, path);
      expect(html).toContain('<title>Atlas Portal</title>');
      expect(html).toContain('<meta name="theme-color" content="#0f766e" />');
      expect(html).toContain('<link rel="icon" href="/api/branding/favicon?v=1x2" />');
      expect([count(html, /<title>/), count(html, /name="theme-color"/), count(html, /rel="icon"/)]).toEqual([1, 1, 1]);
      // The build's scripts stay; signed out, the page does not preload /api/me (a 401).
      expect(html).not.toContain('href="/api/me"');
      const entry = path.startsWith('/login') ? 'login' : 'index';
      expect(html).toContain(`<script type="module" src="/assets/${entry}-abc.js"></script>`);
      expect(response.headers.get('x-robots-tag'), path).toBe('noindex');
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('paints the vendor’s colours and name before any script, and lets no other inline style run', async () => {
    const base = await startHost({
      branding: {
        title: 'Atlas <Portal>',
        primaryColor: '#0F766E',
        faviconUrl: null,
        logoUrl: '/api/branding/logo?v=9',
      },
    });
    const { response, html } = await openPage(base);
    const css = ':root{--brand:#0f766e;--brand-contrast:#ffffff}';
    expect(html).toContain(`<style>${css}</style>`);
    expect(html).toContain(
      '<span data-shell-brand class="flex"><img src="/api/branding/logo?v=9" alt="" class="h-9 w-9 rounded" />' +
        '<span>Atlas &#60;Portal&#62;</span></span>',
    );
    const hash = createHash('sha256').update(css).digest('base64');
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toContain(`style-src 'self' 'sha256-${hash}'`);
    expect(policy).not.toContain('unsafe-inline');
  });

  it('writes no style for a colour that is not one, and allows none', async () => {
    const base = await startHost({
      branding: { title: 'Atlas', primaryColor: 'red;}body{display:none', faviconUrl: null },
    });
    const { response, html } = await openPage(base);
    expect(html).not.toContain('<style');
    expect(response.headers.get('content-security-policy')).toContain("style-src 'self';");
  });

  it('preloads /api/me for a browser with a session cookie only', async () => {
    const base = await startHost();
    const signedIn = await fetch(`${base}/`, { headers: { accept: BROWSER_ACCEPT, cookie: 'portico_session=abc' } });
    expect(await signedIn.text()).toContain('<link rel="preload" href="/api/me" as="fetch" crossorigin="anonymous" />');
    expect(signedIn.headers.get('vary')).toContain('Cookie');
    const signedOut = await fetch(`${base}/`, { headers: { accept: BROWSER_ACCEPT } });
    expect(await signedOut.text()).not.toContain('/api/me');
  });

  it('points a vendor without an icon at the neutral one in public/', async () => {
    const base = await startHost({ branding: { title: 'Atlas', primaryColor: '#0f766e', faviconUrl: null } });
    expect((await openPage(base)).html).toContain('<link rel="icon" href="/favicon.svg" />');
  });

  it('escapes every value, so a title or colour cannot add markup or script', async () => {
    const base = await startHost({
      branding: {
        title: `</title><script>alert(1)</script> $& $' "quoted"`,
        primaryColor: `#fff" onload="alert(1)`,
        faviconUrl: `/x?a=1&b="><script>alert(2)</script>`,
      },
    });
    const { html } = await openPage(base);
    expect(html).toContain(
      '<title>&#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62; $&#38; $&#39; &#34;quoted&#34;</title>',
    );
    expect(html).toContain('<meta name="theme-color" content="#fff&#34; onload=&#34;alert(1)" />');
    expect(html).toContain(
      '<link rel="icon" href="/x?a=1&#38;b=&#34;&#62;&#60;script&#62;alert(2)&#60;/script&#62;" />',
    );
    expect(count(html, /<script\b/)).toBe(1);
    expect(html).not.toMatch(/\son[a-z]+="/i);
  });
});

describe('the files in public/', () => {
  it('are served as they are, to any client, with an hour’s cache', async () => {
    const base = await startHost({
      files: {
        'robots.txt': 'User-agent: *\nDisallow: /\n',
        'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      },
    });
    for (const [path, type] of Object.entries({ '/robots.txt': 'text/plain', '/favicon.svg': 'image/svg+xml' })) {
      const response = await fetch(`${base}${path}`, { headers: { accept: '*/*' } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(new RegExp(`^${type.replace('+', '\\+')}`));
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=3600');
    }
    expect(await (await fetch(`${base}/robots.txt`)).text()).toBe('User-agent: *\nDisallow: /\n');
  });

  it('are the repository’s: a favicon and a robots.txt that keeps search engines out', async () => {
    const robots = await readFile(new URL('../../public/robots.txt', import.meta.url), 'utf8');
    expect(robots).toMatch(/^User-agent: \*\nDisallow: \/$/m);
    const favicon = await readFile(new URL('../../public/favicon.svg', import.meta.url), 'utf8');
    expect(favicon).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
