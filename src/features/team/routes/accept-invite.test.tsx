import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InviteWithLink } from '../../../../contract/team';
import { violations } from '../../../testing/axe';
import { renderApp } from '../../../testing/render-app';
import type { TestPortal } from '../../../../server/testing/test-portal';

async function inviteErin(portal: TestPortal) {
  const alice = await portal.signIn('alice@acme.example');
  const response = await portal.request('/api/team/invites', {
    method: 'POST',
    cookie: alice,
    json: { email: 'erin@acme.example', role: 'member' },
  });
  const { invite, url } = (await response.json()) as InviteWithLink;
  return { alice, invite, token: url.split('#token=')[1]! };
}

describe('accepting an invite', () => {
  it('signs a new person in and opens the team dashboard', async () => {
    let token = '';
    const { user, container } = await renderApp(() => `/invites/accept#token=${token}`, {
      seed: async (portal) => void ({ token } = await inviteErin(portal)),
    });
    await screen.findByRole('heading', { name: 'Join the team' });
    expect(await violations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Accept the invitation' }));
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
    expect(screen.getByText('Welcome to the portal of Acme Corp.')).toBeInTheDocument();
  });

  it('explains a revoked link on the page, and links to the sign-in page', async () => {
    let token = '';
    const { user, container } = await renderApp(() => `/invites/accept?token=${token}`, {
      seed: async (portal) => {
        const invited = await inviteErin(portal);
        token = invited.token;
        await portal.request(`/api/team/invites/${invited.invite.id}`, { method: 'DELETE', cookie: invited.alice });
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Accept the invitation' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation was withdrawn.');
    expect(screen.getByRole('heading', { name: 'This invitation cannot be used' })).toBeInTheDocument();
    // The sign-in page is a page of its own (decision 019): a plain link loads it.
    expect(screen.getByRole('link', { name: 'Go to sign-in' })).toHaveAttribute('href', '/login');
    expect(await violations(container)).toEqual([]);
  });

  it('shows a signed-in person their pending invites, and accepting opens the new team', async () => {
    const { user } = await renderApp('/', {
      user: 'carol@globex.example',
      seed: async (portal) => {
        const alice = await portal.signIn('alice@acme.example');
        await portal.request('/api/team/invites', {
          method: 'POST',
          cookie: alice,
          json: { email: 'carol@globex.example', role: 'viewer' },
        });
      },
    });
    expect(await screen.findByText('You are invited to join Acme Corp as Viewer.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accept Acme Corp' }));
    await expect.poll(() => screen.queryByText('You are invited to join Acme Corp as Viewer.')).toBeNull();
    // The team switcher comes with the refetched session, which may land after the invite has gone.
    await waitFor(() => expect(screen.getByLabelText('Team')).toHaveDisplayValue('Acme Corp'), { timeout: 5_000 });
  });
});
