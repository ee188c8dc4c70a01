import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { checkA11y } from './fixtures/a11y';
import { test } from './fixtures/browser';
import { readLoginLink } from './support/outbox';

// Each test signs in a different demo user (demo/portico.yaml), so no test sees another's
// language choice or sign-in rate limit, whatever order they run in.

/** Fills the sign-in form like a user and returns the link the server emailed. */
async function askForLink(page: Page, dataDir: string, email: string, submit = 'Email me a sign-in link') {
  await page.getByLabel('Work email').fill(email);
  const since = new Date();
  await page.getByRole('button', { name: submit }).click();
  await page.getByText('Check your email').waitFor();
  return readLoginLink(dataDir, email, since);
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Portal' });

/** The value shown next to a label in a definition list. */
const field = (page: Page, label: string) =>
  page.locator('dl > div', { has: page.getByRole('term').getByText(label, { exact: true }) }).getByRole('definition');

describe('signing in with an emailed link', () => {
  test('shows Acme its portal, in English and German, and nothing after sign-out', async ({
    page,
    context,
    baseURL,
    dataDir,
  }) => {
    await page.goto('/');
    await page.waitForURL(`${baseURL}/login`);
    await heading(page, 'Sign in').waitFor();
    await checkA11y(page);

    const link = await askForLink(page, dataDir, 'alice@acme.example');
    await page.getByText(/^If alice@acme\.example belongs to a portal account/).waitFor();
    await checkA11y(page);

    await page.goto(link);
    await heading(page, 'Dashboard').waitFor();
    expect(page.url()).toBe(`${baseURL}/`);
    for (const text of [
      'Welcome to the portal of Acme Corp.',
      '4 install methods available:',
      'Embedded Cluster, air gap',
      '0 active instances',
      '0 inactive instances',
      '0 air gap instances',
      'Paid license',
      '365 days left',
      '0 support bundles uploaded',
      '2 team members',
      '0 service accounts',
    ])
      await page.getByText(text, { exact: true }).waitFor();
    await checkA11y(page);

    await nav(page).getByRole('link', { name: 'License' }).click();
    await heading(page, 'License').waitFor();
    await field(page, 'Customer name').getByText('Acme Corp', { exact: true }).waitFor();
    expect(await field(page, 'License status').textContent()).toBe('Active');
    expect(await field(page, 'License type').textContent()).toBe('Paid');
    expect(await field(page, 'Release channel').textContent()).toBe('Stable');
    expect(await field(page, 'Customer ID').textContent()).toBe('CRM-0042');
    expect(await field(page, 'License ID').textContent()).toBe('2kLp9QvX7mRt4Acme');
    expect(await field(page, 'seats').textContent()).toBe('250');
    expect(await field(page, 'edition').textContent()).toBe('enterprise');
    await checkA11y(page);

    await nav(page).getByRole('link', { name: 'Releases' }).click();
    await heading(page, 'Releases').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Version 1.4.0' }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Version 1.4.0',
      'Version 1.3.0',
      'Version 1.2.0',
      'Version 1.1.0',
      'Version 1.0.0',
    ]);
    const required = (version: string) =>
      page.getByRole('article', { name: `Version ${version}` }).getByText('Required', { exact: true });
    expect(await required('1.2.0').isVisible()).toBe(true);
    expect(await required('1.4.0').count()).toBe(0);
    await checkA11y(page);

    await nav(page).getByRole('link', { name: 'Dashboard' }).click();
    await heading(page, 'Dashboard').waitFor();
    await page.getByRole('button', { name: 'Account: alice@acme.example' }).click();
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/me/preferences') && r.request().method() === 'PUT',
    );
    await page.getByLabel('Language').selectOption({ label: 'Deutsch' });
    expect((await saved).status()).toBe(200);
    await heading(page, 'Übersicht').waitFor();
    await nav(page).getByRole('link', { name: 'Übersicht' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await checkA11y(page);

    await page.reload();
    await heading(page, 'Übersicht').waitFor();
    await page.getByText('Noch 365 Tage', { exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await checkA11y(page);

    const cookie = (await context.cookies()).find((c) => c.name === 'portico_session');
    expect(cookie, 'session cookie after sign-in').toBeDefined();
    const me = () => fetch(`${baseURL}/api/me`, { headers: { cookie: `portico_session=${cookie?.value}` } });
    expect((await me()).status).toBe(200);

    await page.getByRole('button', { name: 'Konto: alice@acme.example' }).click();
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await heading(page, 'Anmelden').waitFor();
    await page.getByText('Sie haben sich abgemeldet.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await checkA11y(page);

    await page.goto('/license-details');
    await page.waitForURL(`${baseURL}/login?next=%2Flicense-details`);
    await heading(page, 'Anmelden').waitFor();
    expect((await context.cookies()).find((c) => c.name === 'portico_session')).toBeUndefined();
    expect((await me()).status).toBe(401);
  });

  test('refuses a link that was already used, and offers a new one', async ({ page, context, dataDir }) => {
    await page.goto('/login');
    const link = await askForLink(page, dataDir, 'bob@acme.example');
    await page.goto(link);
    await heading(page, 'Dashboard').waitFor();
    await page.getByRole('button', { name: 'Account: bob@acme.example' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in').waitFor();

    await page.goto(link);
    await heading(page, 'This link cannot sign you in').waitFor();
    await page
      .getByRole('alert')
      .getByText(/already been used/)
      .waitFor();
    await checkA11y(page);

    // The offer works: a new link arrives, and it signs in (opened in a new tab, as from a mail app).
    const fresh = await askForLink(page, dataDir, 'bob@acme.example', 'Email me a new link');
    expect(fresh).not.toBe(link);
    const tab = await context.newPage();
    await tab.goto(fresh);
    await heading(tab, 'Dashboard').waitFor();
  });

  // An expired link needs a clock that has moved 15 minutes on; the BFF and SPA tests cover it with
  // a controlled clock (server/auth/routes.test.ts, src/features/auth/routes/login.test.tsx).
  test('refuses a tampered link, and offers a new one', async ({ page, dataDir }) => {
    await page.goto('/login');
    const link = await askForLink(page, dataDir, 'dave@initech.example');
    const tampered = link.slice(0, -4) + (link.endsWith('AAAA') ? 'BBBB' : 'AAAA');

    await page.goto(tampered);
    await heading(page, 'This link cannot sign you in').waitFor();
    await page.getByRole('alert').getByText('This sign-in link is not valid.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Email me a new link' }).waitFor();
    await checkA11y(page);
  });
});

describe('the sign-in page from its first byte (issue 11)', () => {
  test('carries the vendor’s title, colour and icon before any script runs, compressed', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const response = (await page.goto('/login'))!;
      expect(await page.title()).toBe('Atlas Analytics Enterprise Portal');
      expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#1f5fbf');
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^\/api\/branding\/favicon\?v=\w+$/);
      expect(response.headers()['content-encoding']).toMatch(/^(br|gzip)$/);
      expect(response.headers()['x-robots-tag']).toBe('noindex');
      // The header is painted in the vendor's colours, with its logo and name, before any script.
      const header = page.locator('header');
      expect((await header.textContent())?.trim()).toBe('Atlas Analytics Enterprise Portal');
      expect(await header.locator('img').getAttribute('src')).toMatch(/^\/api\/branding\/logo\?v=\w+$/);
      expect(await header.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(31, 95, 191)');
      // Its styles come in the page itself (decision 020), compressed with it.
      expect(await page.locator('link[rel="stylesheet"]').count()).toBe(0);
      expect(await (await context.request.get('/robots.txt')).text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
    } finally {
      await context.close();
    }
  });
});
