import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogueText } from '../../../../server/catalogue/demo';
import { ACME_LICENSE_ID, replay, sdkInstanceData } from '../../../../server/testing/recorded-requests';
import { createTestPortal, type TestPortal } from '../../../../server/testing/test-portal';
import { violations } from '../../../testing/axe';
import { renderApp } from '../../../testing/render-app';

const checkbox = (name: string) => screen.getByRole('checkbox', { name });
const linkHeading = 'Is one of these your installation?';

/**
 * Two attempts started by Alice, then an SDK check-in with only the license ID: no attempt
 * awaits it yet, so it is recorded on an instance of no attempt (decision 008).
 */
async function unlinkedCheckIn(portal: TestPortal) {
  const cookie = await portal.signIn('alice@acme.example');
  const ids: string[] = [];
  for (const name of ['vm-1', 'vm-2']) {
    const created = await portal.request('/api/installs', {
      method: 'POST',
      cookie,
      json: { method: 'embedded', name, version: '1.4.0', options: { network: 'online' } },
    });
    ids.push((await created.json()).attempt.id);
  }
  portal.clock.advance(60_000);
  const response = await replay(portal, sdkInstanceData(ACME_LICENSE_ID, { name: 'prod-vm' }));
  expect(response.status).toBe(200);
  return { cookie, first: ids[0]!, second: ids[1]! };
}

// Opening the file's database from the template takes seconds on a busy machine; done here, under
// the hook timeout, so the first test is timed on what it does.
beforeAll(async () => void (await createTestPortal()));

describe('linking an instance to its installation by hand', () => {
  it('offers the instance that reported with the license, links it, and the checkboxes tick', async () => {
    const { user, portal, router, container } = await renderApp('/install', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'Install', level: 1 });
    const { first } = await unlinkedCheckIn(portal);
    await router.navigate(`/install/${first}`);

    const section = (await screen.findByRole('heading', { name: linkHeading, level: 2 })).closest('section')!;
    expect(within(section).getByText('prod-vm')).toBeInTheDocument();
    expect(within(section).getByText(/^Ready/)).toBeInTheDocument();
    expect(within(section).getByText('Cluster 5c0a7a8e-1f3b-4c3e-9d8a-2b6f7e1d9c40')).toBeInTheDocument();
    expect(checkbox('Installation completed')).toHaveAttribute('aria-checked', 'false');
    expect(await violations(container)).toEqual([]);

    const button = within(section).getByRole('button', { name: 'Link to this installation' });
    expect(button).toHaveAccessibleDescription('prod-vm');
    // Keyboard only: Tab reaches the button, Enter links.
    for (let i = 0; i < 100 && document.activeElement !== button; i++) await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');

    const done = await screen.findByText('“prod-vm” is linked to this installation.');
    expect(done.closest('[tabindex="-1"]')).toHaveFocus();
    expect(screen.queryByRole('heading', { name: linkHeading })).not.toBeInTheDocument();
    expect(checkbox('Installation completed')).toHaveAttribute('aria-checked', 'true');
    expect(checkbox('Instance ready')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getAllByText('Succeeded').length).toBeGreaterThan(0);
  });

  it('says so where the user is looking when someone linked the instance elsewhere meanwhile', async () => {
    const { user, portal, router } = await renderApp('/install', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'Install', level: 1 });
    const { cookie, first, second } = await unlinkedCheckIn(portal);
    await router.navigate(`/install/${first}`);
    const button = await screen.findByRole('button', { name: 'Link to this installation' });

    const [candidate] = (await (await portal.request(`/api/installs/${second}/link-candidates`, { cookie })).json())
      .instances;
    const elsewhere = await portal.request(`/api/installs/${second}/link`, {
      method: 'POST',
      cookie,
      json: { instanceId: candidate.id },
    });
    expect(elsewhere.status).toBe(200);

    await user.click(button);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This instance or this installation was linked or discarded meanwhile.',
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Link to this installation' })).toBeNull());
    expect(checkbox('Installation completed')).toHaveAttribute('aria-checked', 'false');
  });

  it('shows a viewer the instances, in German, without the button', async () => {
    const catalogue = demoCatalogueText.replace(
      '      - email: bob@acme.example\n        role: member',
      '      - email: bob@acme.example\n        role: member\n      - email: eve@acme.example\n        role: viewer',
    );
    const { portal, router, container } = await renderApp('/install', {
      user: 'eve@acme.example',
      locale: 'de',
      catalogue,
    });
    await screen.findByRole('heading', { level: 1 });
    const { first } = await unlinkedCheckIn(portal);
    await router.navigate(`/install/${first}`);
    const section = (await screen.findByRole('heading', { name: 'Ist eine davon Ihre Installation?' })).closest(
      'section',
    )!;
    expect(within(section).getByText('prod-vm')).toBeInTheDocument();
    expect(within(section).getByText('Ein Teammitglied, das installieren darf, kann sie verknüpfen.')).toBeVisible();
    expect(within(section).queryByRole('button')).toBeNull();
    expect(await violations(container)).toEqual([]);
  });
});
