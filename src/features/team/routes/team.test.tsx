import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { faults } from '../../../../mocks/faults';
import { mswServer } from '../../../../mocks/node';
import { violations } from '../../../testing/axe';
import { renderApp } from '../../../testing/render-app';

const row = (email: string) => screen.getByRole('cell', { name: email }).closest('tr')!;

describe('the Members tab', () => {
  it('shows an admin the members with role, joined and last seen, and is axe-clean', async () => {
    const { container } = await renderApp('/team', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'Members', level: 2 });
    expect(screen.getByRole('columnheader', { name: 'Last seen' })).toBeInTheDocument();
    expect(within(row('bob@acme.example')).getByText('Never')).toBeInTheDocument();
    expect(screen.getByLabelText('Role of bob@acme.example')).toHaveDisplayValue('Member');
    expect(screen.getByRole('heading', { name: 'Invite someone' })).toBeInTheDocument();
    expect(await violations(container)).toEqual([]);
  });

  it('invites by email, shows the link once, lists the invite, and revokes it', async () => {
    const { user, portal } = await renderApp('/team', { user: 'alice@acme.example' });
    await user.type(await screen.findByLabelText('Email address'), 'erin@acme.example');
    await user.selectOptions(screen.getByLabelText('Role'), 'viewer');
    await user.click(screen.getByRole('button', { name: 'Send invite' }));
    expect(await screen.findByText('Invite sent to erin@acme.example.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy invite link for erin@acme.example' })).toBeInTheDocument();
    expect(portal.outbox.map((m) => m.to)).toContain('erin@acme.example');
    const invite = await screen.findByRole('cell', { name: 'erin@acme.example' });
    expect(within(invite.closest('tr')!).getByText('Viewer')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Revoke erin@acme.example' }));
    expect(await screen.findByText('No invites are waiting.')).toBeInTheDocument();
  });

  it('says next to the field why an address cannot be invited, and invites nobody', async () => {
    const { user, portal } = await renderApp('/team', { user: 'alice@acme.example' });
    const field = await screen.findByLabelText('Email address');
    await user.type(field, 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Send invite' }));
    expect(field).toHaveAccessibleDescription('Enter a valid email address, like name@example.com.');
    await user.clear(field);
    await user.type(field, 'bob@acme.example');
    await user.click(screen.getByRole('button', { name: 'Send invite' }));
    expect(await screen.findByText('This person is already a member of the team.')).toBeInTheDocument();

    await user.type(screen.getByLabelText(/Allowed domains/), 'acme.example');
    await user.click(screen.getByRole('button', { name: 'Save allowlist' }));
    await screen.findByText(/On: invites go only to addresses at acme.example/);
    await user.clear(field);
    await user.type(field, 'mallory@evil.example');
    await user.click(screen.getByRole('button', { name: 'Send invite' }));
    expect(await screen.findByText('This team invites only addresses at acme.example.')).toBeInTheDocument();
    expect(portal.outbox.map((m) => m.to)).not.toContain('mallory@evil.example');
  });

  it('refuses to demote the last admin with a clear message', async () => {
    const { user } = await renderApp('/team', { user: 'alice@acme.example' });
    await user.selectOptions(await screen.findByLabelText('Role of alice@acme.example'), 'member');
    expect(await within(row('alice@acme.example')).findByRole('alert')).toHaveTextContent(
      "alice@acme.example is the team's last admin.",
    );
  });

  it('promotes and removes a member', async () => {
    const { user } = await renderApp('/team', { user: 'alice@acme.example' });
    await user.selectOptions(await screen.findByLabelText('Role of bob@acme.example'), 'admin');
    await expect
      .poll(() => (screen.getByLabelText('Role of bob@acme.example') as HTMLSelectElement).value)
      .toBe('admin');
    await user.click(screen.getByRole('button', { name: 'Remove bob@acme.example' }));
    await user.click(screen.getByRole('button', { name: 'Remove bob@acme.example now' }));
    await expect.poll(() => screen.queryByRole('cell', { name: 'bob@acme.example' })).toBeNull();
  });

  it("lets an admin choose the team's language, which the next invitation is written in", async () => {
    const { user, portal, container } = await renderApp('/team', { user: 'alice@acme.example' });
    const select = await screen.findByLabelText('Team language');
    expect(select).toHaveDisplayValue('English');
    expect(select).toHaveAccessibleDescription('Invitation emails are written in this language.');
    await user.selectOptions(select, 'German');
    await user.click(screen.getByRole('button', { name: 'Save language' }));
    expect(await screen.findByText('Saved: invitation emails are written in German.')).toBeInTheDocument();
    expect(await violations(container)).toEqual([]);

    await user.type(screen.getByLabelText('Email address'), 'erin@acme.example');
    await user.click(screen.getByRole('button', { name: 'Send invite' }));
    await screen.findByText('Invite sent to erin@acme.example.');
    expect(portal.outbox.findLast((m) => m.to === 'erin@acme.example')!.subject).toMatch(/^Einladung zu Acme Corp/);
  });

  it('says next to the language when it could not be saved, and keeps the saved one', async () => {
    const { user, portal } = await renderApp('/team', { user: 'alice@acme.example', locale: 'de' });
    const select = await screen.findByLabelText('Teamsprache');
    expect(select).toHaveDisplayValue('Englisch');
    mswServer.use(faults.serverError('/api/team/settings', { once: true }));
    await user.selectOptions(select, 'Deutsch');
    await user.click(screen.getByRole('button', { name: 'Sprache speichern' }));
    await expect.poll(() => select.getAttribute('aria-invalid')).toBe('true');
    expect(select).toHaveAccessibleDescription(
      'Einladungs-E-Mails werden in dieser Sprache geschrieben. Die Sprache konnte nicht gespeichert werden. Versuchen Sie es erneut.',
    );
    const acme = await portal.db.query.teams.findFirst({ where: (t, { eq }) => eq(t.name, 'Acme Corp') });
    expect(acme!.locale).toBe('en');
  });

  it('offers a member no admin actions', async () => {
    const { container } = await renderApp('/team', { user: 'bob@acme.example' });
    await screen.findByRole('cell', { name: 'alice@acme.example' });
    expect(screen.queryByRole('heading', { name: 'Invite someone' })).toBeNull();
    expect(screen.queryByLabelText('Team language')).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByLabelText(/Role of/)).toBeNull();
    expect(await violations(container)).toEqual([]);
  });
});
