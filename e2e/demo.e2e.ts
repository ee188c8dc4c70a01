import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { checkA11y } from './fixtures/a11y';
import { expectStatus, expectTicked, startInstallInWizard, waitUntilLive } from './support/install-page';
import { test as base } from './fixtures/browser';
import { startStaticServer } from './support/static-server';

const demoDir = fileURLToPath(new URL('../dist/demo', import.meta.url));

/** The demo folder on a plain static file server of the file's own: no BFF anywhere but the page. */
const test = base
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern.
  .extend('demoHost', { scope: 'file' }, async ({}, { onCleanup }) => {
    if (!existsSync(`${demoDir}/index.html`))
      throw new Error('dist/demo is missing: run `npm run build:demo` first (`npm run test:e2e` does).');
    const host = await startStaticServer(demoDir);
    onCleanup(() => host.stop());
    return host;
  })
  .override('baseURL', { scope: 'file' }, ({ demoHost }) => demoHost.baseURL);

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

// The first visit downloads PGlite and unpacks the build's database in the page: seconds on a busy machine.
const STARTUP_MS = 90_000;

describe('the zero-install demo', () => {
  test(
    'signs in by the on-screen link, installs to "Instance ready", keeps the session over a reload, and resets',
    { timeout: 240_000 },
    async ({ page, baseURL }) => {
      await page.goto('/');
      await heading(page, 'Sign in').waitFor({ timeout: STARTUP_MS });
      await page.getByText('This is a demo: everything stays in this browser.').waitFor();

      await page.getByLabel('Work email').fill('alice@acme.example');
      await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
      await page.getByRole('link', { name: 'Demo: open your sign-in link' }).click();
      await heading(page, 'Dashboard').waitFor({ timeout: 30_000 });
      await page.waitForURL(`${baseURL}/`);
      await checkA11y(page);

      // A guided install, its machine played from the page: the boxes tick to "Instance ready".
      await page.goto('/install');
      await heading(page, 'Install').waitFor({ timeout: STARTUP_MS });
      await startInstallInWizard(page, { method: 'Embedded Cluster', name: 'demo-vm-1' });
      await waitUntilLive(page);
      await page.getByRole('button', { name: 'Run the install on a demo machine' }).click();
      await expectTicked(page, 'Assets downloaded', true, 30_000);
      await expectTicked(page, 'Installation completed', true, 30_000);
      await expectTicked(page, 'Instance ready', true, 30_000);
      await expectStatus(page, 'Succeeded', 30_000);
      await page.getByText('The demo machine is done.').waitFor();
      await checkA11y(page);

      // The database is in IndexedDB and the session in the demo's cookie jar: both outlive a reload.
      await page.goto('/team');
      await page.getByRole('heading', { level: 2, name: 'Members', exact: true }).waitFor({ timeout: STARTUP_MS });
      await page.getByRole('cell', { name: 'alice@acme.example', exact: true }).waitFor();

      await page.getByRole('button', { name: 'Reset demo' }).click();
      await heading(page, 'Sign in').waitFor({ timeout: STARTUP_MS });
      await page.goto('/team');
      await page.waitForURL(/\/login/, { timeout: STARTUP_MS });
      await heading(page, 'Sign in').waitFor({ timeout: STARTUP_MS });
    },
  );
});
