import { useTranslation } from 'react-i18next';
import type { ServiceAccount } from '../../../../contract/service-accounts';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { isApiError } from '../../../lib/api-client';
import { useRevokeServiceAccount, useRotateServiceAccount } from '../api/service-accounts';
import type { ShownToken } from './new-token';

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

/** Rotating stops the current token at once, wherever automation uses it, so it is confirmed too. */
export function RotateButton({
  account,
  onRotated,
}: {
  account: ServiceAccount;
  onRotated: (shown: ShownToken) => void;
}) {
  const { t } = useTranslation();
  const rotate = useRotateServiceAccount(account.id);
  return (
    <ConfirmButton
      label={
        <>
          {t('team.serviceAccounts.rotate.open')} <span className="sr-only">{account.name}</span>
        </>
      }
      title={t('team.serviceAccounts.rotate.title', { name: account.name })}
      body={t('team.serviceAccounts.rotate.body')}
      confirmLabel={t('team.serviceAccounts.rotate.confirm')}
      busy={rotate.isPending}
      failed={rotate.isError}
      failureMessage={isApiError(rotate.error, 'conflict') ? t('team.serviceAccounts.rotate.conflict') : undefined}
      onConfirm={(close) =>
        rotate.mutate(undefined, {
          onSuccess: ({ token }) => {
            close();
            onRotated({ name: account.name, token, rotated: true });
          },
        })
      }
    />
  );
}
