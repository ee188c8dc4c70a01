import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useDiscardInstall } from '../api/installs';
import { forgetToken } from '../lib/token-store';

/** A native modal dialog: it traps focus, closes on Escape and returns focus by itself. */
export function DiscardButton({ attemptId, name }: { attemptId: string; name: string }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const discard = useDiscardInstall(attemptId);
  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()}>
        {t('install.discard.open')}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="discard-title"
        className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/50"
      >
        <h2 id="discard-title" className="text-lg font-semibold text-slate-900">
          {t('install.discard.title', { name })}
        </h2>
        <p className="mt-2 text-sm text-slate-700">{t('install.discard.body')}</p>
        {discard.isError && (
          <div className="mt-3">
            <Alert>{t('errors.generic')}</Alert>
          </div>
        )}
        <div className="mt-6 flex justify-end gap-3">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </Button>
          <Button
            busy={discard.isPending}
            variant="danger"
            onClick={() =>
              discard.mutate(undefined, {
                onSuccess: () => {
                  forgetToken(attemptId);
                  dialog.current?.close();
                },
              })
            }
          >
            {t('install.discard.confirm')}
          </Button>
        </div>
      </dialog>
    </>
  );
}
