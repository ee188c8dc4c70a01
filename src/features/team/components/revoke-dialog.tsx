import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceAccount } from '../../../../contract/service-accounts';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useRevokeServiceAccount } from '../api/service-accounts';

/** Revoking is immediate and permanent, so it is confirmed in a native modal dialog first. */
export function RevokeButton({ account }: { account: ServiceAccount }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const revoke = useRevokeServiceAccount(account.id);
  const titleId = `revoke-${account.id}-title`;
  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()}>
        {t('team.serviceAccounts.revoke.open')} <span className="sr-only">{account.name}</span>
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/50"
      >
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {t('team.serviceAccounts.revoke.title', { name: account.name })}
        </h2>
        <p className="mt-2 text-sm text-slate-700">{t('team.serviceAccounts.revoke.body')}</p>
        {revoke.isError && (
          <div className="mt-3">
            <Alert>{t('errors.generic')}</Alert>
          </div>
        )}
        <div className="mt-6 flex justify-end gap-3">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </Button>
          <Button
            busy={revoke.isPending}
            variant="danger"
            onClick={() => revoke.mutate(undefined, { onSuccess: () => dialog.current?.close() })}
          >
            {t('team.serviceAccounts.revoke.confirm')}
          </Button>
        </div>
      </dialog>
    </>
  );
}
