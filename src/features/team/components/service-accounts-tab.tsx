import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';

/** The team's service accounts. */
export function ServiceAccountsTab() {
  const { t } = useTranslation();
  return <EmptyState title={t('team.serviceAccounts.empty.title')}>{t('team.serviceAccounts.empty.body')}</EmptyState>;
}
