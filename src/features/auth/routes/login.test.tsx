import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../testing/render-app';

describe('signing in', () => {
  it('sends a login link, and the link signs the user in to their dashboard', async () => {
    const { user, portal, router } = await renderApp('/');
    // Signed out: the portal sends the visitor to sign in.
    await screen.findByRole('heading', { name: 'Sign in' });
    await user.type(screen.getByLabelText('Work email'), 'alice@acme.example');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    expect(await screen.findByText('Check your email')).toBeInTheDocument();
    expect(portal.outbox.map((m) => m.to)).toEqual(['alice@acme.example']);

    await router.navigate(`/login/verify#token=${portal.lastLinkToken('alice@acme.example')}`);
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
    expect(screen.getByText('Welcome to the portal of Acme Corp.')).toBeInTheDocument();
  });

  it('returns to the page that was asked for once the link signs the user in', async () => {
    const { user, portal, router } = await renderApp('/releases');
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(router.state.location.search).toBe('?next=%2Freleases');
    await user.type(screen.getByLabelText('Work email'), 'bob@acme.example');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    await screen.findByText('Check your email');
    await router.navigate(`/login/verify#token=${portal.lastLinkToken('bob@acme.example')}`);
    expect(await screen.findByRole('heading', { name: 'Releases', level: 1 })).toBeInTheDocument();
  });

  it('shows the field message next to the field for an invalid email and sends nothing', async () => {
    const { user, portal } = await renderApp('/login');
    const field = await screen.findByLabelText('Work email');
    await user.type(field, 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    expect(field).toHaveAccessibleDescription('Enter a valid email address, like name@example.com.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(portal.outbox).toHaveLength(0);
  });

  it('refuses a reused link with a page that offers a new one', async () => {
    const { user, portal, router } = await renderApp('/login');
    await portal.request('/api/auth/login-links', { method: 'POST', json: { email: 'bob@acme.example' } });
    const link = portal.lastLinkToken('bob@acme.example');
    await portal.request('/api/auth/sessions', { method: 'POST', json: { token: link } });

    await router.navigate(`/login/verify#token=${link}`);
    expect(await screen.findByRole('heading', { name: 'This link cannot sign you in' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('This sign-in link has already been used.');

    await user.type(screen.getByLabelText('Work email'), 'bob@acme.example');
    await user.click(screen.getByRole('button', { name: 'Email me a new link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Check your email');
    expect(portal.outbox.filter((m) => m.to === 'bob@acme.example')).toHaveLength(2);
  });

  it('accepts a fresh link opened in the same tab as a refused one', async () => {
    const { portal, router } = await renderApp('/login');
    await router.navigate('/login/verify#token=not-a-real-token-at-all');
    expect(await screen.findByRole('alert')).toHaveTextContent('This sign-in link is not valid.');
    await portal.request('/api/auth/login-links', { method: 'POST', json: { email: 'bob@acme.example' } });
    await router.navigate(`/login/verify#token=${portal.lastLinkToken('bob@acme.example')}`);
    expect(await screen.findByRole('heading', { name: 'Dashboard', level: 1 })).toBeInTheDocument();
  });

  it('refuses an expired link', async () => {
    const { portal, router } = await renderApp('/login');
    await portal.request('/api/auth/login-links', { method: 'POST', json: { email: 'bob@acme.example' } });
    portal.clock.advance(16 * 60_000);
    await router.navigate(`/login/verify#token=${portal.lastLinkToken('bob@acme.example')}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('This sign-in link has expired.');
  });

  it('signs out, and the old session no longer opens the portal', async () => {
    const { user, router } = await renderApp('/license-details', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'License' });
    await user.click(screen.getByRole('button', { name: 'Account: alice@acme.example' }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('You have signed out.');

    await router.navigate('/license-details');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(within(document.body).queryByText('Acme Corp')).not.toBeInTheDocument();
  });
});
