import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { recordCheckpoint, recordFailure } from '../../../../server/installs/checkpoints';
import { bearer, created } from '../../../../server/testing/service-accounts';
import type { TestPortal } from '../../../../server/testing/test-portal';
import { renderApp } from '../../../testing/render-app';

const checkbox = (name: string) => screen.getByRole('checkbox', { name });

describe('guided installs', () => {
  it('starts an Embedded Cluster install, shows its commands, and ticks checkpoints as traffic arrives', async () => {
    const { user, portal } = await renderApp('/install', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'Install', level: 1 });
    expect(screen.getByText('No installations yet')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'New installation' }));
    await screen.findByRole('heading', { name: 'New installation', level: 1 });

    const methods = screen.getByRole('group', { name: 'Install method' });
    expect(
      within(methods)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['embedded', 'helm']);
    expect(screen.getByLabelText('Version')).toHaveDisplayValue('1.4.0 (sequence 5)');
    await user.type(screen.getByLabelText('Instance name'), 'prod-vm');
    await user.click(screen.getByRole('button', { name: 'Start installation' }));

    await screen.findByRole('heading', { name: 'Install: prod-vm', level: 1 });
    expect(checkbox('Started')).toHaveAttribute('aria-checked', 'true');
    expect(checkbox('Assets downloaded')).toHaveAttribute('aria-checked', 'false');
    const download = screen.getByRole('heading', { name: 'Step 1: Download the installation assets' }).closest('li')!;
    const code = within(download).getByText(/curl -f/);
    expect(code.textContent).toBe(
      "curl -f http://portal.test/embedded/atlas/stable/1.4.0 -H 'Authorization: ••••••••••••' -o atlas-stable.tgz",
    );
    await user.click(screen.getByRole('button', { name: 'Reveal token' }));
    expect(code.textContent).toMatch(/'Authorization: portico_sa_[\w-]{43}'/);

    // Choosing air gap re-renders the commands at once.
    await user.click(screen.getByRole('radio', { name: 'No outbound requests allowed (air gap)' }));
    expect(within(download).getByText(/curl -f/).textContent).toContain(
      "'http://portal.test/embedded/atlas/stable/1.4.0?airgap=true'",
    );

    const { attempts } = await (
      await portal.request('/api/installs', { cookie: await portal.signIn('alice@acme.example') })
    ).json();
    const ports = { db: portal.db, now: portal.clock.now, events: portal.events };
    await recordCheckpoint(ports, attempts[0].id, 'assets_downloaded');
    await waitFor(() => expect(checkbox('Assets downloaded')).toHaveAttribute('aria-checked', 'true'), {
      timeout: 5000,
    });
    await recordFailure(ports, attempts[0].id, 'host preflight failed: 2 CPU cores are required');
    expect(
      await screen.findByText(/host preflight failed: 2 CPU cores are required/, {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('shows the name field message when the name is taken', async () => {
    const { user } = await renderApp('/install/new', { user: 'alice@acme.example' });
    await user.type(await screen.findByLabelText('Instance name'), 'edge');
    await user.click(screen.getByRole('button', { name: 'Start installation' }));
    await screen.findByRole('heading', { name: 'Install: edge', level: 1 });
    await user.click(screen.getByRole('link', { name: 'All installations' }));
    await user.click(await screen.findByRole('link', { name: 'New installation' }));
    await user.type(await screen.findByLabelText('Instance name'), 'Edge');
    await user.click(screen.getByRole('button', { name: 'Start installation' }));
    await screen.findByText('An installation or service account with this name already exists.');
    expect(screen.getByLabelText('Instance name')).toHaveAccessibleDescription(
      expect.stringContaining('An installation or service account with this name already exists.'),
    );
  });

  it("refuses a proxy URL with shell characters by the field, with the contract's message, and saves nothing", async () => {
    const refused =
      'The proxy URL may not contain spaces, quotes or shell characters such as ; & | $ ` < > ( ) { } * ? ! # \\.';
    const { user, portal } = await renderApp('/install/new', { user: 'alice@acme.example' });
    await user.type(await screen.findByLabelText('Instance name'), 'behind-proxy');
    await user.click(screen.getByRole('radio', { name: 'Outbound requests require an HTTPS proxy' }));
    const proxy = screen.getByLabelText('HTTPS proxy URL');
    await user.type(proxy, 'http://proxy.example:3128/ ;touch /tmp/x;');
    await user.click(screen.getByRole('button', { name: 'Start installation' }));
    expect(proxy).toHaveAccessibleDescription(refused);
    expect(proxy).toHaveAttribute('aria-invalid', 'true');
    const cookie = await portal.signIn('alice@acme.example');
    const attempts = async () => (await (await portal.request('/api/installs', { cookie })).json()).attempts;
    expect(await attempts()).toEqual([]);

    await user.clear(proxy);
    await user.type(proxy, 'http://proxy.example:3128');
    await user.click(screen.getByRole('button', { name: 'Start installation' }));
    await screen.findByRole('heading', { name: 'Install: behind-proxy', level: 1 });
    // On the attempt's page, every change is saved as it is made, once the contract accepts it.
    const saved = screen.getByLabelText('HTTPS proxy URL');
    await user.type(saved, '/$(touch /tmp/x)');
    expect(saved).toHaveAccessibleDescription(refused);
    expect(screen.getByText(/curl -f/).textContent).toContain("--proxy 'http://proxy.example:3128/$(touch /tmp/x)'");
    await waitFor(async () => expect((await attempts())[0].options.proxyUrl).toBe('http://proxy.example:3128/'));
    await user.clear(saved);
    expect(saved).toHaveAccessibleDescription('Enter the proxy URL.');
  });

  it('offers only what the license allows: Initech gets air gap only', async () => {
    const { user } = await renderApp('/install/new', { user: 'dave@initech.example' });
    await screen.findByRole('heading', { name: 'New installation', level: 1 });
    await user.click(screen.getByRole('radio', { name: /Helm/ }));
    const network = screen.getByRole('group', { name: 'Network' });
    expect(
      within(network)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['airgap']);
    const registry = screen.getByRole('group', { name: 'Registry access' });
    expect(
      within(registry)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['partial', 'offline']);
  });

  it('discards after confirmation, and the token stops working', async () => {
    const { user, portal } = await renderApp('/install/new', { user: 'alice@acme.example' });
    await user.type(await screen.findByLabelText('Instance name'), 'throwaway');
    await user.click(screen.getByRole('button', { name: 'Start installation' }));
    await screen.findByRole('heading', { name: 'Install: throwaway', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Discard installation' }));
    const dialog = screen.getByRole('dialog', { name: 'Discard “throwaway”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));
    expect(await screen.findByText('This installation was discarded. Its token no longer works.')).toBeInTheDocument();
    const cookie = await portal.signIn('alice@acme.example');
    const { attempts } = await (await portal.request('/api/installs', { cookie })).json();
    expect(attempts[0]).toMatchObject({ name: 'throwaway', status: 'discarded', serviceAccount: null });
  });

  it('names a service account that started an install through the API as one', async () => {
    const seed = async (portal: TestPortal) => {
      const { token } = await created(portal, await portal.signIn('alice@acme.example'), 'ci-bot');
      const started = await bearer(portal, '/api/installs', token, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'embedded', name: 'ci-vm', version: '1.4.0', options: { network: 'online' } }),
      });
      expect(started.status).toBe(201);
    };
    const { user } = await renderApp('/install', { user: 'bob@acme.example', seed });
    expect(await screen.findByText(/started .* by ci-bot \(service account\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Continue “ci-vm”' }));
    expect(await screen.findByText(/by ci-bot \(service account\)/)).toBeInTheDocument();
  });
});
