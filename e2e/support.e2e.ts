import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { describe, expect } from 'vitest';
import { freePort, type RunningServer } from '../server/testing/server-process';
import { checkA11y } from './fixtures/a11y';
import { test as browserTest } from './fixtures/browser';
import { startServer } from './support/server';
import { signInByApi } from './support/sign-in';

// The real troubleshoot bundle, in the ../shared folder beside the project (k3s v1.31.2+k3s1, 1 node).
const BASELINE = resolve('../shared/fixtures/support-bundles/troubleshoot-baseline.tar.gz');
/** Bytes a second the browser may send: the 158 KB bundle then takes about 13 s, time to stop the server. */
const UPLOAD_BYTES_PER_SECOND = 12 * 1024;

/**
 * A server of this file's own on a fixed port, so the test can take it down mid-upload and bring
 * it back where the page and the upload's URL point, with the same data folder.
 */
const test = browserTest
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern.
  .extend('restartable', { scope: 'file' }, async ({}, { onCleanup }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'portico-e2e-support-'));
    const port = await freePort();
    let server: RunningServer = await startServer({ dataDir, port });
    onCleanup(async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    });
    return {
      baseURL: server.baseURL,
      dataDir,
      stop: () => server.stop(),
      start: async () => void (server = await startServer({ dataDir, port })),
    };
  })
  .override('baseURL', { scope: 'file' }, ({ restartable }) => restartable.baseURL)
  .override('dataDir', { scope: 'file' }, ({ restartable }) => restartable.dataDir);

/**
 * The browser fixture fails a test on any console error; while the server is down, Chromium logs
 * each refused request of the upload's retries as one. Those, and only those, are expected here.
 */
function watchConsole(context: BrowserContext, baseURL: string) {
  const problems: string[] = [];
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    if (url.startsWith(`${baseURL}/api/support-bundles/uploads`)) return;
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    problems.push(`console error: ${message.text()} (${url})`);
  });
  context.on('weberror', (error) => problems.push(`uncaught: ${error.error().message}`));
  return problems;
}

describe('support bundles (issue 9)', () => {
  test(
    'alice uploads the baseline bundle, the server goes down mid-upload and comes back, the upload resumes and its facts show',
    { timeout: 150_000 },
    async ({ browser, baseURL, dataDir, restartable }) => {
      const context = await browser.newContext({ baseURL, locale: 'en-US' });
      context.setDefaultTimeout(15_000);
      const problems = watchConsole(context, baseURL);
      try {
        await signInByApi(context.request, baseURL, dataDir, 'alice@acme.example');
        const page = await context.newPage();
        await page.goto('/support');
        await page.getByRole('heading', { level: 1, name: 'Support' }).waitFor();
        await page.getByText('sudo ./atlas support-bundle', { exact: true }).waitFor();

        // A slow uplink (DevTools throttling), so the upload is still going when the server stops.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 0,
          downloadThroughput: -1,
          uploadThroughput: UPLOAD_BYTES_PER_SECOND,
        });

        await page.getByLabel('Choose a file').setInputFiles(BASELINE);
        await page.getByRole('button', { name: 'Upload troubleshoot-baseline.tar.gz' }).click();
        const progress = page.getByRole('progressbar', { name: 'Upload of troubleshoot-baseline.tar.gz' });
        await progress.waitFor();
        await page.getByText(/ of 158 KB \(\d+ %\)/).waitFor();
        await checkA11y(page);
        const fraction = () =>
          page.evaluate(() => {
            const bar = document.querySelector('progress');
            return bar ? bar.value / bar.max : 0;
          });
        await expect.poll(fraction, { timeout: 20_000 }).toBeGreaterThan(0.2);
        expect(await fraction()).toBeLessThan(0.9);

        await restartable.stop();
        await page.getByText('The connection to the portal was lost.', { exact: false }).waitFor({ timeout: 30_000 });
        const before = await fraction();
        expect(before).toBeLessThan(1);
        await restartable.start();

        // tus-js-client retries on its own: HEAD tells it the server's offset, PATCH sends the rest.
        await page.getByText('troubleshoot-baseline.tar.gz is uploaded', { exact: false }).waitFor({ timeout: 90_000 });
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 0,
          downloadThroughput: -1,
          uploadThroughput: -1,
        });
        const row = page.getByRole('row').filter({ hasText: 'troubleshoot-baseline.tar.gz' });
        await row.getByText('Ready', { exact: true }).waitFor({ timeout: 30_000 });
        await checkA11y(page);

        await row.getByRole('link', { name: 'troubleshoot-baseline.tar.gz', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'troubleshoot-baseline.tar.gz' }).waitFor();
        const facts = page.getByRole('region', { name: 'Cluster' });
        await facts.getByText('v1.31.2+k3s1', { exact: true }).waitFor();
        await facts.getByText('k3s', { exact: true }).waitFor();
        await facts.getByText('1 of 1 ready', { exact: true }).waitFor();
        await page.getByRole('button', { name: /^version\.yaml/ }).click();
        await page.getByLabel('Content of version.yaml').getByText('SupportBundle', { exact: false }).waitFor();
        await checkA11y(page);
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
    },
  );
});
