import { describe, expect } from 'vitest';
import { checkA11y } from './fixtures/a11y';
import { testWithOwnServer as test } from './fixtures/own-server';

const ACME_LICENSE_ID = '2kLp9QvX7mRt4Acme';

/**
 * An SDK check-in as the Replicated SDK sends it (server/testing/recorded-requests.ts): the
 * license ID in Basic auth, Go's header spelling, the `name` tag, and the channel sequence that
 * names the version it runs.
 */
async function sdkCheckIn(baseURL: string, channelSequence: number) {
  const states = [{ kind: 'deployment', name: 'atlas-api', namespace: 'atlas', state: 'ready' }];
  const response = await fetch(`${baseURL}/kots_metrics/license_instance/info`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${btoa(`${ACME_LICENSE_ID}:${ACME_LICENSE_ID}`)}`,
      'Content-Type': 'application/json',
      'User-Agent': 'Replicated-SDK/v1.0.0',
      'X-Replicated-Instanceid': 'e2e-issue-8-instance',
      'X-Replicated-Clusterid': 'e2e-issue-8-cluster',
      'X-Replicated-Appstatus': 'ready',
      'X-Replicated-Downstreamchannelid': '2kLp9QvX7mRt4StableCh',
      'X-Replicated-Downstreamchannelsequence': String(channelSequence),
      'X-Replicated-K8sdistribution': 'embedded-cluster',
      'X-Replicated-Instancetagdata': btoa(JSON.stringify({ force: false, tags: { name: 'e2e-prod' } })),
    },
    body: JSON.stringify({ resource_states: JSON.stringify(states) }),
  });
  expect(response.status).toBe(200);
}

describe('instances (issue 8)', () => {
  describe('as alice@acme', () => {
    test.override({ user: 'alice@acme.example' });

    test('an SDK check-in shows on the Active tab, and its upgrade walks through the required release', async ({
      signedIn: { page },
      baseURL,
    }) => {
      await sdkCheckIn(baseURL, 2); // 1.1.0
      await page.goto('/instances');
      await page.getByRole('heading', { level: 1, name: 'Instances', exact: true }).waitFor();
      await page.getByRole('link', { name: /^Active \(1\)/ }).waitFor();
      const row = page.getByRole('link', { name: 'e2e-prod', exact: true });
      await row.waitFor();
      await page.locator('text="1.1.0" >> visible=true').first().waitFor();
      await page
        .getByText(/^Embedded Cluster · Kubernetes embedded-cluster · SDK v1\.0\.0 · First check-in /)
        .waitFor();
      await checkA11y(page);

      // The resources on demand, in a popover that Escape closes.
      await page.getByRole('button', { name: '1 of 1 resources ready of e2e-prod' }).click();
      const resources = page.getByRole('dialog', { name: 'Resources of e2e-prod' });
      await resources.getByText('atlas/atlas-api').waitFor();
      await checkA11y(page);
      await page.keyboard.press('Escape');
      await resources.waitFor({ state: 'hidden' });

      // "Update available" in the row opens the instructions on the instance's page.
      await page.getByRole('link', { name: 'Update available · 3 versions behind for e2e-prod' }).click();
      await page.getByRole('heading', { level: 1, name: 'e2e-prod', exact: true }).waitFor();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // 1.2.0 is required: the picker starts there and says why.
      expect(await dialog.getByLabel('Target version').inputValue()).toBe('1.2.0');
      await dialog.getByText('1.2.0 is required before later versions', { exact: false }).waitFor();
      await dialog.getByLabel('Target version').selectOption('1.4.0');
      await dialog.getByText('Upgrade path: 1.2.0 → 1.4.0', { exact: false }).waitFor();
      await checkA11y(page);

      await sdkCheckIn(baseURL, 5); // 1.4.0 reported: the page polls, and the instructions close.
      await page.getByText('Up to date', { exact: true }).first().waitFor({ timeout: 40_000 });
      await dialog.waitFor({ state: 'hidden' });
    });
  });

  describe('as dave@initech', () => {
    test.override({ user: 'dave@initech.example' });

    test('an air gap record is created, edited and archived by hand', async ({ signedIn: { page } }) => {
      await page.goto('/instances');
      await page.getByRole('link', { name: 'Create air gap instance record' }).click();
      await page.getByRole('heading', { level: 1, name: 'Create air gap instance record' }).waitFor();
      await page.getByLabel('Instance nickname').fill('vault-dc1');
      await page.getByLabel('Current version').selectOption('1.5.0-beta.1');
      await page.getByLabel('Admin Console URL (optional)').fill('ftp://vault.internal');
      await page.getByRole('button', { name: 'Create instance' }).click();
      // The reason is next to the field, and nothing was created.
      await page.getByText('Enter the Admin Console URL as an http or https URL', { exact: false }).waitFor();
      await page.getByLabel('Admin Console URL (optional)').fill('https://vault.internal:30000');
      await checkA11y(page);
      await page.getByRole('button', { name: 'Create instance' }).click();

      await page.getByRole('heading', { level: 1, name: 'Instances', exact: true }).waitFor();
      await page.getByRole('link', { name: /^Air gap \(1\)/ }).waitFor();
      await page.getByRole('link', { name: 'Edit vault-dc1' }).click();
      await page.getByRole('heading', { level: 1, name: 'Edit air gap instance record' }).waitFor();
      await page.getByLabel('Instance nickname').fill('vault-dc2');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('button', { name: 'Archive vault-dc2' }).click();
      await page.getByRole('link', { name: /^Air gap \(0\)/ }).waitFor();
      await checkA11y(page);
    });
  });
});
