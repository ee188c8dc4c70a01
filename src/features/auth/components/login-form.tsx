import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { requestLoginLinkInputSchema } from '../../../../contract/auth';
import { isLocale } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { useRequestLoginLink } from '../api/login';

/** Asks for a login link. Field errors sit under the field; anything else above the form. */
export function LoginForm({ submitLabel }: { submitLabel?: string }) {
  const { t, i18n } = useTranslation();
  const requestLink = useRequestLoginLink();
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const emailId = useId();
  const errorId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    // The same schema the BFF validates with, so both sides agree on what a valid address is.
    const parsed = requestLoginLinkInputSchema.safeParse({ email });
    if (!parsed.success) {
      setFieldError(t(email.trim() ? 'auth.login.errors.emailInvalid' : 'auth.login.errors.emailRequired'));
      return;
    }
    setFieldError(null);
    const locale = isLocale(i18n.language) ? i18n.language : undefined;
    requestLink.mutate(
      { email: parsed.data.email, locale },
      {
        onSuccess: () => setSentTo(parsed.data.email),
        onError: (error) => {
          if (isApiError(error, 'validation_failed') && error.fields.email)
            setFieldError(t('auth.login.errors.emailInvalid'));
        },
      },
    );
  }

  if (sentTo) {
    return (
      <div className="space-y-4">
        <Alert tone="success">
          <p className="font-semibold">{t('auth.login.sent.title')}</p>
          <p className="mt-1">{t('auth.login.sent.body', { email: sentTo })}</p>
        </Alert>
        <Button variant="secondary" onClick={() => setSentTo(null)}>
          {t('auth.login.sent.useAnother')}
        </Button>
      </div>
    );
  }

  const failure = requestLink.error;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {failure && !isApiError(failure, 'validation_failed') && (
        <Alert>{isApiError(failure, 'rate_limited') ? t('auth.login.errors.rateLimited') : t('errors.generic')}</Alert>
      )}
      <div>
        <label htmlFor={emailId} className="block text-sm font-semibold text-slate-900">
          {t('auth.login.emailLabel')}
        </label>
        <input
          id={emailId}
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? errorId : undefined}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-slate-900 aria-invalid:border-red-700"
        />
        {fieldError && (
          <p id={errorId} className="mt-1 text-sm text-red-800">
            {fieldError}
          </p>
        )}
      </div>
      <Button type="submit" busy={requestLink.isPending} className="w-full">
        {submitLabel ?? t('auth.login.submit')}
      </Button>
    </form>
  );
}
