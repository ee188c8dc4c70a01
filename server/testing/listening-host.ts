import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { onTestFinished } from 'vitest';
import type { App } from '../app';
import { createHost } from '../node/host';
import type { PageBranding } from '../node/index-page';

/** What Chromium sends when it opens a page. */
export const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8';

/** The head a build leaves in index.html before the host brands it (see the root index.html). */
export const BUILT_INDEX =
  '<!doctype html><html><head><meta charset="UTF-8" /><title>Portico</title>' +
  '<meta name="theme-color" content="#4f46e5" /><link rel="icon" href="/favicon.svg" />' +
  '<link rel="preload" href="/api/me" as="fetch" crossorigin="anonymous" />' +
  '<script type="module" src="/assets/index-abc.js"></script></head><body><div id="root"><header>' +
  '<span data-shell-brand class="flex">Portico</span></header></div></body></html>';

/** The sign-in page's login.html as a build leaves it (see the root login.html, decision 019). */
export const BUILT_LOGIN = BUILT_INDEX.replace(/<link rel="preload" href="\/api\/me"[^>]*>/, '').replace(
  'index-abc.js',
  'login-abc.js',
);

/** A BFF core that answers every path with a JSON 404: for tests of what the host itself serves. */
export const NOT_FOUND_CORE = new Hono().all('*', (c) =>
  c.json({ error: { code: 'not_found', message: 'core' } }, 404),
);

/** The chunks a page asks for with `<link rel="modulepreload">`, in order. */
export const modulePreloadsOf = (html: string) =>
  [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);

export const DEMO_BRANDING: PageBranding = { title: 'Atlas Portal', primaryColor: '#0f766e', faviconUrl: null };

/**
 * The Node host on a real port over a built-looking client folder: `files` (path → content) on
 * top of an index.html, a login.html and one script. Closed and removed when the test finishes.
 */
export async function startHost(
  core: Pick<App, 'fetch'>,
  options: { trustProxy?: boolean; branding?: PageBranding; files?: Record<string, string | Uint8Array> } = {},
) {
  const dir = await mkdtemp(join(tmpdir(), 'portico-host-'));
  const files = {
    'index.html': BUILT_INDEX,
    'login.html': BUILT_LOGIN,
    'assets/index-abc.js': 'console.log("portal")',
    ...options.files,
  };
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  const host = createHost(core, dir, {
    trustProxy: options.trustProxy ?? false,
    branding: options.branding ?? DEMO_BRANDING,
  });
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve) => {
    const server = serve({ fetch: host.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server, port: info.port }),
    );
  });
  onTestFinished(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });
  return `http://127.0.0.1:${port}`;
}
