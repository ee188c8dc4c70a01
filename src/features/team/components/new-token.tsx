import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';

export type ShownToken = { name: string; token: string; rotated: boolean };

/**
 * A token just created or rotated: the only time the portal can show it, since it keeps only its
 * hash. Focus moves here so a keyboard or screen-reader user lands on it.
 */
export function NewToken({ name, token, rotated, onDone }: ShownToken & { onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [token]);
  return (
    <section aria-labelledby="new-token-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h3 id="new-token-title" ref={heading} tabIndex={-1} className="text-base font-semibold text-slate-900">
        {rotated
          ? t('team.serviceAccounts.token.rotatedTitle', { name })
          : t('team.serviceAccounts.token.title', { name })}
      </h3>
      <Alert tone="info">{t('team.serviceAccounts.token.once')}</Alert>
      <div className="flex flex-wrap items-center gap-3">
        <code aria-label={t('team.serviceAccounts.token.label')} className="rounded bg-slate-100 px-2 py-1 break-all">
          {token}
        </code>
        <CopyButton text={token} target={t('team.serviceAccounts.token.copyTarget')} />
      </div>
      <Button variant="secondary" onClick={onDone}>
        {t('team.serviceAccounts.token.done')}
      </Button>
    </section>
  );
}
