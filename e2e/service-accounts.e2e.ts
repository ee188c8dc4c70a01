import { describe, expect } from 'vitest';
import { checkA11y } from './fixtures/a11y';
import { testWithOwnServer as test } from './fixtures/own-server';

/**
 * An SDK check-in as the Replicated SDK sends it (server/testing/recorded-requests.ts), with a
 * service-account token in both halves of Basic auth where the license ID usually goes.
 */
function sdkCheckIn(baseURL: string, token: string) {
  const states = [{ kind: 'deployment', name: 'atlas-api', namespace: 'atlas', state: 'ready' }];
  return fetch(`${baseURL}/kots_metrics/license_instance/info`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${btoa(`${token}:${token}`)}`,
      'Content-Type': 'application/json',
      'User-Agent': 'Replicated-SDK/v1.0.0',
      'X-Replicated-Instanceid': 'e2e-issue-10-instance',
      'X-Replicated-Clusterid': 'e2e-issue-10-cluster',
      'X-Replicated-Appstatus': 'ready',
      'X-Replicated-Downstreamchannelsequence': '5',
      'X-Replicated-K8sdistribution': 'embedded-cluster',
    },
    body: JSON.stringify({ resource_states: JSON.stringify(states) }),
  });
}

describe('service accounts (issue 10)', () => {
  test.override({ user: 'alice@acme.example' });

  test('a token made in the UI checks in and reads the API; rotated, the old one is refused', async ({
    signedIn: { page },
    baseURL,
  }) => {
    await page.goto('/team?tab=service-accounts');
    await page.getByRole('heading', { level: 2, name: 'Service accounts', exact: true }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('e2e-ci');
    await page.getByRole('button', { name: 'Create service account' }).click();
    const tokenText = page.getByLabel('Service-account token');
    await tokenText.waitFor();
    const first = (await tokenText.textContent())!;
    expect(first).toMatch(/^portico_sa_/);
    await page.getByText('it will not be shown again', { exact: false }).waitFor();
    await checkA11y(page);

    expect((await sdkCheckIn(baseURL, first)).status).toBe(200);
    const instances = await fetch(`${baseURL}/api/instances`, { headers: { Authorization: `Bearer ${first}` } });
    expect(instances.status).toBe(200);

    await page.getByRole('button', { name: 'Done, I have copied it' }).click();
    await page.getByRole('button', { name: 'Rotate token e2e-ci' }).click();
    await page
      .getByRole('dialog', { name: 'Rotate the token of e2e-ci?' })
      .getByRole('button', { name: 'Rotate token' })
      .click();
    await page.getByRole('heading', { name: 'New token for e2e-ci' }).waitFor();
    const second = (await tokenText.textContent())!;
    expect(second).toMatch(/^portico_sa_/);
    expect(second).not.toBe(first);

    const refused = await sdkCheckIn(baseURL, first);
    expect(refused.status).toBe(401);
    expect((await sdkCheckIn(baseURL, second)).status).toBe(200);
    const again = await fetch(`${baseURL}/api/instances`, { headers: { Authorization: `Bearer ${second}` } });
    expect(again.status).toBe(200);
    const old = await fetch(`${baseURL}/api/instances`, { headers: { Authorization: `Bearer ${first}` } });
    expect(old.status).toBe(401);

    // Revoked after the dialog: the new token stops too.
    await page.getByRole('button', { name: 'Done, I have copied it' }).click();
    await page.getByRole('button', { name: 'Revoke e2e-ci' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke e2e-ci?' });
    await dialog.waitFor();
    await checkA11y(page);
    await dialog.getByRole('button', { name: 'Revoke service account' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('row', { name: /e2e-ci/ })
      .getByText('Revoked')
      .waitFor();
    expect((await sdkCheckIn(baseURL, second)).status).toBe(401);
  });
});
