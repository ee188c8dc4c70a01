import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './alert';
import { Button } from './button';

/**
 * A button that asks first, in a native modal dialog (it traps focus, closes on Escape and gives
 * focus back by itself), for actions that cannot be undone. `onConfirm` gets `close` to call
 * once the action has succeeded; a failure shows in the dialog, in `failureMessage`'s words when
 * the caller knows better than "something went wrong".
 */
export function ConfirmButton({
  label,
  title,
  body,
  confirmLabel,
  busy,
  failed,
  failureMessage,
  onConfirm,
}: {
  label: ReactNode;
  title: string;
  body: string;
  confirmLabel: string;
  busy: boolean;
  failed: boolean;
  failureMessage?: string;
  onConfirm: (close: () => void) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const close = () => dialog.current?.close();
  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()}>
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/50"
      >
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <p className="mt-2 text-sm text-slate-700">{body}</p>
        {failed && (
          <div className="mt-3">
            <Alert>{failureMessage ?? t('errors.generic')}</Alert>
          </div>
        )}
        <div className="mt-6 flex justify-end gap-3">
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button busy={busy} variant="danger" onClick={() => onConfirm(close)}>
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
