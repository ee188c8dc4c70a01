import { readFile } from 'node:fs/promises';
import { describe, expect } from 'vitest';
import { checkA11y } from './fixtures/a11y';
import { testWithOwnServer as test } from './fixtures/own-server';
import { portalApi } from './support/installs';

/** Initech's air-gap bundle with the Replicated SDK's report secrets (scripts/make-bundle-fixtures.mjs). */
const INITECH_BUNDLE = new URL('../server/support-bundles/fixtures/airgap-initech.tar.gz', import.meta.url);

/** A browser's tus upload of a whole file in one PATCH, over real HTTP with the session cookie. */
async function uploadBundle(baseURL: string, cookie: string, bytes: Uint8Array<ArrayBuffer>, instanceId: string) {
  const metadata = `filename ${btoa('airgap-initech.tar.gz')},instanceId ${btoa(instanceId)}`;
  const created = await portalApi(baseURL, cookie, '/api/support-bundles/uploads', {
    method: 'POST',
    headers: { 'tus-resumable': '1.0.0', 'upload-length': String(bytes.byteLength), 'upload-metadata': metadata },
  });
  expect(created.status).toBe(201);
  const sent = await portalApi(baseURL, cookie, created.headers.get('location')!, {
    method: 'PATCH',
    headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: bytes,
  });
  expect(sent.status).toBe(204);
}

describe('support bundles and air gap records (issue 9)', () => {
  describe('as dave@initech', () => {
    test.override({ user: 'dave@initech.example' });

    test("an air-gap bundle with the SDK's reports updates Initech's record", async ({
      signedIn: { page, cookie },
      baseURL,
    }) => {
      const recorded = await portalApi(baseURL, cookie, '/api/airgap-instances', {
        method: 'POST',
        body: JSON.stringify({ name: 'vault-dc1', version: '1.5.0-beta.1', method: 'helm' }),
      });
      expect(recorded.status).toBe(201);
      const { id } = await recorded.json();

      await uploadBundle(baseURL, cookie, new Uint8Array(await readFile(INITECH_BUNDLE)), id);
      // Inspected once the upload has been answered: wait for the history to say how it went.
      let status = 'inspecting';
      for (let i = 0; i < 100 && status === 'inspecting'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const { bundles } = await (await portalApi(baseURL, cookie, '/api/support-bundles')).json();
        status = bundles[0]?.status ?? 'inspecting';
        if (status === 'rejected') throw new Error(JSON.stringify(bundles[0].rejection));
      }
      expect(status).toBe('ready');

      await page.goto('/instances?tab=airgap');
      await page.getByRole('link', { name: 'vault-dc1', exact: true }).waitFor();
      // The record now carries what the instance itself reported in the bundle.
      await page
        .getByText(/Kubernetes rke2 v1\.31\.2\+rke2r1/)
        .first()
        .waitFor({ timeout: 20_000 });
      await checkA11y(page);
    });
  });
});
