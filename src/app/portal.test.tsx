import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { faults } from '../../mocks/faults';
import { mswServer } from '../../mocks/node';
import { demoCatalogueText } from '../../server/catalogue/demo';
import { renderApp } from '../testing/render-app';

describe('the signed-in portal', () => {
  it("shows Acme's dashboard with its real numbers", async () => {
    await renderApp('/', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
    const card = (name: string) => within(screen.getByRole('heading', { name, level: 2 }).closest('section')!);
    expect(card('Install').getByText('4 install methods available:')).toBeInTheDocument();
    expect(
      card('Install')
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Helm (existing Kubernetes cluster)',
      'Embedded Cluster (Linux VM or bare metal)',
      'Helm, air gap',
      'Embedded Cluster, air gap',
    ]);
    expect(card('Instances').getByText('0 active instances')).toBeInTheDocument();
    expect(card('Instances').getByText('0 inactive instances')).toBeInTheDocument();
    expect(card('License').getByText('Paid license')).toBeInTheDocument();
    expect(card('License').getByText('365 days left')).toBeInTheDocument();
    expect(card('Support').getByText('0 support bundles uploaded')).toBeInTheDocument();
    expect(card('Team').getByText('2 team members')).toBeInTheDocument();
    expect(card('Team').getByText('0 service accounts')).toBeInTheDocument();
  });

  it('opens License and Releases from the navigation', async () => {
    const { user } = await renderApp('/', { user: 'alice@acme.example' });
    const nav = await screen.findByRole('navigation', { name: 'Portal' });
    // The first page leaves focus where a page load puts it: the first Tab reaches the skip link.
    await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
    expect(document.body).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveFocus();
    await user.click(within(nav).getByRole('link', { name: 'License' }));
    // A navigation takes focus to the page it opened, so a screen reader says where it went. The
    // heading takes it in an effect, which can run a moment after the heading is on the page.
    const license = await screen.findByRole('heading', { name: 'License', level: 1 });
    await waitFor(() => expect(license).toHaveFocus());
    expect(within(nav).getByRole('link', { name: 'License' })).toHaveAttribute('aria-current', 'page');
    const row = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(row('Customer name')).toHaveTextContent('Acme Corp');
    expect(row('Customer ID')).toHaveTextContent('CRM-0042');
    expect(row('License type')).toHaveTextContent('Paid');
    expect(row('Release channel')).toHaveTextContent('Stable');
    expect(row('License status')).toHaveTextContent('Active');
    expect(row('seats')).toHaveTextContent('250');

    await user.click(within(nav).getByRole('link', { name: 'Releases' }));
    await screen.findByRole('heading', { name: 'Releases', level: 1 });
    const versions = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(versions).toEqual(['Version 1.4.0', 'Version 1.3.0', 'Version 1.2.0', 'Version 1.1.0', 'Version 1.0.0']);
    const required = screen.getByRole('article', { name: 'Version 1.2.0' });
    expect(within(required).getByText('Required')).toBeInTheDocument();
    expect(within(required).getByText('Required upgrade.', { selector: 'strong' })).toBeInTheDocument();
  });

  it('switches to German, with dates in German, and keeps the choice for the account', async () => {
    const { user, portal, jar } = await renderApp('/license-details', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'License', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Account: alice@acme.example' }));
    await user.selectOptions(screen.getByLabelText('Language'), 'de');
    expect(await screen.findByRole('heading', { name: 'Lizenz', level: 1 })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'de');
    expect(screen.getByRole('link', { name: 'Übersicht' })).toBeInTheDocument();
    expect(screen.getByText('Ausgestellt', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      '22. November 2026',
    );
    expect(localStorage.getItem('portico.locale')).toBe('de');
    await expect
      .poll(async () => (await (await portal.request('/api/me', { cookie: jar.header() })).json()).user.locale)
      .toBe('de');
  });

  it('says so when a page does not exist', async () => {
    await renderApp('/no-such-page', { user: 'alice@acme.example' });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the dashboard' })).toHaveAttribute('href', '/');
  });

  it('says clearly when the portal server cannot be reached, and recovers on retry', async () => {
    const { user } = await renderApp('/', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
    mswServer.use(faults.unreachable('/api/license', { once: true }));
    await user.click(screen.getByRole('link', { name: 'License' }));
    expect(await screen.findByRole('heading', { name: 'The portal cannot be reached' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('We could not reach the portal server.');

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'License', level: 1 })).toBeInTheDocument();
  });

  it('renders release notes as markdown without letting them inject markup or script', async () => {
    const hostile = demoCatalogueText.replace(
      'Preview of 1.5.0. Not for production use.',
      'Hostile <script>window.pwned = true</script> <img src=x onerror="window.pwned = true"> [click me](javascript:window.pwned=true)',
    );
    await renderApp('/releases', { user: 'dave@initech.example', catalogue: hostile });
    const article = await screen.findByRole('article', { name: 'Version 1.5.0-beta.1' });
    expect(article.querySelector('script, img, iframe')).toBeNull();
    expect(within(article).getByText('click me').getAttribute('href') ?? '').not.toMatch(/javascript:/i);
    expect((window as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('lets someone on several teams pick the team, and every page follows it', async () => {
    const twoTeams = demoCatalogueText
      .replace(
        '      - email: dave@initech.example\n        role: admin',
        '      - email: dave@initech.example\n        role: admin\n      - email: eve@acme.example\n        role: viewer',
      )
      .replace(
        '      - email: bob@acme.example\n        role: member',
        '      - email: bob@acme.example\n        role: member\n      - email: eve@acme.example\n        role: member',
      );
    const { user } = await renderApp('/', { user: 'eve@acme.example', catalogue: twoTeams });
    const installOptions = async () =>
      within((await screen.findByRole('heading', { name: 'Install', level: 2 })).closest('section')!)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    const versions = async () => {
      await screen.findByRole('heading', { name: 'Releases', level: 1 });
      return screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    };
    // Acme's dashboard and releases are read, and cached, first.
    await screen.findByText('Welcome to the portal of Acme Corp.');
    expect(await installOptions()).toHaveLength(4);
    await user.click(screen.getByRole('link', { name: 'Releases' }));
    expect(await versions()).toHaveLength(5);

    const team = screen.getByLabelText('Team');
    expect(team).toHaveDisplayValue('Acme Corp');
    await user.selectOptions(team, 'Initech');
    await screen.findByText('Welcome to the portal of Initech.');
    expect(await installOptions()).toEqual(['Embedded Cluster, air gap', 'Helm, air gap']);
    await user.click(screen.getByRole('link', { name: 'Releases' }));
    expect(await versions()).toEqual(['Version 1.5.0-beta.1']);

    await user.selectOptions(screen.getByLabelText('Team'), 'Acme Corp');
    await screen.findByText('Welcome to the portal of Acme Corp.');
    expect(await installOptions()).toHaveLength(4);
    await user.click(screen.getByRole('link', { name: 'Releases' }));
    expect(await versions()).toHaveLength(5);
  });
});
