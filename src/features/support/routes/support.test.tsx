import { screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { expect, it } from 'vitest';
import { mswServer } from '../../../../mocks/node';
import { supportBundles } from '../../../../server/db/schema';
import { bundleCatalogue } from '../../../../server/testing/tus-client';
import { renderApp } from '../../../testing/render-app';
import { violations } from '../../../testing/axe';
import {
  BASELINE,
  bundleFile,
  historyRow,
  hostileBundle,
  makeBundle,
  startUpload,
} from '../../../testing/support-bundles';

const codeBlocks = () => screen.getAllByRole('code').map((c) => c.textContent);

it('shows collection instructions for each install method the license allows, and the vendor contact', async () => {
  await renderApp('/support', { user: 'alice@acme.example' });
  await screen.findByRole('heading', { name: 'Support', level: 1 });
  expect(screen.getByRole('heading', { name: 'Embedded Cluster' })).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'Helm' })).toBeInTheDocument();
  expect(codeBlocks()).toEqual([
    'sudo ./atlas support-bundle',
    'kubectl krew install support-bundle',
    'kubectl support-bundle --load-cluster-specs',
  ]);
  expect(screen.getAllByRole('button', { name: /^Copy the command/ })).toHaveLength(3);
  expect(screen.getByRole('link', { name: 'Open the support portal' })).toHaveAttribute(
    'href',
    'https://support.atlas.example',
  );
  expect(screen.getByRole('heading', { name: 'No support bundles yet' })).toBeInTheDocument();
  expect(await violations(document.body)).toEqual([]);
});

it('shows only Embedded Cluster collection to a team whose license allows only it', async () => {
  await renderApp('/support', { user: 'carol@globex.example' });
  await screen.findByRole('heading', { name: 'Support', level: 1 });
  expect(screen.queryByRole('heading', { name: 'Helm' })).not.toBeInTheDocument();
  expect(codeBlocks()).toEqual(['sudo ./atlas support-bundle']);
});

it('uploads the troubleshoot baseline: progress, then the history lists it ready with its facts', async () => {
  const { user } = await renderApp('/support', { user: 'alice@acme.example' });
  await screen.findByRole('heading', { name: 'Support', level: 1 });
  await startUpload(user, bundleFile(BASELINE, 'troubleshoot-baseline.tar.gz'));
  expect(await screen.findByText(/troubleshoot-baseline.tar.gz is uploaded/)).toBeInTheDocument();
  const row = await historyRow('troubleshoot-baseline.tar.gz', 'Ready');
  expect(within(row).getByText('alice@acme.example')).toBeInTheDocument();
  expect(within(row).getByText('158 KB')).toBeInTheDocument();
  expect(within(row).getByRole('link', { name: 'Download troubleshoot-baseline.tar.gz' })).toHaveAttribute(
    'href',
    expect.stringMatching(/^\/api\/support-bundles\/[0-9a-f-]+\/download$/),
  );
  expect(await violations(document.body)).toEqual([]);

  await user.click(within(row).getByRole('link', { name: 'troubleshoot-baseline.tar.gz' }));
  await screen.findByRole('heading', { name: 'troubleshoot-baseline.tar.gz', level: 1 });
  const facts = screen.getByRole('heading', { name: 'Cluster' }).closest('section')!;
  expect(within(facts).getByText('v1.31.2+k3s1')).toBeInTheDocument();
  expect(within(facts).getByText('k3s')).toBeInTheDocument();
  expect(within(facts).getByText('1 of 1 ready')).toBeInTheDocument();
  expect(await violations(document.body)).toEqual([]);
});

it('shows why a hostile bundle was refused, in the reader’s language', async () => {
  const { user } = await renderApp('/support', { user: 'alice@acme.example', locale: 'de' });
  await screen.findByRole('heading', { name: 'Support', level: 1 });
  await user.upload(
    screen.getByLabelText('Datei auswählen'),
    bundleFile(hostileBundle('path-traversal.tar.gz'), 'p.tar.gz'),
  );
  await user.click(await screen.findByRole('button', { name: 'p.tar.gz hochladen' }));
  const link = await screen.findByRole('link', { name: 'p.tar.gz' }, { timeout: 10_000 });
  const row = link.closest('tr')!;
  await waitFor(() => expect(within(row).getByText('Abgelehnt')).toBeInTheDocument(), { timeout: 10_000 });
  expect(within(row).getByText(/aus seinem Ordner herausführt/)).toBeInTheDocument();
  expect(within(row).queryByRole('link', { name: /Herunterladen/ })).not.toBeInTheDocument();
  expect(await violations(document.body)).toEqual([]);
});

it('cancels an upload in flight: the server drops it and nothing is listed', async () => {
  const { user, portal } = await renderApp('/support', { user: 'alice@acme.example' });
  await screen.findByRole('heading', { name: 'Support', level: 1 });
  // The bytes never finish arriving, as on a slow link, so there is time to cancel.
  mswServer.use(
    http.patch('/api/support-bundles/uploads/:id', async () => {
      await delay('infinite');
      return HttpResponse.error();
    }),
  );
  await startUpload(user, bundleFile(BASELINE, 'slow.tar.gz'));
  const progress = await screen.findByRole('progressbar', { name: 'Upload of slow.tar.gz' });
  expect(progress).toHaveAttribute('max', String(BASELINE.byteLength));
  await waitFor(async () => expect(await portal.db.select().from(supportBundles)).toHaveLength(1));
  expect(await violations(document.body)).toEqual([]);
  await user.click(screen.getByRole('button', { name: 'Cancel upload' }));
  await waitFor(async () => expect(await portal.db.select().from(supportBundles)).toHaveLength(0));
  expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  expect(screen.getByLabelText('Choose a file')).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'No support bundles yet' })).toBeInTheDocument();
});

it('offers to resume an upload left unfinished when the same file is picked again', async () => {
  const first = await renderApp('/support', { user: 'alice@acme.example' });
  await screen.findByRole('heading', { name: 'Support', level: 1 });
  mswServer.use(
    http.patch('/api/support-bundles/uploads/:id', async () => {
      await delay('infinite');
      return HttpResponse.error();
    }),
  );
  const file = bundleFile(BASELINE, 'resumed.tar.gz');
  await startUpload(first.user, file);
  await screen.findByRole('progressbar');
  await waitFor(() => expect(Object.keys(localStorage).some((k) => k.startsWith('tus::'))).toBe(true));
  // The page goes away mid-upload (a reload); the same browser comes back to it.
  first.unmount();
  mswServer.resetHandlers();
  const { user } = await renderApp('/support', { user: 'alice@acme.example' });
  expect(
    await screen.findByText('The upload of resumed.tar.gz did not finish. Choose the same file again to resume it.'),
  ).toBeInTheDocument();
  await user.upload(screen.getByLabelText('Choose a file'), file);
  await user.click(await screen.findByRole('button', { name: 'Resume upload of resumed.tar.gz' }));
  await historyRow('resumed.tar.gz', 'Ready');
});

it('deletes a bundle after confirmation', async () => {
  const { user } = await renderApp('/support', { user: 'alice@acme.example' });
  await screen.findByRole('heading', { name: 'Support', level: 1 });
  await startUpload(user, bundleFile(BASELINE, 'old.tar.gz'));
  const row = await historyRow('old.tar.gz', 'Ready');
  await user.click(within(row).getByRole('button', { name: 'Delete old.tar.gz' }));
  const dialog = await screen.findByRole('dialog', { name: 'Delete old.tar.gz?' });
  expect(await violations(document.body)).toEqual([]);
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(screen.getByRole('link', { name: 'old.tar.gz' })).toBeInTheDocument();

  await user.click(within(row).getByRole('button', { name: 'Delete old.tar.gz' }));
  await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete bundle' }));
  expect(await screen.findByText('old.tar.gz was deleted.')).toBeInTheDocument();
  expect(screen.queryByRole('link', { name: 'old.tar.gz' })).not.toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'No support bundles yet' })).toBeInTheDocument();
});

it('says where the user is looking when the server refuses a file as too large, with the limit', async () => {
  const { user } = await renderApp('/support', { user: 'alice@acme.example', catalogue: bundleCatalogue(100_000) });
  await screen.findByRole('heading', { name: 'Support', level: 1 });
  await startUpload(user, bundleFile(BASELINE, 'big.tar.gz'));
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'This file is larger than 100 KB, the largest support bundle this portal accepts.',
  );
  expect(screen.queryByRole('button', { name: 'Resume upload' })).not.toBeInTheDocument();
  expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  expect(await violations(document.body)).toEqual([]);
  // Another file can be chosen straight away.
  await startUpload(user, bundleFile(await makeBundle({}), 'small.tar.gz'));
  expect(await screen.findByText(/small.tar.gz is uploaded/)).toBeInTheDocument();
});

it('files a bundle under the instance chosen for it', async () => {
  const { user, portal } = await renderApp('/', { user: 'alice@acme.example' });
  await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
  const cookie = await portal.signIn('alice@acme.example');
  const created = await portal.request('/api/airgap-instances', {
    method: 'POST',
    cookie,
    json: { name: 'vault-dc1', version: '1.4.0', method: 'embedded' },
  });
  expect(created.status).toBe(201);
  await user.click(screen.getByRole('link', { name: 'Support' }));
  await screen.findByRole('heading', { name: 'Support', level: 1 });
  const chooser = screen.getByLabelText('Instance (optional)');
  await waitFor(() => expect(within(chooser).getByRole('option', { name: 'vault-dc1' })).toBeInTheDocument());
  await user.selectOptions(chooser, 'vault-dc1');
  await startUpload(user, bundleFile(await makeBundle({}), 'dc1.tar.gz'));
  const row = await historyRow('dc1.tar.gz', 'Ready');
  expect(within(row).getByText('vault-dc1')).toBeInTheDocument();
});

it('offers Delete on a member’s own bundles only; an admin’s stay', async () => {
  const { user, portal } = await renderApp('/', { user: 'bob@acme.example' });
  await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
  // Alice, an admin, uploads through the same tus API the page uses.
  const cookie = await portal.signIn('alice@acme.example');
  const bytes = await makeBundle({});
  const tus = { 'tus-resumable': '1.0.0' };
  const created = await portal.request('/api/support-bundles/uploads', {
    method: 'POST',
    cookie,
    headers: {
      ...tus,
      'upload-length': String(bytes.byteLength),
      'upload-metadata': `filename ${btoa('alice.tar.gz')}`,
    },
  });
  expect(created.status).toBe(201);
  const patched = await portal.request(created.headers.get('location')!, {
    method: 'PATCH',
    cookie,
    headers: { ...tus, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: bytes,
  });
  expect(patched.status).toBe(204);

  await user.click(screen.getByRole('link', { name: 'Support' }));
  const theirs = await historyRow('alice.tar.gz', 'Ready');
  expect(within(theirs).queryByRole('button', { name: /^Delete/ })).not.toBeInTheDocument();
  expect(within(theirs).getByRole('link', { name: 'Download alice.tar.gz' })).toBeInTheDocument();
  await startUpload(user, bundleFile(bytes, 'bob.tar.gz'));
  const own = await historyRow('bob.tar.gz', 'Ready');
  expect(within(own).getByRole('button', { name: 'Delete bob.tar.gz' })).toBeInTheDocument();
});
