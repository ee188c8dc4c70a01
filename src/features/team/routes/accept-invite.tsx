import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { invalidInviteReasons, type InvalidInviteReason } from '../../../../contract/team';
import { Alert } from '../../../components/ui/alert';
import { Button, buttonClass } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { isApiError } from '../../../lib/api-client';
import { changeLocale } from '../../../lib/i18n';
import { useAcceptInvite } from '../api/invites';

/** The token, from the link's fragment (`#token=`) or its query (`?token=`). */
function tokenIn({ hash, search }: { hash: string; search: string }) {
  return new URLSearchParams(hash.slice(1)).get('token') ?? new URLSearchParams(search).get('token') ?? '';
}

/**
 * The invite link lands here. Accepting is a button (a POST), so a mail scanner that merely opens
 * the link cannot use it up; the token leaves the address bar at once.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [token] = useState(() => tokenIn(location));
  const accept = useAcceptInvite();

  useEffect(() => {
    window.history.replaceState(null, '', window.location.pathname);
  }, []);

  if (accept.isError) {
    return (
      <>
        <PageHeader title={t('team.accept.failedTitle')} />
        <div className="space-y-4">
          <Alert>{t(`team.accept.reasons.${reasonOf(accept.error)}`)}</Alert>
          {/* The sign-in page is a page of its own, not a route of the SPA (decision 019). */}
          <a href="/login" className={buttonClass('secondary')}>
            {t('team.accept.signIn')}
          </a>
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('team.accept.title')} description={t('team.accept.description')} />
      <Button
        busy={accept.isPending || accept.isSuccess}
        onClick={() =>
          accept.mutate(
            { token: token.length >= 16 ? token : 'x'.repeat(16) },
            {
              onSuccess: async (me) => {
                if (me.user.locale && me.user.locale !== i18n.language) await changeLocale(i18n, me.user.locale);
                await navigate('/', { replace: true });
              },
            },
          )
        }
      >
        {t('team.accept.accept')}
      </Button>
    </>
  );
}

function reasonOf(error: unknown): InvalidInviteReason | 'failed' {
  if (!isApiError(error, 'invalid_link')) return 'failed';
  const reason = (error.details as { reason?: string } | undefined)?.reason;
  return invalidInviteReasons.find((r) => r === reason) ?? 'unknown';
}
