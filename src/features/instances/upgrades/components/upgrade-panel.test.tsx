import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseList } from '../../../../../contract/catalogue';
import type { Instance } from '../../../../../contract/installs';
import { bffHandlers, CookieJar } from '../../../../../mocks/bff-handlers';
import { mswServer } from '../../../../../mocks/node';
import { ACME_LICENSE_ID, replay, sdkInstanceData } from '../../../../../server/testing/recorded-requests';
import { createTestPortal, type TestPortal } from '../../../../../server/testing/test-portal';
import { meQueryOptions } from '../../../../app/session/me';
import { testI18n } from '../../../../testing/i18n';
import { createQueryClient } from '../../../../lib/query-client';
import { violations } from '../../../../testing/axe';
import { UpgradePanel } from './upgrade-panel';

/** The demo's Stable channel: sequence 2 is 1.1.0, 3 the required 1.2.0, 5 the newest, 1.4.0. */
async function checkIn(portal: TestPortal, cookie: string, sequence: number): Promise<Instance> {
  const response = await replay(portal, sdkInstanceData(ACME_LICENSE_ID, { name: 'prod-vm' }), (headers) =>
    headers.set('X-Replicated-Downstreamchannelsequence', String(sequence)),
  );
  expect(response.status).toBe(200);
  const { instances } = await (await portal.request('/api/instances', { cookie })).json();
  return instances[0];
}

/** The panel as a page places it, the SPA talking through MSW to a real BFF signed in as Alice. */
async function setUp(locale: 'en' | 'de' = 'en') {
  const portal = await createTestPortal();
  const jar = new CookieJar();
  mswServer.use(...bffHandlers(portal.app, jar));
  const cookie = await portal.signIn('alice@acme.example');
  jar.store([cookie]);
  const releases: ReleaseList = await (await portal.request('/api/releases', { cookie })).json();
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  const i18n = testI18n(locale);
  // The parents poll and hand the panel the instance as it now is; here the test hands it over.
  const poll = { set: (_: Instance) => {} };
  function Parent({ initial }: { initial: Instance }) {
    const [instance, setInstance] = useState(initial);
    useEffect(() => void (poll.set = setInstance), []);
    return <UpgradePanel instance={instance} releases={releases} />;
  }
  const show = (instance: Instance) => {
    const router = createMemoryRouter([
      {
        id: 'portal',
        path: '/',
        loader: () => queryClient.ensureQueryData(meQueryOptions()),
        HydrateFallback: () => null,
        Component: () => <Parent initial={instance} />,
      },
    ]);
    return render(
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>,
    );
  };
  const report = async (sequence: number) => {
    const instance = await checkIn(portal, cookie, sequence);
    act(() => poll.set(instance));
  };
  return { portal, cookie, show, report, user: userEvent.setup() };
}

beforeAll(async () => void (await createTestPortal()));

describe('UpgradePanel', () => {
  it('walks 1.1.0 to 1.4.0 through the required 1.2.0 and closes when 1.4.0 is reported', async () => {
    const { portal, cookie, show, report, user } = await setUp();
    const { container } = show(await checkIn(portal, cookie, 2));
    expect(await screen.findByText('Update available · 3 versions behind')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Upgrade instructions for prod-vm' }));
    const dialog = screen.getByRole('dialog', { name: 'Upgrade prod-vm' });
    const picker = await within(dialog).findByRole('combobox', { name: 'Target version' });
    expect(picker).toHaveValue('1.2.0');
    expect(picker).toHaveAccessibleDescription(/^1\.2\.0 is required before later versions/);
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['1.4.0 · sequence 5', '1.3.0 · sequence 4', '1.2.0 · sequence 3 (required)']);
    // The instance reports Embedded Cluster: the commands download 1.2.0's bundle, license ID masked.
    const download = within(dialog).getByRole('heading', { name: 'Step 1: Download the new version' });
    const code = () => within(download.closest('li')!).getByText(/^curl /);
    expect(code()).toHaveTextContent('/embedded/atlas/stable/1.2.0');
    expect(code()).not.toHaveTextContent(ACME_LICENSE_ID);
    await user.click(within(dialog).getByRole('button', { name: 'Show license ID' }));
    expect(code()).toHaveTextContent(`Authorization: ${ACME_LICENSE_ID}`);
    expect(await violations(container)).toEqual([]);

    // Choosing 1.4.0 still installs 1.2.0 first.
    await user.selectOptions(picker, '1.4.0');
    expect(within(dialog).getByText(/^Upgrade path: 1\.2\.0 → 1\.4\.0\./)).toBeInTheDocument();
    expect(code()).toHaveTextContent('/embedded/atlas/stable/1.2.0');

    // The parent polls: 1.2.0 arrives, the dialog stays and moves on to 1.4.0.
    await report(3);
    expect(screen.getByText('prod-vm now runs 1.2.0. Next: 1.4.0.')).toHaveAttribute('role', 'status');
    expect(dialog).toHaveAttribute('open');
    expect(code()).toHaveTextContent('/embedded/atlas/stable/1.4.0');

    await report(5);
    await waitFor(() => expect(dialog).not.toHaveAttribute('open'));
    // The button that opened it is gone with the update; focus goes to the news, not the page's top.
    expect(screen.getByText('Up to date').parentElement).toHaveFocus();
    expect(screen.getByText('prod-vm now runs 1.4.0. Up to date.')).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('button', { name: /Upgrade instructions/ })).not.toBeInTheDocument();
    expect(await violations(container)).toEqual([]);
  });

  it('closes on its button and offers the newest when no required release is in the way', async () => {
    const { portal, cookie, show, user } = await setUp();
    show(await checkIn(portal, cookie, 3));
    expect(await screen.findByText('Update available · 2 versions behind')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Upgrade instructions/ }));
    const dialog = screen.getByRole('dialog', { name: 'Upgrade prod-vm' });
    const picker = await within(dialog).findByRole('combobox', { name: 'Target version' });
    expect(picker).toHaveValue('1.4.0');
    expect(picker).not.toHaveAccessibleDescription(/required/);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(dialog).not.toHaveAttribute('open');
  });

  it('offers no instructions for a version that is not on the channel', async () => {
    const { portal, cookie, show } = await setUp();
    const { container } = show(await checkIn(portal, cookie, 99));
    expect(await screen.findByText('Version not on your channel')).toBeInTheDocument();
    expect(screen.queryByText(/Update available|Up to date/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(await violations(container)).toEqual([]);
  });

  it('speaks German', async () => {
    const { portal, cookie, show, user } = await setUp('de');
    show(await checkIn(portal, cookie, 2));
    expect(await screen.findByText('Update verfügbar · 3 Versionen zurück')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Upgrade-Anleitung für prod-vm' }));
    const picker = await screen.findByRole('combobox', { name: 'Zielversion' });
    expect(picker).toHaveAccessibleDescription(/^1\.2\.0 ist vor späteren Versionen erforderlich/);
  });
});
