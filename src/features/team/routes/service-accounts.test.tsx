import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { faults } from '../../../../mocks/faults';
import { mswServer } from '../../../../mocks/node';
import { demoCatalogueText } from '../../../../server/catalogue/demo';
import { bearer, created, withViewer } from '../../../../server/testing/service-accounts';
import { violations } from '../../../testing/axe';
import { renderApp } from '../../../testing/render-app';

const URL = '/team?tab=service-accounts';

async function openTab(user: string, catalogue?: string) {
  const app = await renderApp(URL, { user, catalogue });
  await screen.findByRole('heading', { name: 'Service accounts', level: 2 });
  return app;
}

async function createAccount(app: Awaited<ReturnType<typeof openTab>>, name: string) {
  await app.user.type(screen.getByLabelText('Name'), name);
  await app.user.click(screen.getByRole('button', { name: 'Create service account' }));
  return (await screen.findByLabelText('Service-account token')).textContent!;
}

describe('the Service accounts tab', () => {
  it('creates an account and shows its token once, with a copy button and a warning', async () => {
    const app = await openTab('alice@acme.example');
    expect(await screen.findByText('No service accounts yet')).toBeInTheDocument();
    expect(await violations(app.container)).toEqual([]);

    await app.user.click(screen.getByRole('button', { name: 'Create service account' }));
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(expect.stringContaining('Enter a name.'));

    const token = await createAccount(app, 'ci-bot');
    expect(token).toMatch(/^portico_sa_[\w-]{43}$/);
    expect(screen.getByRole('heading', { name: 'Token for ci-bot' })).toHaveFocus();
    expect(screen.getByText(/it will not be shown again/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy the service-account token' })).toBeInTheDocument();
    const row = (await screen.findByRole('cell', { name: 'ci-bot' })).closest('tr')!;
    expect(within(row).getByText('Manual')).toBeInTheDocument();
    expect(within(row).getByText('alice@acme.example')).toBeInTheDocument();
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(within(row).getByText('Never')).toBeInTheDocument();
    expect(await violations(app.container)).toEqual([]);

    await app.user.click(screen.getByRole('button', { name: 'Done, I have copied it' }));
    expect(screen.queryByLabelText('Service-account token')).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain(token);

    // The same name again, while the first is active: refused next to the field.
    await app.user.type(screen.getByLabelText('Name'), 'ci-bot');
    await app.user.click(screen.getByRole('button', { name: 'Create service account' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(
        expect.stringContaining('An active service account already has this name.'),
      ),
    );
  });

  it('rotates to a new token shown once, and revokes after confirmation', async () => {
    const app = await openTab('alice@acme.example');
    const first = await createAccount(app, 'ci-bot');
    await app.user.click(screen.getByRole('button', { name: 'Done, I have copied it' }));

    await app.user.click(await screen.findByRole('button', { name: 'Rotate token ci-bot' }));
    const confirm = screen.getByRole('dialog', { name: 'Rotate the token of ci-bot?' });
    await app.user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect((await bearer(app.portal, '/api/team/service-accounts', first)).status).toBe(200);
    await app.user.click(screen.getByRole('button', { name: 'Rotate token ci-bot' }));
    await app.user.click(within(confirm).getByRole('button', { name: 'Rotate token' }));
    const heading = await screen.findByRole('heading', { name: 'New token for ci-bot' });
    expect(heading).toHaveFocus();
    const second = screen.getByLabelText('Service-account token').textContent!;
    expect(second).toMatch(/^portico_sa_/);
    expect(second).not.toBe(first);
    expect((await bearer(app.portal, '/api/team/service-accounts', first)).status).toBe(401);
    await app.user.click(screen.getByRole('button', { name: 'Done, I have copied it' }));

    await app.user.click(screen.getByRole('button', { name: 'Revoke ci-bot' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke ci-bot?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('cell', { name: 'ci-bot' }).closest('tr')).toHaveTextContent('Active');

    await app.user.click(screen.getByRole('button', { name: 'Revoke ci-bot' }));
    await app.user.click(within(dialog).getByRole('button', { name: 'Revoke service account' }));
    const row = screen.getByRole('cell', { name: 'ci-bot' }).closest('tr')!;
    await waitFor(() => expect(within(row).getByText('Revoked')).toBeInTheDocument());
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(await violations(app.container)).toEqual([]);
  });

  it('says so in the dialog when another admin revoked the account before the rotation was confirmed', async () => {
    const app = await openTab('alice@acme.example');
    await createAccount(app, 'ci-bot');
    await app.user.click(screen.getByRole('button', { name: 'Done, I have copied it' }));
    await app.user.click(await screen.findByRole('button', { name: 'Rotate token ci-bot' }));
    const confirm = screen.getByRole('dialog', { name: 'Rotate the token of ci-bot?' });

    // Meanwhile, in another tab: the same account is revoked.
    const other = await app.portal.signIn('alice@acme.example');
    const { serviceAccounts } = await (
      await app.portal.request('/api/team/service-accounts', { cookie: other })
    ).json();
    const id = (serviceAccounts as { id: string; name: string }[]).find((a) => a.name === 'ci-bot')!.id;
    expect(
      (await app.portal.request(`/api/team/service-accounts/${id}`, { method: 'DELETE', cookie: other })).status,
    ).toBe(204);

    await app.user.click(within(confirm).getByRole('button', { name: 'Rotate token' }));
    expect(await within(confirm).findByRole('alert')).toHaveTextContent(
      'Another admin rotated or revoked this token at the same moment, so your rotation did not happen.',
    );
    expect(screen.queryByLabelText('Service-account token')).not.toBeInTheDocument();
    await app.user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(confirm).not.toHaveAttribute('open');
  });

  it('shows a viewer and a member the list without any action', async () => {
    for (const email of ['eve@acme.example', 'bob@acme.example']) {
      const app = await renderApp(URL, {
        user: email,
        catalogue: withViewer(demoCatalogueText),
        seed: async (portal) => void (await created(portal, await portal.signIn('alice@acme.example'), 'ci-bot')),
      });
      const row = (await screen.findByRole('cell', { name: 'ci-bot' })).closest('tr')!;
      expect(within(row).getByText('Active')).toBeInTheDocument();
      expect(screen.queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /Create service account|Rotate|Revoke/ })).not.toBeInTheDocument();
      expect(await violations(app.container)).toEqual([]);
      app.unmount();
    }
  });

  it('says when the list cannot be loaded, and recovers on retry', async () => {
    const { user } = await renderApp('/team', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'Members', level: 2 });
    mswServer.use(faults.unreachable('/api/team/service-accounts', { once: true }));
    await user.click(screen.getByRole('link', { name: 'Service accounts' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The service accounts could not be loaded.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No service accounts yet')).toBeInTheDocument();
  });
});
