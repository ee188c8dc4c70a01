import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AirgapRecord } from '../../../../contract/airgap';
import { demoCatalogueText } from '../../../../server/catalogue/demo';
import { violations } from '../../../testing/axe';
import { renderApp } from '../../../testing/render-app';

const recordsOf = async (portal: Awaited<ReturnType<typeof renderApp>>['portal']) => {
  const cookie = await portal.signIn('dave@initech.example');
  return (await (await portal.request('/api/airgap-instances', { cookie })).json()).records as AirgapRecord[];
};

describe('air gap instance records', () => {
  it('creates a record by hand as dave@initech, with field errors next to their fields, then edits and archives it', async () => {
    const { user, portal, router, container } = await renderApp('/instances', { user: 'dave@initech.example' });
    await screen.findByRole('heading', { name: 'Instances', level: 1 });
    // A record of that name exists already, so the server refuses it.
    const cookie = await portal.signIn('dave@initech.example');
    const taken = await portal.request('/api/airgap-instances', {
      method: 'POST',
      cookie,
      json: { name: 'vault-old', version: '1.5.0-beta.1', method: 'embedded' },
    });
    expect(taken.status).toBe(201);

    await user.click(await screen.findByRole('link', { name: 'Create air gap instance record' }));
    await screen.findByRole('heading', { name: 'Create air gap instance record', level: 1 });
    expect(await violations(container)).toEqual([]);

    const url = screen.getByLabelText('Admin Console URL (optional)');
    await user.type(screen.getByLabelText('Instance nickname'), 'vault-old');
    await user.selectOptions(screen.getByLabelText('Current version'), '1.5.0-beta.1');
    await user.type(url, 'ftp://vault.internal');
    await user.click(screen.getByRole('button', { name: 'Create instance' }));
    // Refused in the browser: the message is the field's description, read when it is reached.
    expect(url).toHaveAccessibleDescription(
      expect.stringContaining('Enter the Admin Console URL as an http or https URL'),
    );
    expect(url).toHaveAttribute('aria-invalid', 'true');

    await user.clear(url);
    await user.type(url, 'https://vault.internal:30000');
    await user.click(screen.getByRole('button', { name: 'Create instance' }));
    // Refused by the BFF: the name is taken.
    const name = screen.getByLabelText('Instance nickname');
    await waitFor(() =>
      expect(name).toHaveAccessibleDescription(
        expect.stringContaining('An air gap record with this name already exists.'),
      ),
    );
    expect(url).not.toHaveAttribute('aria-invalid');
    expect(await violations(container)).toEqual([]);

    await user.clear(name);
    await user.type(name, 'vault-dc1');
    await user.selectOptions(screen.getByLabelText('Install method'), 'helm');
    await user.selectOptions(screen.getByLabelText('Kubernetes distribution (optional)'), 'openshift');
    await user.click(screen.getByRole('button', { name: 'Create instance' }));
    await screen.findByRole('heading', { name: 'Instances', level: 1 });
    expect((await screen.findAllByText('vault-dc1')).length).toBeGreaterThan(0);
    const created = (await recordsOf(portal)).find((r) => r.name === 'vault-dc1')!;
    expect(created).toEqual(
      expect.objectContaining({
        versionLabel: '1.5.0-beta.1',
        method: 'helm',
        kubernetesDistribution: 'openshift',
        adminConsoleUrl: 'https://vault.internal:30000',
      }),
    );

    // Edit: the form opens with the record's values.
    await router.navigate(`/instances/airgap/${created.id}/edit`);
    await screen.findByRole('heading', { name: 'Edit air gap instance record', level: 1 });
    expect(screen.getByLabelText('Instance nickname')).toHaveValue('vault-dc1');
    expect(screen.getByText('Data is 0 days old.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Instance nickname'));
    await user.type(screen.getByLabelText('Instance nickname'), 'vault-eu');
    await user.clear(screen.getByLabelText('Admin Console URL (optional)'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('heading', { name: 'Instances', level: 1 });
    expect(await screen.findByText('vault-eu')).toBeInTheDocument();
    expect((await recordsOf(portal)).find((r) => r.id === created.id)!.adminConsoleUrl).toBeNull();

    // Archive: it leaves the list.
    await router.navigate(`/instances/airgap/${created.id}/edit`);
    await user.click(await screen.findByRole('button', { name: 'Archive' }));
    await screen.findByRole('heading', { name: 'Instances', level: 1 });
    await waitFor(() => expect(screen.queryByText('vault-eu')).not.toBeInTheDocument());
    expect((await recordsOf(portal)).find((r) => r.id === created.id)!.archivedAt).not.toBeNull();
  });

  it('is in German for a German user', async () => {
    await renderApp('/instances/airgap/new', { user: 'dave@initech.example', locale: 'de' });
    expect(await screen.findByRole('heading', { name: 'Air-Gap-Instanz erfassen', level: 1 })).toBeInTheDocument();
    expect(screen.getByLabelText('Admin-Console-URL (optional)')).toBeInTheDocument();
  });

  it('is hidden from a team without the air gap entitlement', async () => {
    // The license page loads the license first, so the Instances page knows it when it renders.
    const { user } = await renderApp('/license-details', { user: 'carol@globex.example' });
    expect(await screen.findByText('Globex')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Instances' }));
    await screen.findByRole('heading', { name: 'Instances', level: 1 });
    expect(screen.queryByRole('link', { name: 'Create air gap instance record' })).not.toBeInTheDocument();
  });

  it('is hidden from a viewer, and the form says why', async () => {
    const catalogue = demoCatalogueText.replace(
      '      - email: dave@initech.example\n        role: admin\n',
      '      - email: dave@initech.example\n        role: viewer\n',
    );
    await renderApp('/instances/airgap/new', { user: 'dave@initech.example', catalogue });
    expect(await screen.findByText('Air gap records are not available')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create instance' })).not.toBeInTheDocument();
  });

  it('warns on the list and the form when the data is past the cadence, and archives from the list', async () => {
    const catalogue = demoCatalogueText.replace('airgap_report_cadence_days: 35', 'airgap_report_cadence_days: 7');
    const { user, portal, router, container } = await renderApp('/', { user: 'dave@initech.example', catalogue });
    await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
    const cookie = await portal.signIn('dave@initech.example');
    const created = await portal.request('/api/airgap-instances', {
      method: 'POST',
      cookie,
      json: { name: 'vault-dc1', version: '1.5.0-beta.1', method: 'embedded' },
    });
    const { id } = (await created.json()) as AirgapRecord;
    portal.clock.advance(9 * 86_400_000);
    await user.click(screen.getByRole('link', { name: 'Instances' }));
    await user.click(await screen.findByRole('link', { name: /^Air gap/ }));
    const warning = 'Data is 9 days old — upload a fresh support bundle.';
    expect(await screen.findByText(warning, { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Support' })).toHaveAttribute('href', '/support');
    expect(await violations(container)).toEqual([]);

    await user.click(screen.getByRole('link', { name: 'Edit vault-dc1' }));
    await screen.findByRole('heading', { name: 'Edit air gap instance record', level: 1 });
    expect(screen.getByText(warning, { exact: false })).toBeInTheDocument();
    await router.navigate('/instances?tab=airgap');
    await user.click(await screen.findByRole('button', { name: 'Archive vault-dc1' }));
    await waitFor(() => expect(screen.queryAllByText('vault-dc1')).toHaveLength(0));
    expect((await recordsOf(portal)).find((r) => r.id === id)!.archivedAt).not.toBeNull();
  });
});
