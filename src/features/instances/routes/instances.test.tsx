import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { instances } from '../../../../server/db/schema';
import type { TestPortal } from '../../../../server/testing/test-portal';
import { renderApp } from '../../../testing/render-app';
import { violations } from '../../../testing/axe';

const HOUR_MS = 3_600_000;

async function acmeTeamId(portal: TestPortal) {
  const cookie = await portal.signIn('alice@acme.example');
  return (await (await portal.request('/api/me', { cookie })).json()).team.id as string;
}

async function seed(portal: TestPortal, rows: (Partial<typeof instances.$inferInsert> & { id: string })[]) {
  const teamId = await acmeTeamId(portal);
  await portal.db.insert(instances).values(rows.map((row) => ({ teamId, airgap: false, ...row })));
}

const list = () => screen.getByRole('list', { name: 'Instances' });
/** Each row's first link is its name. */
const names = () =>
  within(list())
    .getAllByRole('listitem')
    .map((row) => within(row).getAllByRole('link')[0]!.textContent);
const search = (router: { state: { location: { search: string } } }) => router.state.location.search;

it('lists an instance that has checked in, with its status, version and a link to its details', async () => {
  const { portal, user } = await renderApp('/', { user: 'alice@acme.example' });
  await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
  const cookie = await portal.signIn('alice@acme.example');
  const created = await portal.request('/api/installs', {
    method: 'POST',
    cookie,
    json: { method: 'embedded', name: 'edge-1', version: '1.4.0', options: { network: 'online' } },
  });
  const { token } = await created.json();
  await portal.app.request('http://portal.test/kots_metrics/license_instance/info', {
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa(`${token}:${token}`)}`,
      'content-type': 'application/json',
      'x-replicated-instanceid': 'abc1234def',
      'x-replicated-downstreamchannelsequence': '5',
    },
    body: JSON.stringify({
      resource_states: '[{"kind":"deployment","name":"api","namespace":"atlas","state":"ready"}]',
    }),
  });
  await user.click(screen.getByRole('link', { name: 'Instances' }));
  const link = await screen.findByRole('link', { name: 'edge-1' });
  expect(link).toHaveAttribute('href', expect.stringMatching(/^\/instances\/[^/]+$/));
  const row = link.closest('li')!;
  expect(within(row).getByText('Ready')).toBeInTheDocument();
  expect(within(row).getByText('1.4.0')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Active (1)' })).toHaveAttribute('aria-current', 'page');
  // The second line: the attempt's method, and when it first checked in and was first ready.
  const facts = within(row).getByText(/^Embedded Cluster · First check-in .+ · First ready .+$/);
  expect(facts).toBeInTheDocument();
  // 1.4.0 is the newest release on Stable: nothing to upgrade to.
  expect(within(row).queryByRole('link', { name: /Update available/ })).toBeNull();

  // The resources, on demand.
  const resources = within(row).getByRole('button', { name: '1 of 1 resources ready of edge-1' });
  expect(resources).toHaveAttribute('aria-expanded', 'false');
  expect(screen.queryByText('atlas/api')).toBeNull();
  await user.click(resources);
  const panel = screen.getByRole('dialog', { name: 'Resources of edge-1' });
  expect(within(panel).getByText('atlas/api')).toBeInTheDocument();
  expect(within(panel).getByText('Ready')).toBeInTheDocument();
  expect(resources).toHaveAttribute('aria-expanded', 'true');
  await user.click(within(panel).getByRole('button', { name: 'Close' }));
  expect(within(panel).queryByText('atlas/api')).toBeNull();
});

it('shows how far behind each instance is, and its update opens the upgrade instructions', async () => {
  const { portal, user } = await renderApp('/', { user: 'alice@acme.example' });
  await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
  const now = portal.clock.now().getTime();
  await seed(portal, [
    {
      id: '0b5c6f7e-1d2a-4b3c-8d9e-0f1a2b3c4d5e',
      details: {
        tags: { name: 'berlin-1', env: 'prod' },
        versionLabel: '1.1.0',
        k8sDistribution: 'eks',
        k8sVersion: 'v1.31.4',
        sdkVersion: '1.0.0',
        nodes: { total: 3, ready: 2 },
      },
      status: 'ready',
      lastCheckInAt: new Date(now - HOUR_MS),
    },
  ]);
  await user.click(screen.getByRole('link', { name: 'Instances' }));
  await screen.findByRole('link', { name: 'berlin-1' });
  const row = within(list()).getByRole('listitem');
  expect(
    within(row).getByText(
      'Helm · Kubernetes eks v1.31.4 · 2 of 3 nodes ready · SDK 1.0.0 · Cloud: AWS · First ready November 22, 2026 · env = prod',
    ),
  ).toBeInTheDocument();
  // Stable has 1.2.0, 1.3.0 and 1.4.0 after 1.1.0.
  const update = await within(row).findByRole('link', { name: 'Update available · 3 versions behind for berlin-1' });
  await user.click(update);
  const dialog = await screen.findByRole('dialog', { name: 'Upgrade berlin-1' });
  // 1.2.0 is required: the picker offers it first.
  expect(within(dialog).getByRole('combobox', { name: 'Target version' })).toHaveValue('1.2.0');
});

describe('the Instances page', () => {
  it('switches tabs, searches and filters through the URL, and exports what it shows', async () => {
    const { portal, user, router, container } = await renderApp('/', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
    const now = portal.clock.now().getTime();
    await seed(portal, [
      {
        id: 'i-a',
        details: { tags: { name: 'berlin-1' }, versionLabel: '1.4.0' },
        status: 'ready',
        lastCheckInAt: new Date(now - HOUR_MS),
      },
      {
        id: 'i-b',
        details: { tags: { name: 'munich-1' }, versionLabel: '1.3.0' },
        status: 'degraded',
        lastCheckInAt: new Date(now - 2 * HOUR_MS),
      },
      {
        id: 'i-c',
        details: { tags: { name: 'berlin-2' }, versionLabel: '1.3.0' },
        status: 'ready',
        lastCheckInAt: new Date(now - 3 * HOUR_MS),
      },
      {
        id: 'i-old',
        details: { tags: { name: 'hamburg-old' } },
        status: 'ready',
        lastCheckInAt: new Date(now - 48 * HOUR_MS),
      },
      { id: 'i-gap', externalId: 'f00dfacecafe', airgap: true },
    ]);
    await user.click(screen.getByRole('link', { name: 'Instances' }));
    await screen.findByRole('link', { name: 'berlin-1' });
    expect(names()).toEqual(['berlin-1', 'munich-1', 'berlin-2']);
    const tabs = screen.getByRole('navigation', { name: 'Instance views' });
    expect(
      within(tabs)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Active (3)', 'Inactive (1)', 'Air gap (1)']);
    expect(await violations(container)).toEqual([]);

    await user.click(within(tabs).getByRole('link', { name: 'Inactive (1)' }));
    await screen.findByRole('link', { name: 'hamburg-old' });
    expect(search(router)).toBe('?tab=inactive');
    expect(within(list()).getByText(/Last seen/)).toBeInTheDocument();

    await user.click(within(tabs).getByRole('link', { name: 'Air gap (1)' }));
    await screen.findByRole('link', { name: 'Instance f00dfac' });

    await user.click(within(tabs).getByRole('link', { name: 'Active (3)' }));
    await user.type(await screen.findByRole('searchbox', { name: 'Search by name' }), 'berlin{Enter}');
    await screen.findByRole('link', { name: 'Clear search and filters' });
    expect(search(router)).toBe('?q=berlin');
    expect(names()).toEqual(['berlin-1', 'berlin-2']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Version' }), '1.3.0');
    await screen.findByText('Showing 1 instance');
    expect(names()).toEqual(['berlin-2']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'name');
    await waitFor(() => expect(search(router)).toBe('?q=berlin&version=1.3.0&sort=name'));
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
        'href',
        '/api/instances/export.csv?q=berlin&version=1.3.0&sort=name',
      ),
    );

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'degraded');
    await screen.findByRole('heading', { name: 'No instances match' });
    await user.click(screen.getAllByRole('link', { name: 'Clear search and filters' })[0]!);
    await screen.findByRole('link', { name: 'munich-1' });
    expect(search(router)).toBe('?sort=name');
    expect(names()).toEqual(['berlin-1', 'berlin-2', 'munich-1']);
    expect(screen.getByRole('searchbox', { name: 'Search by name' })).toHaveValue('');
  });

  it('opens a shared view from its URL, and says honestly when a tab is empty', async () => {
    await renderApp('/instances?tab=inactive&sort=name', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'No inactive instances' });
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('name');
    expect(screen.getByRole('link', { name: 'Inactive (0)' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('link', { name: 'Download CSV' })).toBeNull();
  });

  it('drops from a link what the API could not take, and opens the rest of the view', async () => {
    // A NUL the BFF refuses in any query (readQuery): the page would otherwise show that 400.
    await renderApp('/instances?tab=inactive&q=%00&version=1.3%00', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'No inactive instances' });
    expect(screen.getByRole('searchbox', { name: 'Search by name' })).toHaveValue('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renders only the rows on screen and loads the next page as the list scrolls', async () => {
    const { portal, user } = await renderApp('/', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
    const now = portal.clock.now().getTime();
    await seed(
      portal,
      Array.from({ length: 120 }, (_, n) => ({
        id: `i-${String(n).padStart(3, '0')}`,
        details: { tags: { name: `vm-${String(n).padStart(3, '0')}` } },
        lastCheckInAt: new Date(now - n * 1000),
      })),
    );
    await user.click(screen.getByRole('link', { name: 'Instances' }));
    await screen.findByRole('link', { name: 'vm-000' });
    // jsdom's window is 768 px high: 17 rows of 48 px are on screen, plus the overscan below.
    expect(within(list()).getAllByRole('listitem').length).toBeLessThan(40);
    expect(screen.getByRole('link', { name: 'Active (120)' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more instances' }));
    await screen.findByText('Showing 100 instances');
    await user.click(screen.getByRole('button', { name: 'Load more instances' }));
    await screen.findByText('Showing 120 instances');
    expect(screen.queryByRole('button', { name: 'Load more instances' })).toBeNull();
    expect(within(list()).getAllByRole('listitem').length).toBeLessThan(40);
  });
});
