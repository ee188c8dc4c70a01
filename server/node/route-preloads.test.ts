import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../http/session';
import { BROWSER_ACCEPT, modulePreloadsOf, NOT_FOUND_CORE, startHost } from '../testing/listening-host';
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

describe('the chunks a page preloads (decision 020)', () => {
  it('are the layout’s and the page’s, not the entry’s, for a browser with a session', async () => {
    const base = await startHost(NOT_FOUND_CORE, { files: { '.vite/manifest.json': JSON.stringify(manifest) } });
    const open = (path: string, cookie?: string) =>
      fetch(`${base}${path}`, { headers: { accept: BROWSER_ACCEPT, ...(cookie ? { cookie } : {}) } }).then((r) =>
        r.text(),
      );
    const signedIn = `${SESSION_COOKIE}=abc`;
    expect(modulePreloadsOf(await open('/install/0b1c', signedIn))).toEqual([
      '/assets/portal-layout-1.js',
      '/assets/team-1.js',
      '/assets/install-attempt-1.js',
      '/assets/badge-1.js',
    ]);
    expect(modulePreloadsOf(await open('/no/such/page', signedIn))).toEqual([
      '/assets/portal-layout-1.js',
      '/assets/team-1.js',
    ]);
    expect(modulePreloadsOf(await open('/install/0b1c'))).toEqual([]); // to be sent to sign in
    expect(modulePreloadsOf(await open('/login', signedIn))).toEqual([]);
  });

  it('are not served: the manifest is the host’s', async () => {
    const base = await startHost(NOT_FOUND_CORE, { files: { '.vite/manifest.json': JSON.stringify(manifest) } });
    const response = await fetch(`${base}/.vite/manifest.json`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('install-attempt');
  });
});

describe('the data a page preloads (src/app/route-data.ts)', () => {
  const linkOf = async (base: string, path: string, cookie?: string) => {
    const response = await fetch(`${base}${path}`, {
      headers: { accept: BROWSER_ACCEPT, ...(cookie ? { cookie } : {}) },
    });
    await response.arrayBuffer();
    return response.headers.get('link');
  };
  const preload = (url: string) => `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`;
  const signedIn = `${SESSION_COOKIE}=abc`;

  it('is what the page’s loader asks for first, with the page, for a browser with a session', async () => {
    const base = await startHost(NOT_FOUND_CORE);
    expect(await linkOf(base, '/', signedIn)).toBe(preload('/api/dashboard'));
    expect(await linkOf(base, '/install/0b1c', signedIn)).toBe(
      ['/api/installs/0b1c', '/api/license', '/api/releases'].map(preload).join(', '),
    );
    // The list's query as the page writes it: defaults left out, a value the API would refuse dropped.
    expect(await linkOf(base, '/instances?sort=name&tab=inactive&q=edge%201&status=nonsense', signedIn)).toBe(
      ['/api/instances?tab=inactive&q=edge+1&sort=name', '/api/releases', '/api/license'].map(preload).join(', '),
    );
    // Text the BFF could not store (a NUL) is dropped too, as the page drops it.
    expect(await linkOf(base, '/instances?q=%00&version=1.4', signedIn)).toBe(
      ['/api/instances?version=1.4', '/api/releases', '/api/license'].map(preload).join(', '),
    );
    expect(await linkOf(base, '/instances/0b1c', signedIn)).toBe(
      ['/api/instances/0b1c', '/api/releases', '/api/license'].map(preload).join(', '),
    );
    expect(await linkOf(base, '/team', signedIn)).toBeNull();
    expect(await linkOf(base, '/instances')).toBeNull(); // to be sent to sign in
    expect(await linkOf(base, '/login', signedIn)).toBeNull();
  });

  it('encodes a route parameter as the page does, so no value can add a preload or break the header', async () => {
    const base = await startHost(NOT_FOUND_CORE);
    expect(await linkOf(base, '/install/a%3E%3B%20rel%3Dstylesheet%2C%20%3C%2Fx', signedIn)).toBe(
      ['/api/installs/a%3E%3B%20rel%3Dstylesheet%2C%20%3C%2Fx', '/api/license', '/api/releases']
        .map(preload)
        .join(', '),
    );
    expect(await linkOf(base, '/install/%C3%BC%F0%9F%99%82', signedIn)).toContain('</api/installs/%C3%BC%F0%9F%99%82>');
    // Not percent-encoding the router could read: no preload rather than a guess.
    expect(await linkOf(base, '/install/%E0%A4%A', signedIn)).toBeNull();
    expect(await linkOf(base, '/install/%00', signedIn)).toContain('</api/installs/%00>');
  });
});
