import { screen, waitFor, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { renderApp } from '../../../testing/render-app';
import { violations } from '../../../testing/axe';
import { readFileSync } from 'node:fs';
import { bundleFile, historyRow, makeBundle, startUpload } from '../../../testing/support-bundles';

const HOSTILE_TEXT = '<img src=x onerror=alert(1)>';

// Uploading and inspecting 523 entries in jsdom takes a while on a busy machine.
it('shows the file list and a text file as literal text, never as markup', { timeout: 40_000 }, async () => {
  const { user } = await renderApp('/support', { user: 'alice@acme.example' });
  await screen.findByRole('heading', { name: 'Support', level: 1 });
  const bytes = await makeBundle({
    'cluster-info/cluster_version.json': JSON.stringify({ info: { gitVersion: 'v1.30.1' } }),
    'logs/app/evil.html': HOSTILE_TEXT,
    ...Object.fromEntries(Array.from({ length: 520 }, (_, i) => [`logs/many/${i}.log`, `line ${i}\n`])),
  });
  await startUpload(user, bundleFile(bytes, 'files.tar.gz'));
  const row = await historyRow('files.tar.gz', 'Ready');
  await user.click(within(row).getByRole('link', { name: 'files.tar.gz' }));
  await screen.findByRole('heading', { name: 'files.tar.gz', level: 1 });
  expect(screen.getByText('v1.30.1')).toBeInTheDocument();

  const files = screen.getByRole('heading', { name: 'Files' }).closest('section')!;
  // 523 entries: the first 500 are drawn, the filter reaches the rest.
  expect(
    within(files).getByText('Showing the first 500 of 523 entries: filter to find the others.'),
  ).toBeInTheDocument();
  expect(within(files).getAllByRole('listitem')).toHaveLength(500);
  await user.type(within(files).getByRole('searchbox', { name: 'Filter files by path' }), 'version');
  expect(await within(files).findByRole('button', { name: /^version\.yaml/ })).toBeInTheDocument();
  await user.clear(within(files).getByRole('searchbox', { name: 'Filter files by path' }));
  await user.type(within(files).getByRole('searchbox', { name: 'Filter files by path' }), 'evil');
  await waitFor(() => expect(within(files).getByText('1 entry')).toBeInTheDocument());
  expect(within(files).queryByRole('button', { name: /^version\.yaml/ })).not.toBeInTheDocument();
  await user.click(within(files).getByRole('button', { name: /^logs\/app\/evil\.html/ }));

  const content = await screen.findByLabelText('Content of logs/app/evil.html');
  await waitFor(() => expect(content).toHaveTextContent(HOSTILE_TEXT));
  expect(content.textContent).toBe(HOSTILE_TEXT);
  expect(content.children).toHaveLength(0);
  expect(document.querySelector('img[src="x"]')).toBeNull();
  expect(await violations(document.body)).toEqual([]);
});

it('deletes a bundle from its own page after confirmation and goes back to Support', async () => {
  const { user, router } = await renderApp('/support', { user: 'alice@acme.example' });
  await screen.findByRole('heading', { name: 'Support', level: 1 });
  await startUpload(user, bundleFile(await makeBundle({}), 'gone.tar.gz'));
  const row = await historyRow('gone.tar.gz', 'Ready');
  await user.click(within(row).getByRole('link', { name: 'gone.tar.gz' }));
  await screen.findByRole('heading', { name: 'gone.tar.gz', level: 1 });
  await user.click(screen.getByRole('button', { name: 'Delete' }));
  const dialog = await screen.findByRole('dialog', { name: 'Delete gone.tar.gz?' });
  await user.click(within(dialog).getByRole('button', { name: 'Delete bundle' }));
  await waitFor(() => expect(router.state.location.pathname).toBe('/support'));
  expect(await screen.findByRole('heading', { name: 'No support bundles yet' })).toBeInTheDocument();
});

it('lists the analyzer results by severity and the instance reports of the SDK', async () => {
  const { user } = await renderApp('/support', { user: 'alice@acme.example' });
  await screen.findByRole('heading', { name: 'Support', level: 1 });
  const bytes = readFileSync('server/support-bundles/fixtures/airgap-acme.tar.gz');
  await startUpload(user, bundleFile(bytes, 'acme.tar.gz'));
  const row = await historyRow('acme.tar.gz', 'Ready');
  await user.click(within(row).getByRole('link', { name: 'acme.tar.gz' }));
  await screen.findByRole('heading', { name: 'acme.tar.gz', level: 1 });
  expect(screen.getByText('1 error')).toBeInTheDocument();
  expect(screen.getByText('1 warning')).toBeInTheDocument();
  expect(screen.getByText('1 passed')).toBeInTheDocument();
  const analysis = screen.getByRole('region', { name: 'Analyzer results' });
  const results = within(analysis).getAllByRole('listitem');
  // What calls for action first.
  expect(results.map((r) => r.textContent)).toEqual([
    expect.stringMatching(/^ErrorAtlas database/),
    expect.stringMatching(/^WarningNode Resources/),
    expect.stringMatching(/^PassedKubernetes Version/),
  ]);
  const reports = screen.getByRole('region', { name: 'Instance reports' });
  expect(within(reports).getAllByRole('listitem').length).toBeGreaterThan(0);
  expect(await violations(document.body)).toEqual([]);
});
