import { takeSignedOutNotice } from '../lib/signed-out-notice';
import { alert, h, pageHeader } from './dom';
import { loginForm } from './login-form';
import type { Translator } from './strings';

/** /login: the title, "you have signed out" when the portal has just said so, and the form. */
export function showLoginPage(main: HTMLElement, strings: Translator, brandTitle: string) {
  const { header, focus } = pageHeader(strings, brandTitle, 'auth.login.title', 'auth.login.description');
  const signedOut =
    takeSignedOutNotice() && h('div', { class: 'mb-4' }, alert('info', strings.text('auth.login.signedOut')));
  main.replaceChildren(header, ...(signedOut ? [signedOut] : []), loginForm(strings));
  focus();
}
