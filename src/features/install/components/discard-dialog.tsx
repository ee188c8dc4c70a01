import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { useDiscardInstall } from '../api/installs';
import { forgetToken } from '../lib/token-store';

/** Discarding an installation revokes its token, so it is confirmed first. */
export function DiscardButton({ attemptId, name }: { attemptId: string; name: string }) {
  const { t } = useTranslation();
  const discard = useDiscardInstall(attemptId);
  return (
    <ConfirmButton
      label={t('install.discard.open')}
      title={t('install.discard.title', { name })}
      body={t('install.discard.body')}
      confirmLabel={t('install.discard.confirm')}
      busy={discard.isPending}
      failed={discard.isError}
      onConfirm={(close) =>
        discard.mutate(undefined, {
          onSuccess: () => {
            forgetToken(attemptId);
            close();
          },
        })
      }
    />
  );
}
