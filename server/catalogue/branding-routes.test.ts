import { describe, expect, it } from 'vitest';
import { demoCatalogueText } from './demo';
import { createTestPortal } from '../testing/test-portal';

describe('GET /api/branding', () => {
  it('brands the portal for anyone, signed in or not', async () => {
    const portal = await createTestPortal();
    const response = await portal.request('/api/branding');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      portalUrl: 'http://portal.test',
      appName: 'Atlas Analytics',
      appSlug: 'atlas',
      title: 'Atlas Analytics Enterprise Portal',
      primaryColor: '#1f5fbf',
      logoUrl: expect.stringMatching(/^\/api\/branding\/logo\?v=\w+$/),
      faviconUrl: expect.stringMatching(/^\/api\/branding\/favicon\?v=\w+$/),
      supportUrl: 'https://support.atlas.example',
      contactEmail: 'support@atlas.example',
    });
  });

  it('serves the logo as an SVG that cannot run script', async () => {
    const portal = await createTestPortal();
    const { logoUrl, faviconUrl } = await (await portal.request('/api/branding')).json();
    for (const url of [logoUrl, faviconUrl]) {
      const image = await portal.request(url);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/svg+xml');
      expect(image.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
      expect(image.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await image.text()).toMatch(/^<svg /);
    }
  });

  it('has no logo URL when the catalogue names no logo, and the logo path is a 404', async () => {
    const portal = await createTestPortal({
      catalogue: demoCatalogueText.replace('  logo: branding/atlas-logo.svg\n', ''),
    });
    const branding = await (await portal.request('/api/branding')).json();
    expect(branding.logoUrl).toBeNull();
    expect(branding.faviconUrl).not.toBeNull();
    const logo = await portal.request('/api/branding/logo');
    expect(logo.status).toBe(404);
    expect((await logo.json()).error.code).toBe('not_found');
  });

  it('serves the logo and the favicon at exactly their two names (issue 6, defect 10)', async () => {
    const portal = await createTestPortal();
    for (const path of [
      '/api/branding/logo-anything',
      '/api/branding/logox',
      '/api/branding/favicon.ico',
      '/api/branding/faviconlogo',
      '/api/branding/Logo',
      '/api/branding/logo/extra',
    ]) {
      const response = await portal.request(path);
      expect(response.status, path).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
    for (const path of ['/api/branding/logo', '/api/branding/favicon']) {
      expect((await portal.request(path)).status, path).toBe(200);
    }
  });
});
