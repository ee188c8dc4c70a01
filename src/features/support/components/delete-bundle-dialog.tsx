import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportBundleSummary } from '../../../../contract/support-bundles';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useDeleteBundle } from '../api/bundles';

/**
 * Confirms deleting a bundle in a native modal dialog (it traps focus, closes on Escape and
 * gives focus back by itself). Open while `bundle` is set.
 */
export function DeleteBundleDialog({
  bundle,
  onClose,
  onDeleted,
}: {
  bundle: SupportBundleSummary | null;
  onClose: () => void;
  onDeleted?: (bundle: SupportBundleSummary) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const remove = useDeleteBundle();

  useEffect(() => {
    const element = dialog.current;
    if (bundle && !element?.open) element?.showModal();
    if (!bundle && element?.open) element.close();
  }, [bundle]);

  const close = () => {
    remove.reset();
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={close}
      className="m-auto w-full max-w-lg rounded-lg p-6 shadow-xl backdrop:bg-slate-900/50"
    >
      {bundle && (
        <div className="space-y-4">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {t('support.delete.title', { name: bundle.filename })}
          </h2>
          <p className="text-sm text-slate-700">{t('support.delete.body')}</p>
          {remove.error && <Alert>{remove.error.message}</Alert>}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              variant="danger"
              busy={remove.isPending}
              onClick={() =>
                remove.mutate(bundle.id, {
                  onSuccess: () => {
                    onDeleted?.(bundle);
                    close();
                  },
                })
              }
            >
              {t('support.delete.confirm')}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
