import { useTranslation } from 'react-i18next';
import type { ServiceAccount } from '../../../../contract/service-accounts';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { useRevokeServiceAccount } from '../api/service-accounts';

/** Revoking is immediate and permanent, so it is confirmed first. */
export function RevokeButton({ account }: { account: ServiceAccount }) {
  const { t } = useTranslation();
  const revoke = useRevokeServiceAccount(account.id);
  return (
    <ConfirmButton
      label={
        <>
          {t('team.serviceAccounts.revoke.open')} <span className="sr-only">{account.name}</span>
        </>
      }
      title={t('team.serviceAccounts.revoke.title', { name: account.name })}
      body={t('team.serviceAccounts.revoke.body')}
      confirmLabel={t('team.serviceAccounts.revoke.confirm')}
      busy={revoke.isPending}
      failed={revoke.isError}
      onConfirm={(close) => revoke.mutate(undefined, { onSuccess: close })}
    />
  );
}
