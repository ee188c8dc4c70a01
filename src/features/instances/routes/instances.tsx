import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';

export function Component() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('instances.title')} description={t('instances.description')} />
      <EmptyState title={t('instances.empty.title')}>{t('instances.empty.body')}</EmptyState>
    </>
  );
}
