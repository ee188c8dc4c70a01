import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACME_LICENSE_ID } from '../../../../server/testing/recorded-requests';
import { createTestPortal } from '../../../../server/testing/test-portal';
import { violations } from '../../../testing/axe';
import { renderApp } from '../../../testing/render-app';

const MASK = '•'.repeat(12);
const stepCode = (title: string) =>
  within(screen.getByRole('heading', { name: title }).closest('li')!).getByRole('code');
const credentials = () => screen.getByRole('group', { name: 'Authenticate the commands with' });

// Opening the file's database from the template takes seconds on a busy machine; done here, under
// the hook timeout, so the first test is timed on what it does.
beforeAll(async () => void (await createTestPortal()));

describe('the credential in the commands (issue 7, decision 008)', () => {
  it('switches the download to the license ID by keyboard, masked on screen until revealed, whole when copied', async () => {
    const { user, container } = await renderApp('/install/new', { user: 'alice@acme.example' });
    await user.type(await screen.findByLabelText('Instance name'), 'ec-vm');
    await user.click(screen.getByRole('button', { name: 'Start installation' }));
    const heading = await screen.findByRole('heading', { name: 'Install: ec-vm', level: 1 });
    // The navigation's heading takes focus in an effect that can land after the heading shows (on
    // a busy machine, after the test had moved focus to a radio): wait for it before moving focus.
    await waitFor(() => expect(heading).toHaveFocus());

    const token = within(credentials()).getByRole('radio', { name: /^This installation's token/ });
    const license = within(credentials()).getByRole('radio', { name: /^Your license ID/ });
    expect(token).toBeChecked();
    const download = 'Step 1: Download the installation assets';
    expect(stepCode(download).textContent).toContain(`-H 'Authorization: ${MASK}'`);

    token.focus();
    await user.keyboard('{ArrowDown}');
    expect(license).toBeChecked();
    expect(screen.getByText('The license ID in the commands is hidden.')).toBeInTheDocument();
    expect(stepCode(download).textContent).toBe(
      `curl -f http://portal.test/embedded/atlas/stable/1.4.0 -H 'Authorization: ${MASK}' -o atlas-stable.tgz`,
    );
    // Masked on screen, whole on the clipboard.
    await user.click(screen.getByRole('button', { name: 'Copy the commands of “Download the installation assets”' }));
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain(`-H 'Authorization: ${ACME_LICENSE_ID}'`);

    screen.getByRole('button', { name: 'Reveal license ID' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Hide license ID', pressed: true })).toHaveFocus();
    expect(stepCode(download).textContent).toBe(copied);
    expect(await violations(container)).toEqual([]);

    // Back to the token: revealing the license ID revealed nothing of it.
    await user.click(token);
    expect(screen.getByRole('button', { name: 'Reveal token', pressed: false })).toBeInTheDocument();
    expect(stepCode(download).textContent).toContain(`-H 'Authorization: ${MASK}'`);
  });

  it('gives the Helm login the license ID even where this browser has no token, and remembers the choice', async () => {
    const { user, portal, router } = await renderApp('/install', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'Install', level: 1 });
    const created = await portal.request('/api/installs', {
      method: 'POST',
      cookie: await portal.signIn('alice@acme.example'),
      json: {
        method: 'helm',
        name: 'helm-elsewhere',
        version: '1.4.0',
        options: { network: 'online', kubernetesDistribution: 'eks', registryAccess: 'online' },
      },
    });
    const { attempt } = await created.json();
    await router.navigate(`/install/${attempt.id}`);
    await screen.findByRole('heading', { name: 'Install: helm-elsewhere', level: 1 });
    expect(screen.getByRole('button', { name: 'Replace token' })).toBeInTheDocument();

    await user.click(within(credentials()).getByRole('radio', { name: /^Your license ID/ }));
    expect(screen.queryByRole('button', { name: 'Replace token' })).not.toBeInTheDocument();
    const login = 'Step 1: Log in to the registry';
    expect(stepCode(login).textContent).toBe(
      `helm registry login portal.test --insecure --username alice@acme.example --password ${MASK}`,
    );
    await user.click(screen.getByRole('button', { name: 'Reveal license ID' }));
    expect(stepCode(login).textContent).toBe(
      `helm registry login portal.test --insecure --username alice@acme.example --password ${ACME_LICENSE_ID}`,
    );
    expect(screen.getByRole('checkbox', { name: 'Registry login' })).toHaveAttribute('aria-checked', 'false');
    // What that login sends: the one open Helm attempt awaiting it is this one, and it ticks live.
    const token = await portal.app.request('http://portal.test/v2/token?service=portal.test', {
      headers: { authorization: `Basic ${btoa(`alice@acme.example:${ACME_LICENSE_ID}`)}` },
    });
    expect(token.status).toBe(200);
    await waitFor(
      () => expect(screen.getByRole('checkbox', { name: 'Registry login' })).toHaveAttribute('aria-checked', 'true'),
      { timeout: 5000 },
    );

    await user.click(screen.getByRole('link', { name: 'All installations' }));
    await screen.findByRole('heading', { name: 'Install', level: 1 });
    await router.navigate(`/install/${attempt.id}`);
    await screen.findByRole('heading', { name: 'Install: helm-elsewhere', level: 1 });
    expect(within(credentials()).getByRole('radio', { name: /^Your license ID/ })).toBeChecked();
    expect(stepCode(login).textContent).toContain(`--password ${MASK}`);
  });

  it('offers the choice in German', async () => {
    const { user, container } = await renderApp('/install/new', { user: 'alice@acme.example', locale: 'de' });
    await user.type(await screen.findByLabelText('Name der Instanz'), 'de-vm');
    await user.click(screen.getByRole('button', { name: 'Installation beginnen' }));
    const group = await screen.findByRole('group', { name: 'Die Befehle authentifizieren sich mit' });
    await user.click(within(group).getByRole('radio', { name: /^Ihrer Lizenz-ID/ }));
    await user.click(screen.getByRole('button', { name: 'Lizenz-ID anzeigen' }));
    expect(screen.getByText('Die Lizenz-ID ist in den Befehlen sichtbar.')).toBeInTheDocument();
    expect(await violations(container)).toEqual([]);
  });
});
