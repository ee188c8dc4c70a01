import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { checkA11y } from './fixtures/a11y';
import { testWithOwnServer as test } from './fixtures/own-server';
import {
  checkpointStates,
  copyStep,
  expectStatus,
  expectTicked,
  startInstallInWizard,
  stepCommands,
  waitUntilLive,
} from './support/install-page';
import { basicAuth, bash, createAttempt } from './support/installs';

// Guided installs against a server of this file's own (e2e/fixtures/own-server.ts): attempts,
// instances and service accounts would change the counts e2e/sign-in.e2e.ts reads on Acme's
// dashboard. The commands the page renders run for real, with bash, curl and tar.

const DOWNLOAD = 'Download the installation assets';
const INSTALL = 'Install';
const FAILURE = 'host preflight failed: at least 2 CPU cores are required';

/**
 * What a customer's Linux machine does: the copied download command, run as pasted, then the
 * extract step, then the installer from the bundle with the given flags. Each in a folder of its own.
 */
async function runOnMachine(downloadCommand: string, installFlags: string) {
  const machine = await mkdtemp(join(tmpdir(), 'portico-e2e-machine-'));
  try {
    const download = await bash(downloadCommand, machine);
    expect(download.code, `the download command failed:\n${download.stderr}`).toBe(0);
    return {
      machine,
      extract: () => bash('tar -xvzf atlas-stable.tgz', machine),
      install: () => bash(`bash ./atlas install --license license.yaml ${installFlags}`, machine),
      files: () => readdir(machine),
      cleanUp: () => rm(machine, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(machine, { recursive: true, force: true });
    throw error;
  }
}

async function openInstallPage(page: Page) {
  await page.goto('/install');
  await page.getByRole('heading', { level: 1, name: 'Install', exact: true }).waitFor();
}

describe('an Embedded Cluster install, followed live', () => {
  test('the copied commands install Atlas, and the page ticks each step without a reload', async ({
    signedIn: { page },
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });

    await openInstallPage(page);
    await checkA11y(page);
    await page.getByRole('link', { name: 'New installation' }).click();
    await page.getByRole('heading', { level: 1, name: 'New installation', exact: true }).waitFor();
    await checkA11y(page);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Install', exact: true }).waitFor();

    await startInstallInWizard(page, { method: 'Embedded Cluster', name: 'atlas-prod-1', version: '1.4.0' });
    await waitUntilLive(page);
    expect(await checkpointStates(page)).toEqual({
      Started: 'true',
      'Assets downloaded': 'false',
      'Installation completed': 'false',
      'Instance ready': 'false',
    });
    await expectStatus(page, 'In progress');
    // On screen the token is masked; the copy carries it in full.
    expect(await stepCommands(page, `Step 1: ${DOWNLOAD}`).textContent()).toContain('••••••••••••');
    await checkA11y(page);

    const download = await copyStep(page, DOWNLOAD);
    const quotedBase = baseURL.replace(/[.]/g, '\\.');
    expect(download).toMatch(
      new RegExp(
        `^curl -f ${quotedBase}/embedded/atlas/stable/1\\.4\\.0 -H 'Authorization: portico_sa_[\\w-]+' -o atlas-stable\\.tgz$`,
      ),
    );
    expect(await copyStep(page, INSTALL)).toBe('sudo ./atlas install --license license.yaml');

    const machine = await runOnMachine(download, '--dry-run');
    try {
      await expectTicked(page, 'Assets downloaded');
      expect(await checkpointStates(page)).toMatchObject({
        'Installation completed': 'false',
        'Instance ready': 'false',
      });
      if (process.env.E2E_SCREENSHOTS)
        await page.screenshot({ path: join(process.env.E2E_SCREENSHOTS, 'embedded-mid-install.png'), fullPage: true });

      const extracted = await machine.extract();
      expect(extracted.code).toBe(0);
      expect(extracted.stdout.split('\n').filter(Boolean).sort()).toEqual(['atlas', 'license.yaml']);

      const installed = await machine.install();
      expect(installed.code, `the installer failed:\n${installed.stdout}\n${installed.stderr}`).toBe(0);
      expect(installed.stdout).toContain('Atlas Analytics 1.4.0 is installed.');
    } finally {
      await machine.cleanUp();
    }
    await expectTicked(page, 'Installation completed');
    await expectTicked(page, 'Instance ready');
    await expectStatus(page, 'Succeeded');
    if (process.env.E2E_SCREENSHOTS)
      await page.screenshot({ path: join(process.env.E2E_SCREENSHOTS, 'embedded-succeeded.png'), fullPage: true });
    await checkA11y(page);

    // A second attempt, whose installer fails its host preflight: the page shows the reason.
    await openInstallPage(page);
    await startInstallInWizard(page, { method: 'Embedded Cluster', name: 'atlas-prod-2' });
    await waitUntilLive(page);
    const failing = await runOnMachine(await copyStep(page, DOWNLOAD), '--dry-run --fail');
    try {
      expect((await failing.extract()).code).toBe(0);
      const failed = await failing.install();
      expect(failed.code).not.toBe(0);
      expect(failed.stderr).toContain(`Error: ${FAILURE}`);
    } finally {
      await failing.cleanUp();
    }
    await page
      .getByRole('alert')
      .getByText(`The installer reported a failure: ${FAILURE}`, { exact: true })
      .waitFor({ timeout: 5_000 });
    await expectStatus(page, 'Failed');
    expect(await checkpointStates(page)).toEqual({
      Started: 'true',
      'Assets downloaded': 'true',
      'Installation completed': 'false',
      'Instance ready': 'false',
    });
    if (process.env.E2E_SCREENSHOTS)
      await page.screenshot({ path: join(process.env.E2E_SCREENSHOTS, 'embedded-failed.png'), fullPage: true });
    await checkA11y(page);

    // The history lists both, with their outcomes.
    await page.getByRole('link', { name: 'All installations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Install', exact: true }).waitFor();
    const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await row('atlas-prod-1').getByText('Succeeded', { exact: true }).waitFor();
    await row('atlas-prod-2').getByText('Failed', { exact: true }).waitFor();
    await checkA11y(page);
  });
});

test('discarding an installation in its dialog stops its token at once, on every endpoint', async ({
  signedIn: { page, cookie },
  baseURL,
}) => {
  const { attempt, token } = await createAttempt(baseURL, cookie, {
    method: 'embedded',
    name: 'atlas-to-discard',
    version: '1.4.0',
    options: { network: 'online' },
  });

  const download = () =>
    fetch(`${baseURL}/embedded/atlas/stable/1.4.0`, { headers: { authorization: token } }).then(async (r) => {
      await r.body?.cancel();
      return r.status;
    });
  // The registry's base endpoint, with the credentials `helm registry login` / `docker login` send.
  const registry = () =>
    fetch(`${baseURL}/v2/`, { headers: { authorization: basicAuth('alice@acme.example', token) } }).then(async (r) => {
      await r.body?.cancel();
      return r.status;
    });
  expect(await download()).toBe(200);
  expect(await registry()).toBe(200);

  await page.goto(`/install/${attempt.id}`);
  await page.getByRole('heading', { level: 1, name: 'Install: atlas-to-discard', exact: true }).waitFor();
  await waitUntilLive(page);
  await page.getByRole('button', { name: 'Discard installation' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard “atlas-to-discard”?' });
  await dialog.waitFor();
  await dialog.getByText(/its token stops working at once/).waitFor();
  await checkA11y(page);

  // Cancel keeps it; Discard discards it.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(await download()).toBe(200);
  await page.getByRole('button', { name: 'Discard installation' }).click();
  const discarded = page.waitForResponse(
    (r) => r.url() === `${baseURL}/api/installs/${attempt.id}` && r.request().method() === 'DELETE',
  );
  await dialog.getByRole('button', { name: 'Discard', exact: true }).click();
  expect((await discarded).status()).toBe(200);
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('This installation was discarded. Its token no longer works.').waitFor();
  await expectStatus(page, 'Discarded');
  expect(await page.getByRole('button', { name: 'Discard installation' }).count()).toBe(0);
  expect(await page.getByRole('heading', { level: 2, name: 'Steps' }).count()).toBe(0);
  await checkA11y(page);

  expect(await download()).toBe(401);
  expect(await registry()).toBe(401);
  const checkIn = await fetch(`${baseURL}/kots_metrics/license_instance/info`, {
    method: 'POST',
    headers: {
      authorization: basicAuth(token, token),
      'content-type': 'application/json',
      'x-replicated-instanceid': 'e2e-discarded',
    },
    body: '{}',
  });
  expect(checkIn.status).toBe(401);

  // It stays in the history as discarded, and its name is free again.
  await page.getByRole('link', { name: 'All installations' }).click();
  await page.getByRole('heading', { level: 1, name: 'Install', exact: true }).waitFor();
  await page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'atlas-to-discard', exact: true }) })
    .getByText('Discarded', { exact: true })
    .waitFor();
  await checkA11y(page);
  const again = await createAttempt(baseURL, cookie, {
    method: 'embedded',
    name: 'atlas-to-discard',
    version: '1.4.0',
    options: { network: 'online' },
  });
  expect(again.attempt.id).not.toBe(attempt.id);
});

describe('at Globex', () => {
  test.override({ user: 'carol@globex.example' });

  // A Copy button keeps its visible text first in its accessible name while it says "Copied".
  test('a Copy button keeps its visible text in its accessible name after copying', async ({
    signedIn: { page, cookie },
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const { attempt } = await createAttempt(baseURL, cookie, {
      method: 'embedded',
      name: 'globex-copy-check',
      version: '1.4.0',
      options: { network: 'online' },
    });
    await page.goto(`/install/${attempt.id}`);
    await page.getByRole('heading', { level: 1, name: 'Install: globex-copy-check', exact: true }).waitFor();
    await copyStep(page, 'Extract the installation assets');
    await checkA11y(page);
  });

  // One page leaving an attempt must not silence another page of the same team.
  test('a page stays live when another page of the team leaves an attempt', async ({
    signedIn: { page, cookie },
    context,
    baseURL,
  }) => {
    const input = { method: 'embedded', version: '1.4.0', options: { network: 'online' } } as const;
    const left = await createAttempt(baseURL, cookie, { ...input, name: 'globex-left' });
    const watched = await createAttempt(baseURL, cookie, { ...input, name: 'globex-watched' });

    await page.goto(`/install/${left.attempt.id}`);
    await waitUntilLive(page);
    await openInstallPage(page); // Leaving the attempt page closes its event stream.
    const other = await context.newPage();
    await other.goto(`/install/${watched.attempt.id}`);
    await waitUntilLive(other);
    const watchedSince = Date.now();
    // Past the left stream's 15 s sleep, and past the watched stream's first periodic resend, so only
    // a live event can tick the box within the next seconds.
    await new Promise((resolve) => setTimeout(resolve, watchedSince + 15_500 - Date.now()));
    const download = await fetch(`${baseURL}/embedded/atlas/stable/1.4.0`, {
      headers: { authorization: watched.token },
    });
    expect(download.status).toBe(200);
    await download.arrayBuffer();
    await expectTicked(other, 'Assets downloaded', true, 3_000);
  });
});
