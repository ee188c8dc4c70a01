import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../contract/permissions';
import { useMe } from '../../../app/session/me';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { DelayedSpinner } from '../../../components/ui/delayed-spinner';
import { EmptyState } from '../../../components/ui/empty-state';
import { useServiceAccounts } from '../api/service-accounts';
import { CreateServiceAccountForm } from './create-service-account-form';
import { NewToken, type ShownToken } from './new-token';
import { ServiceAccountTable } from './service-account-table';

/**
 * The team's service accounts (issue 10): everyone sees the list; admins create, rotate and
 * revoke, and see a new token once, here, until they dismiss it.
 */
export function ServiceAccountsTab() {
  const { t } = useTranslation();
  const me = useMe();
  const mayManage = can(me.team.role, 'service-accounts.manage');
  const accounts = useServiceAccounts();
  const [shown, setShown] = useState<ShownToken | null>(null);
  return (
    <div className="space-y-6">
      {shown && <NewToken {...shown} onDone={() => setShown(null)} />}
      {mayManage && !shown && <CreateServiceAccountForm onCreated={setShown} />}
      {accounts.isPending ? (
        <DelayedSpinner />
      ) : accounts.isError ? (
        <div className="space-y-3">
          <Alert>{t('team.serviceAccounts.loadFailed')}</Alert>
          <Button variant="secondary" busy={accounts.isFetching} onClick={() => void accounts.refetch()}>
            {t('team.serviceAccounts.retry')}
          </Button>
        </div>
      ) : accounts.data.serviceAccounts.length === 0 ? (
        <EmptyState title={t('team.serviceAccounts.empty.title')}>{t('team.serviceAccounts.empty.body')}</EmptyState>
      ) : (
        <ServiceAccountTable accounts={accounts.data.serviceAccounts} mayManage={mayManage} onRotated={setShown} />
      )}
    </div>
  );
}
