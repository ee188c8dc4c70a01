import { screen, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bffHandlers, CookieJar } from '../../mocks/bff-handlers';
import { mswServer } from '../../mocks/node';
import { faults } from '../../mocks/faults';
import { createTestPortal, type TestPortal } from '../../server/testing/test-portal';
import { handleDocumentNavigation } from '../lib/document-navigation';
import { noteSignedOut } from '../lib/signed-out-notice';
import { violations } from '../testing/axe';
import { mountSignIn } from './mount-sign-in';

/**
 * The sign-in page (decision 019) loaded at `url`, in jsdom, talking through MSW to a real BFF on
 * an in-memory database (a fresh one unless `portal` is given). `opened` records the pages it
 * leaves for: jsdom cannot load another one.
 */
async function openSignIn(url: string, options: { portal?: TestPortal; user?: string } = {}) {
  const portal = options.portal ?? (await createTestPortal());
  const jar = new CookieJar();
  mswServer.use(...bffHandlers(portal.app, jar));
  if (options.user) jar.store([await portal.signIn(options.user)]);
  const opened = vi.fn();
  pageLoaded.push(handleDocumentNavigation(opened));
  window.history.replaceState(null, '', url);
  const container = document.body.appendChild(document.createElement('div'));
  pageLoaded.push(await mountSignIn(container), () => container.remove());
  /** Whether the page's requests now carry a session (what /api/me answers them). */
  const signedIn = async () => (await fetch('/api/me')).status === 200;
  return { portal, opened, container, signedIn, user: userEvent.setup() };
}

/** What the last page load left behind; a new load (or the test's end) takes it away. */
const pageLoaded: (() => void)[] = [];
const leavePage = () => {
  for (const undo of pageLoaded.splice(0)) undo();
};

afterEach(() => {
  leavePage();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

/** A login link for `email`, as the BFF emails it. */
async function sentLink(portal: TestPortal, email: string) {
  await portal.request('/api/auth/login-links', { method: 'POST', json: { email } });
  return portal.lastLinkToken(email);
}

const heading = (name: string) => screen.findByRole('heading', { level: 1, name });

describe('the sign-in page', () => {
  it('emails a link, says where it went and for how long, and the link signs in to the page asked for', async () => {
    const first = await openSignIn('/login?next=%2Freleases');
    expect(document.title).toBe('Sign in · Atlas Analytics Enterprise Portal');
    expect(screen.getByRole('link', { name: 'Atlas Analytics Enterprise Portal' })).toHaveAttribute('href', '/');
    expect(await violations(first.container)).toEqual([]);

    await first.user.type(screen.getByLabelText('Work email'), 'bob@acme.example');
    await first.user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    const sent = await screen.findByRole('status');
    expect(sent).toHaveTextContent('Check your email');
    expect(sent).toHaveTextContent(
      'If bob@acme.example belongs to a portal account, a sign-in link is on its way. It works once and expires in 15 minutes.',
    );
    expect(first.portal.outbox.map((m) => m.to)).toEqual(['bob@acme.example']);
    expect(await violations(first.container)).toEqual([]);

    // The link comes back in another page load (from the email), with its token in the fragment.
    const token = first.portal.lastLinkToken('bob@acme.example');
    leavePage();
    const { opened, signedIn } = await openSignIn(`/login/verify#token=${token}`, { portal: first.portal });
    expect(window.location.hash).toBe(''); // The token leaves the address at once.
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith('/releases', { replace: true }));
    expect(await signedIn()).toBe(true);
  });

  it('offers another address once a link is sent, with the focus in the new form', async () => {
    const { user } = await openSignIn('/login');
    await user.type(screen.getByLabelText('Work email'), 'alice@acme.example');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    await user.click(await screen.findByRole('button', { name: 'Use a different email' }));
    expect(screen.getByLabelText('Work email')).toHaveFocus();
    expect(screen.getByLabelText('Work email')).toHaveValue('');
  });

  it('sends someone already signed in to the portal, without a form', async () => {
    const { opened } = await openSignIn('/login', { user: 'alice@acme.example' });
    expect(opened).toHaveBeenCalledWith('/', { replace: true });
    expect(screen.queryByLabelText('Work email')).not.toBeInTheDocument();
  });

  it('asks for an address, and shows the BFF’s verdict on one under the field, sending nothing', async () => {
    const { user, portal, container } = await openSignIn('/login');
    const field = screen.getByLabelText('Work email');
    const submit = screen.getByRole('button', { name: 'Email me a sign-in link' });
    await user.click(submit);
    expect(field).toHaveAccessibleDescription('Enter your email address.');
    expect(field).toHaveAttribute('aria-invalid', 'true');

    await user.type(field, 'not-an-email');
    await user.click(submit);
    await vi.waitFor(() =>
      expect(field).toHaveAccessibleDescription('Enter a valid email address, like name@example.com.'),
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(submit).toBeEnabled();
    expect(portal.outbox).toHaveLength(0);
    expect(await violations(container)).toEqual([]);
  });

  it('says so above the form when the server refuses more requests, and when it fails', async () => {
    const { user, portal } = await openSignIn('/login');
    for (let i = 0; i < 5; i++)
      await portal.request('/api/auth/login-links', { method: 'POST', json: { email: 'dave@initech.example' } });
    await user.type(screen.getByLabelText('Work email'), 'dave@initech.example');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many sign-in requests. Wait a few minutes and try again.',
    );
    expect(screen.getByLabelText('Work email')).not.toHaveAttribute('aria-invalid');

    mswServer.use(faults.serverError('/api/auth/login-links', { once: true }));
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    await vi.waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong. Try again.'));
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('keeps the button busy while the request is on its way', async () => {
    const { user } = await openSignIn('/login');
    await user.type(screen.getByLabelText('Work email'), 'alice@acme.example');
    const submit = screen.getByRole('button', { name: 'Email me a sign-in link' });
    // No pause after the click: the check runs before the BFF can have answered.
    await userEvent.setup({ delay: null }).click(submit);
    expect(submit).toBeDisabled();
    expect(submit).toHaveAttribute('aria-busy', 'true');
    await screen.findByText('Check your email');
  });

  it('says "you have signed out" once, after the portal signed the user out', async () => {
    noteSignedOut();
    await openSignIn('/login');
    expect(screen.getByRole('status')).toHaveTextContent('You have signed out.');
    leavePage();
    await openSignIn('/login');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});

describe('a login link', () => {
  it('used once already is refused, with a form for a new one', async () => {
    const portal = await createTestPortal();
    const token = await sentLink(portal, 'bob@acme.example');
    await portal.request('/api/auth/sessions', { method: 'POST', json: { token } });
    const { user, container } = await openSignIn(`/login/verify#token=${token}`, { portal });

    expect(await heading('This link cannot sign you in')).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This sign-in link has already been used. Each link works once. Ask for a new one below.',
    );
    expect(await violations(container)).toEqual([]);
    await user.type(screen.getByLabelText('Work email'), 'bob@acme.example');
    await user.click(screen.getByRole('button', { name: 'Email me a new link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Check your email');
    expect(portal.outbox.filter((m) => m.to === 'bob@acme.example')).toHaveLength(2);
  });

  it('that is not one is refused, and a fresh one pasted into the same tab signs in', async () => {
    const { portal, opened, signedIn } = await openSignIn('/login/verify#token=not-a-real-token-at-all');
    expect(await screen.findByRole('alert')).toHaveTextContent('This sign-in link is not valid.');
    const token = await sentLink(portal, 'bob@acme.example');
    window.location.hash = `token=${token}`;
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith('/', { replace: true }));
    expect(await signedIn()).toBe(true);
  });

  it('past its 15 minutes is refused as expired', async () => {
    const portal = await createTestPortal();
    const token = await sentLink(portal, 'bob@acme.example');
    portal.clock.advance(16 * 60_000);
    await openSignIn(`/login/verify#token=${token}`, { portal });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This sign-in link has expired. Links work for 15 minutes. Ask for a new one below.',
    );
  });
});

describe('the sign-in page in German', () => {
  it('shows the saved language, asks for the link in it, and switches at once', async () => {
    localStorage.setItem('portico.locale', 'de');
    const { user, portal } = await openSignIn('/login');
    expect(await heading('Anmelden')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
    await user.type(screen.getByLabelText('Geschäftliche E-Mail-Adresse'), 'bob@acme.example');
    await user.click(screen.getByRole('button', { name: 'Anmeldelink per E-Mail senden' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Prüfen Sie Ihr Postfach');
    expect(portal.outbox[0]?.subject).toMatch(/^Ihr Anmeldelink/);

    await user.selectOptions(screen.getByLabelText('Sprache'), 'English');
    expect(await heading('Sign in')).toBeInTheDocument();
    expect(within(screen.getByRole('status')).getByText('Check your email')).toBeInTheDocument();
    expect(document.title).toBe('Sign in · Atlas Analytics Enterprise Portal');
    expect(localStorage.getItem('portico.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('is what a user who chose German gets once their link signs them in', async () => {
    const portal = await createTestPortal();
    const bob = await portal.signIn('bob@acme.example');
    await portal.request('/api/me/preferences', { method: 'PUT', cookie: bob, json: { locale: 'de' } });
    const token = await sentLink(portal, 'bob@acme.example');
    const { opened } = await openSignIn(`/login/verify#token=${token}`, { portal });
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith('/', { replace: true }));
    expect(localStorage.getItem('portico.locale')).toBe('de');
  });
});
