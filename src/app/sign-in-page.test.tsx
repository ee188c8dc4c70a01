import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleDocumentNavigation } from '../lib/document-navigation';
import { takeSignedOutNotice } from '../lib/signed-out-notice';
import { renderApp } from '../testing/render-app';

// The sign-in page is a page of its own (decision 019, tested in src/sign-in/): the SPA loads it
// as another document. jsdom cannot, so these tests record where the SPA sends the browser.
const opened = vi.fn();
let restore = () => {};
afterEach(() => {
  restore();
  opened.mockReset();
  sessionStorage.clear();
});
const recordDocumentNavigation = () => (restore = handleDocumentNavigation(opened));

describe('the way to the sign-in page', () => {
  it('is where a signed-out visitor goes, to come back to the page they asked for', async () => {
    recordDocumentNavigation();
    await renderApp('/releases');
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith('/login?next=%2Freleases', { replace: true }));
    expect(screen.queryByRole('heading', { name: 'Releases' })).not.toBeInTheDocument();
  });

  it('needs no return address from the dashboard', async () => {
    recordDocumentNavigation();
    await renderApp('/');
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith('/login', { replace: true }));
  });

  it('is where signing out ends, which then says so, and the old session opens nothing', async () => {
    recordDocumentNavigation();
    const { user, portal, jar } = await renderApp('/license-details', { user: 'alice@acme.example' });
    const session = jar.header();
    await screen.findByRole('heading', { name: 'License' });
    await user.click(screen.getByRole('button', { name: 'Account: alice@acme.example' }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith('/login', { replace: true }));
    expect(takeSignedOutNotice()).toBe(true);
    expect((await portal.request('/api/me', { cookie: session })).status).toBe(401);
  });
});
