import { invalidLinkReasons, LOGIN_LINK_TTL_MS, type InvalidLinkReason } from '../../contract/constants';
import type { Me } from '../../contract/me';
import { api, isApiError } from '../lib/api-client';
import { openDocument } from '../lib/document-navigation';
import { alert, delayedSpinner, h, pageHeader } from './dom';
import { loginForm } from './login-form';
import { takeReturnTo } from './return-to';
import type { Translator } from './strings';

/** The token of a login link, from the address's fragment; the address keeps it no longer. */
export function takeLinkToken(): string {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  window.history.replaceState(null, '', window.location.pathname); // Keep the token out of history.
  return token;
}

/**
 * Exchanges a login link's token for a session. The link lands on /login/verify with its token
 * in the fragment, which no browser sends to a server; the exchange is a POST, so a link scanner
 * that merely opens the page cannot use the link up. Started before the page's strings load.
 */
export const exchangeToken = (token: string) => api<Me>('/api/auth/sessions', { method: 'POST', json: { token } });

/** /login/verify: "signing you in", then the page asked for, or why the link failed and a new one. */
export async function showVerifyPage(
  main: HTMLElement,
  strings: Translator,
  brandTitle: string,
  exchange: Promise<Me>,
) {
  const pending = pageHeader(strings, brandTitle, 'auth.verify.title');
  const { spinner, stop } = delayedSpinner(strings, 200);
  main.replaceChildren(pending.header, spinner);
  pending.focus();
  try {
    const me = await exchange;
    if (me.user.locale && me.user.locale !== strings.locale) await strings.changeLocale(me.user.locale);
    openDocument(takeReturnTo(), { replace: true });
  } catch (error) {
    stop();
    const failed = pageHeader(strings, brandTitle, 'auth.verify.failedTitle');
    const reason = h(
      'div',
      { class: 'mb-6' },
      alert('error', strings.text(`auth.verify.reasons.${reasonOf(error)}`, { minutes: LOGIN_LINK_TTL_MS / 60_000 })),
    );
    main.replaceChildren(failed.header, reason, loginForm(strings, 'auth.verify.sendNew'));
    failed.focus();
  }
}

function reasonOf(error: unknown): InvalidLinkReason | 'failed' {
  if (!isApiError(error, 'invalid_link') && !isApiError(error, 'validation_failed')) return 'failed';
  const reason = (error.details as { reason?: string } | undefined)?.reason;
  return invalidLinkReasons.find((r) => r === reason) ?? 'unknown';
}
