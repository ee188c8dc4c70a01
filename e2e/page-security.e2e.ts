import { readFileSync } from 'node:fs';
import type { Page, Response } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { Branding } from '../contract/catalogue';
import { styleSource, themeStyle } from '../server/node/index-page';
import { test as signedOutTest } from './fixtures/browser';
import { test } from './fixtures/signed-in';

// Issue 6, defect 13: every page carries a content security policy that allows the portal's own
// files only, and the portal works under it. The fixtures fail any test whose pages report a
// violation, so every other spec checks the pages it visits too.

// The inline styles allowed are the vendor's colours (server/node/index-page.ts) and the build's
// stylesheet, written into the page (server/node/inline-styles.ts, decision 020), by their hashes.
const policy = (styleHash: string) =>
  `default-src 'self'; script-src 'self'; style-src 'self' ${styleHash} ${styleSource(builtStylesheet())}; ` +
  "img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/** The stylesheet the build links from index.html (the host writes it into the page). */
function builtStylesheet() {
  const built = new URL('../dist/client/', import.meta.url);
  const href = readFileSync(new URL('index.html', built), 'utf8').match(
    /<link rel="stylesheet"[^>]* href="\/([^"]+)"/,
  )![1]!;
  return readFileSync(new URL(href, built), 'utf8');
}

async function expectPageHeaders(response: Response | null) {
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  const branding = (await (await fetch(new URL('/api/branding', response!.url()))).json()) as Branding;
  expect(headers['content-security-policy']).toBe(policy(styleSource(themeStyle(branding.primaryColor)!)));
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

describe('the content security policy', () => {
  signedOutTest('comes with the sign-in page, its scripts and styles', async ({ page }) => {
    const assets: Response[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/assets/')) assets.push(response);
    });
    await expectPageHeaders(await page.goto('/login'));
    await heading(page, 'Sign in');
    expect(assets.map((a) => a.url())).toContainEqual(expect.stringMatching(/\.js$/));
    // The stylesheet is in the page, and the policy lets it apply: the violations fixture hears of none.
    expect(await page.locator('style').evaluateAll((styles) => styles.map((s) => s.textContent))).toContain(
      builtStylesheet(),
    );
    for (const asset of assets) expect(asset.headers()['x-content-type-options'], asset.url()).toBe('nosniff');
  });

  test('lets every portal page work, with no violation reported', async ({ signedIn: { page } }) => {
    // The stylesheet is in every page: no page, nor any lazy chunk a page loads, asks for it again.
    const stylesheets: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('.css')) stylesheets.push(request.url());
    });
    await expectPageHeaders(await page.goto('/'));
    await heading(page, 'Dashboard');
    for (const name of ['Install', 'Instances', 'Releases', 'License', 'Support', 'Team']) {
      await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
      await heading(page, name);
    }
    // Release notes are rendered Markdown; a deep link loads the page afresh.
    await expectPageHeaders(await page.goto('/releases'));
    await page.getByRole('heading', { level: 2, name: 'Version 1.4.0' }).waitFor();
    await expectPageHeaders(await page.goto('/settings'));
    await heading(page, 'Settings');
    expect(stylesheets).toEqual([]);
  });

  test("runs the page's warm-up worker from the portal's own files (decision 022)", async ({ signedIn: { page } }) => {
    // What each worker the page starts answers it, heard beside the page's own listener.
    await page.addInitScript(() => {
      const answers: unknown[] = ((window as unknown as { workerAnswers: unknown[] }).workerAnswers = []);
      window.Worker = class extends window.Worker {
        constructor(...args: ConstructorParameters<typeof Worker>) {
          super(...args);
          this.addEventListener('message', (event) => answers.push(event.data));
        }
      };
    });
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    await page.goto('/');
    await heading(page, 'Dashboard');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { workerAnswers: unknown[] }).workerAnswers))
      .toEqual(['warm']);
    expect(workers).toEqual([expect.stringMatching(/^\/assets\/warm-up\.worker-[\w-]+\.js$/)]);
  });

  test('blocks an inline script or style someone manages to inject, and the fixture hears of it', async ({
    signedIn: { page },
    cspViolations,
  }) => {
    await page.goto('/');
    await heading(page, 'Dashboard');
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { display: none }';
      document.head.append(style);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { script: 'injected' in window, hidden: getComputedStyle(document.body).display === 'none' };
    });
    expect(ran).toEqual({ script: false, hidden: false });
    await expect
      .poll(() => cspViolations.map((v) => v.directive).sort())
      .toEqual(['script-src-elem', 'style-src-elem']);
    expect(cspViolations.every((v) => v.blocked === 'inline')).toBe(true);
    cspViolations.splice(0); // Provoked on purpose: not a failure of this test.
  });
});
