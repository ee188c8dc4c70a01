import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { invalidLinkReasons, LOGIN_LINK_TTL_MS, type InvalidLinkReason } from '../../../../contract/constants';
import { Alert } from '../../../components/ui/alert';
import { DelayedSpinner } from '../../../components/ui/delayed-spinner';
import { PageHeader } from '../../../components/ui/page-header';
import { isApiError } from '../../../lib/api-client';
import { changeLocale } from '../../../lib/i18n';
import { useCreateSession } from '../api/login';
import { LoginForm } from '../components/login-form';
import { takeReturnTo } from '../return-to';

/**
 * The login link lands here with its token in the URL fragment (never sent to any server by the
 * browser). Exchanging it is a POST, so link scanners that merely GET the page cannot use it up.
 */
export function Component() {
  // A new link pasted into this tab changes only the fragment; keying on it starts a fresh exchange.
  const { hash } = useLocation();
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
  return <Exchange key={token} token={token} />;
}

function Exchange({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const createSession = useCreateSession();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // StrictMode runs effects twice; a link works only once.
    started.current = true;
    window.history.replaceState(null, '', window.location.pathname); // Keep the token out of history.
    createSession.mutate(
      { token },
      {
        onSuccess: async (me) => {
          if (me.user.locale && me.user.locale !== i18n.language) await changeLocale(i18n, me.user.locale);
          navigate(takeReturnTo(), { replace: true });
        },
      },
    );
  }, [createSession, i18n, navigate, token]);

  if (!createSession.isError) {
    return (
      <>
        <PageHeader title={t('auth.verify.title')} />
        <DelayedSpinner delayMs={200} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('auth.verify.failedTitle')} />
      <div className="mb-6">
        <Alert>
          {t(`auth.verify.reasons.${reasonOf(createSession.error)}`, { minutes: LOGIN_LINK_TTL_MS / 60_000 })}
        </Alert>
      </div>
      <LoginForm submitLabel={t('auth.verify.sendNew')} />
    </>
  );
}

function reasonOf(error: unknown): InvalidLinkReason | 'failed' {
  if (!isApiError(error, 'invalid_link') && !isApiError(error, 'validation_failed')) return 'failed';
  const reason = (error.details as { reason?: string } | undefined)?.reason;
  return invalidLinkReasons.find((r) => r === reason) ?? 'unknown';
}
