import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { isApiError } from '../../lib/api-client';
import { NotFound } from './not-found';

/** Each route's error boundary: says what went wrong in words, and offers a way on. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const revalidator = useRevalidator();

  if ((isRouteErrorResponse(error) && error.status === 404) || isApiError(error, 'not_found')) return <NotFound />;

  const unreachable = isApiError(error) && error.status === 0;
  return (
    <div className="mx-auto max-w-xl space-y-4 p-6">
      <h1 className="text-2xl font-bold text-slate-900">
        {unreachable ? t('errors.unreachable.title') : t('errors.unexpected.title')}
      </h1>
      <Alert>{unreachable ? t('errors.unreachable.body') : t('errors.unexpected.body')}</Alert>
      <Button busy={revalidator.state === 'loading'} onClick={() => void revalidator.revalidate()}>
        {t('errors.retry')}
      </Button>
    </div>
  );
}
