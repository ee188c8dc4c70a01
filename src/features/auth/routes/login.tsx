import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { redirect, useLocation, type LoaderFunctionArgs } from 'react-router';
import type { SessionStatus } from '../../../../contract/auth';
import { Alert } from '../../../components/ui/alert';
import { PageHeader } from '../../../components/ui/page-header';
import { api } from '../../../lib/api-client';
import { LoginForm } from '../components/login-form';
import { rememberReturnTo } from '../return-to';

/** Someone already signed in has nothing to do here. Asks the server, never a cached answer. */
export const loader =
  (_queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    rememberReturnTo(new URL(request.url).searchParams.get('next'));
    const { signedIn } = await api<SessionStatus>('/api/auth/session');
    return signedIn ? redirect('/') : null;
  };

export function Component() {
  const { t } = useTranslation();
  const location = useLocation();
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut;
  return (
    <>
      <PageHeader title={t('auth.login.title')} description={t('auth.login.description')} />
      {signedOut && (
        <div className="mb-4">
          <Alert tone="info">{t('auth.login.signedOut')}</Alert>
        </div>
      )}
      <LoginForm />
    </>
  );
}
