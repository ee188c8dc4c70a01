import type { SessionStatus } from '../../contract/auth';
import type { Branding } from '../../contract/catalogue';
import { api } from '../lib/api-client';
import { openDocument } from '../lib/document-navigation';
import { initialLocale } from '../lib/locale';
import { showLoginPage } from './login-page';
import { publicLayout } from './public-layout';
import { rememberReturnTo } from './return-to';
import { createTranslator } from './strings';
import { exchangeToken, showVerifyPage, takeLinkToken } from './verify-page';

/**
 * The sign-in page (/login and /login/verify) in `root`: plain DOM and i18next's core, no React,
 * so the page's scripts stay far under its 100 kB budget (decision 019). The production entry
 * (main.ts) and the demo (mocks/demo/main.tsx) both mount it here. Resolves, once the page is
 * drawn (or left), to the function that takes its listeners away again.
 */
export async function mountSignIn(root: HTMLElement): Promise<() => void> {
  const verifying = window.location.pathname === '/login/verify';
  // Asked for at once, beside the strings: the page's first paint waits for all of them.
  const exchange = verifying ? exchangeToken(takeLinkToken()) : null;
  exchange?.catch(() => {}); // Shown by the verify page, once its strings are there.
  if (!verifying) rememberReturnTo(new URLSearchParams(window.location.search).get('next'));
  // Someone already signed in has nothing to do here. Asks the server: the cookie is httpOnly.
  const session = verifying ? null : api<SessionStatus>('/api/auth/session').catch(() => null);
  const [strings, branding, status] = await Promise.all([
    createTranslator(initialLocale()),
    api<Branding>('/api/branding').catch(() => null),
    session,
  ]);
  if (status?.signedIn) {
    openDocument('/', { replace: true });
    return () => {};
  }

  // The tab's title as the host wrote it (the vendor's), before a page puts its own in front.
  const brandTitle = branding?.title ?? document.title;
  const main = publicLayout(root, strings, branding);
  if (exchange) void showVerifyPage(main, strings, brandTitle, exchange);
  else showLoginPage(main, strings, brandTitle);

  // A new link pasted into this tab changes only the fragment: exchange its token afresh.
  const onHashChange = () => {
    if (window.location.pathname !== '/login/verify') return;
    const token = takeLinkToken();
    if (token) void showVerifyPage(main, strings, brandTitle, exchangeToken(token));
  };
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
