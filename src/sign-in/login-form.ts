import { LOGIN_LINK_TTL_MS } from '../../contract/constants';
import { buttonClass, controlClass, fieldErrorClass, labelClass } from '../components/ui/class-names';
import { api, isApiError } from '../lib/api-client';
import { alert, h } from './dom';
import type { SignInKey, Translator } from './strings';

type FieldError = 'auth.login.errors.emailRequired' | 'auth.login.errors.emailInvalid';
type Failure = 'auth.login.errors.rateLimited' | 'errors.generic';

const EMAIL_ID = 'email';
const EMAIL_ERROR_ID = 'email-error';

/**
 * Asks for a login link (features/auth/components/login-form.tsx before decision 019). Field
 * errors sit under the field, anything else above the form; once sent, the form gives way to
 * where the link went and how long it works.
 */
export function loginForm(strings: Translator, submitLabel: SignInKey = 'auth.login.submit'): HTMLElement {
  const container = h('div');

  function showForm() {
    const input = h('input', {
      id: EMAIL_ID,
      name: 'email',
      type: 'email',
      autocomplete: 'email',
      required: true,
      class: `${controlClass(false)} w-full`,
    });
    const field = h(
      'div',
      {},
      h('label', { for: EMAIL_ID, class: labelClass(false) }, strings.text('auth.login.emailLabel')),
      input,
    );
    const button = h(
      'button',
      { type: 'submit', class: `${buttonClass('primary')} w-full` },
      strings.text(submitLabel),
    );
    const form = h('form', { novalidate: true, class: 'space-y-4' }, field, button);
    let fieldError: HTMLElement | null = null;
    let failure: HTMLElement | null = null;

    const showFieldError = (key: FieldError | null) => {
      fieldError?.remove();
      fieldError = key && h('p', { id: EMAIL_ERROR_ID, class: fieldErrorClass }, strings.text(key));
      if (fieldError) {
        field.append(fieldError);
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', EMAIL_ERROR_ID);
      } else {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
    };
    const showFailure = (key: Failure | null) => {
      failure?.remove();
      failure = key && alert('error', strings.text(key));
      if (failure) form.prepend(failure);
    };
    const setBusy = (busy: boolean) => {
      button.disabled = busy;
      if (busy) button.setAttribute('aria-busy', 'true');
      else button.removeAttribute('aria-busy');
    };

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const email = input.value.trim();
      // Only emptiness is checked here. Whether the address is valid is the contract's schema's
      // to say, and the BFF answers with it (decision 017); its answer lands under the field too.
      if (!email) return showFieldError('auth.login.errors.emailRequired');
      showFieldError(null);
      showFailure(null);
      setBusy(true);
      try {
        await api<{ sent: true }>('/api/auth/login-links', {
          method: 'POST',
          json: { email, locale: strings.locale },
        });
        showSent(email);
      } catch (error) {
        setBusy(false);
        // A refusal of anything but the address (none is expected) still says something went wrong.
        if (isApiError(error, 'validation_failed') && error.fields.email)
          showFieldError('auth.login.errors.emailInvalid');
        else showFailure(isApiError(error, 'rate_limited') ? 'auth.login.errors.rateLimited' : 'errors.generic');
      }
    });
    container.replaceChildren(form);
    return input;
  }

  function showSent(email: string) {
    const another = h(
      'button',
      { type: 'button', class: buttonClass('secondary') },
      strings.text('auth.login.sent.useAnother'),
    );
    // The form goes, and with it the focus: the field of the new one takes it.
    another.addEventListener('click', () => showForm().focus());
    container.replaceChildren(
      h(
        'div',
        { class: 'space-y-4' },
        alert(
          'success',
          h('p', { class: 'font-semibold' }, strings.text('auth.login.sent.title')),
          h(
            'p',
            { class: 'mt-1' },
            strings.text('auth.login.sent.body', { email, minutes: LOGIN_LINK_TTL_MS / 60_000 }),
          ),
        ),
        another,
      ),
    );
  }

  showForm();
  return container;
}
