import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';

export function Component() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('install.title')} description={t('install.description')} />
      <EmptyState title={t('install.empty.title')}>{t('install.empty.body')}</EmptyState>
    </>
  );
}
