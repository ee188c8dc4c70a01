import { describe, expect } from 'vitest';
import { createAttempt } from './support/installs';
import { test } from './fixtures/signed-in';

// A portal page's first data is preloaded with its HTML (src/app/route-data.ts): Chromium must
// hand the preloaded answer to the page's own fetch, or each URL would be asked for twice.
describe('the data a page opens with', () => {
  // A member (members may install), and not alice, who signs in for most files: each address
  // may ask for five links in a quarter of an hour (server/auth/login-limits.ts).
  test.override({ user: 'bob@acme.example' });

  test('comes with the page and is asked for once', async ({ signedIn: { page, cookie }, baseURL }) => {
    const { attempt } = await createAttempt(baseURL, cookie, {
      method: 'embedded',
      name: 'preloaded',
      version: '1.4.0',
      options: { network: 'online' },
    });
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) asked.push(`${url.pathname}${url.search}`);
    });
    const pages = [
      ['/', 'Dashboard'],
      [`/install/${attempt.id}`, 'Install: preloaded'],
      ['/instances?sort=name&tab=inactive', 'Instances'],
      ['/support', 'Support'],
    ] as const;
    for (const [path, heading] of pages) {
      asked.length = 0;
      const response = await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      const preloaded = [...(response!.headers()['link'] ?? '').matchAll(/<([^>]+)>/g)].map((m) => m[1]!);
      expect(preloaded.length, path).toBeGreaterThan(0);
      for (const url of preloaded)
        expect(
          asked.filter((a) => a === url),
          `${path}: ${url}`,
        ).toHaveLength(1);
    }
  });
});
