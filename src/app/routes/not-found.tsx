import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.notFound.title')} description={t('errors.notFound.body')} />
      <Link to="/" className="font-semibold underline">
        {t('errors.backToDashboard')}
      </Link>
    </>
  );
}
