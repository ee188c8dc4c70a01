import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOGIN_LINK_TTL_MS } from '../../../../contract/constants';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api-client';
import { isLocale } from '../../../lib/locale';
import { useRequestLoginLink } from '../api/login';

/** Asks for a login link. Field errors sit under the field; anything else above the form. */
export function LoginForm({ submitLabel }: { submitLabel?: string }) {
  const { t, i18n } = useTranslation();
  const requestLink = useRequestLoginLink();
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    // Only emptiness is checked here. Whether the address is valid is the contract's schema's to
    // say, and the BFF answers with it; importing zod for it would add 24 kB to the sign-in page,
    // over its budget (decision 017). The BFF's answer lands under the field like this one.
    if (!email) {
      setFieldError(t('auth.login.errors.emailRequired'));
      return;
    }
    setFieldError(null);
    const locale = isLocale(i18n.language) ? i18n.language : undefined;
    requestLink.mutate(
      { email, locale },
      {
        onSuccess: () => setSentTo(email),
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
          <p className="mt-1">{t('auth.login.sent.body', { email: sentTo, minutes: LOGIN_LINK_TTL_MS / 60_000 })}</p>
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
      <Field
        label={t('auth.login.emailLabel')}
        name="email"
        type="email"
        autoComplete="email"
        required
        error={fieldError}
        controlClassName="w-full"
      />
      <Button type="submit" busy={requestLink.isPending} className="w-full">
        {submitLabel ?? t('auth.login.submit')}
      </Button>
    </form>
  );
}
