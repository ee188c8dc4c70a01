import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../http/session';
import { BROWSER_ACCEPT, startHost } from '../testing/listening-host';
import { matchPortalRoute } from './route-preloads';

describe('the portal route a path opens', () => {
  it('is the router’s pick: fixed segments before parameters, and not found for the rest', () => {
    expect(matchPortalRoute('/')).toBe('/');
    expect(matchPortalRoute('/install/new')).toBe('/install/new');
    expect(matchPortalRoute('/install/0b1c')).toBe('/install/:attemptId');
    expect(matchPortalRoute('/instances/airgap/new')).toBe('/instances/airgap/new');
    expect(matchPortalRoute('/instances/airgap/x/edit')).toBe('/instances/airgap/:id/edit');
    expect(matchPortalRoute('/instances/x')).toBe('/instances/:instanceId');
    expect(matchPortalRoute('/team/')).toBe('/team');
    expect(matchPortalRoute('/no/such/page')).toBe('/*');
  });

  it('is none for a public page', () => {
    expect(matchPortalRoute('/login')).toBeNull();
    expect(matchPortalRoute('/login/verify')).toBeNull();
    expect(matchPortalRoute('/invites/accept')).toBeNull();
  });
});

// A build's manifest, cut down: the entry, the layout, one page and the chunks they share.
const manifest = {
  'index.html': { file: 'assets/index-1.js', imports: ['_framework-1.js'] },
  '_framework-1.js': { file: 'assets/framework-1.js' },
  '_team-1.js': { file: 'assets/team-1.js', imports: ['_framework-1.js'] },
  'src/app/layouts/portal-layout.tsx': { file: 'assets/portal-layout-1.js', imports: ['_team-1.js', 'index.html'] },
  'src/features/install/routes/install-attempt.tsx': {
    file: 'assets/install-attempt-1.js',
    imports: ['_framework-1.js', '_team-1.js', '_badge-1.js'],
  },
  '_badge-1.js': { file: 'assets/badge-1.js' },
};
const core = new Hono().all('*', (c) => c.json({ error: { code: 'not_found', message: 'core' } }, 404));
const preloadsOf = (html: string) =>
  [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);

describe('the chunks a page preloads (decision 020)', () => {
  it('are the layout’s and the page’s, not the entry’s, for a browser with a session', async () => {
    const base = await startHost(core, { files: { '.vite/manifest.json': JSON.stringify(manifest) } });
    const open = (path: string, cookie?: string) =>
      fetch(`${base}${path}`, { headers: { accept: BROWSER_ACCEPT, ...(cookie ? { cookie } : {}) } }).then((r) =>
        r.text(),
      );
    const signedIn = `${SESSION_COOKIE}=abc`;
    expect(preloadsOf(await open('/install/0b1c', signedIn))).toEqual([
      '/assets/portal-layout-1.js',
      '/assets/team-1.js',
      '/assets/install-attempt-1.js',
      '/assets/badge-1.js',
    ]);
    expect(preloadsOf(await open('/no/such/page', signedIn))).toEqual([
      '/assets/portal-layout-1.js',
      '/assets/team-1.js',
    ]);
    expect(preloadsOf(await open('/install/0b1c'))).toEqual([]); // to be sent to sign in
    expect(preloadsOf(await open('/login', signedIn))).toEqual([]);
  });

  it('are not served: the manifest is the host’s', async () => {
    const base = await startHost(core, { files: { '.vite/manifest.json': JSON.stringify(manifest) } });
    const response = await fetch(`${base}/.vite/manifest.json`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('install-attempt');
  });
});
