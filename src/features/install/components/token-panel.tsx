import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useReplaceToken } from '../api/installs';

/** Reveal or hide the token in the commands; where this browser never had it, replace it. */
export function TokenPanel({
  attemptId,
  token,
  revealed,
  onToggle,
}: {
  attemptId: string;
  token: string | null;
  revealed: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const replace = useReplaceToken(attemptId);
  if (token) {
    return (
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>{revealed ? t('install.token.visible') : t('install.token.masked')}</span>
        <Button variant="secondary" aria-pressed={revealed} onClick={onToggle}>
          {revealed ? t('install.token.hide') : t('install.token.reveal')}
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <Alert tone="info">{t('install.token.missing')}</Alert>
      <Button variant="secondary" busy={replace.isPending} onClick={() => replace.mutate()}>
        {t('install.token.replace')}
      </Button>
      {replace.isError && <Alert>{t('errors.generic')}</Alert>}
    </div>
  );
}
