import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useReplaceToken } from '../api/installs';
import type { Credential } from '../lib/credential-store';

/**
 * Reveal or hide the chosen credential in the commands; where this browser never had the token,
 * replace it (the license ID needs no such step: the portal always knows it).
 */
export function TokenPanel({
  attemptId,
  credential,
  secret,
  revealed,
  onToggle,
}: {
  attemptId: string;
  credential: Credential;
  secret: string | null;
  revealed: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const replace = useReplaceToken(attemptId);
  if (secret) {
    const text =
      credential === 'license'
        ? {
            status: revealed ? t('install.licenseId.visible') : t('install.licenseId.masked'),
            action: revealed ? t('install.licenseId.hide') : t('install.licenseId.reveal'),
          }
        : {
            status: revealed ? t('install.token.visible') : t('install.token.masked'),
            action: revealed ? t('install.token.hide') : t('install.token.reveal'),
          };
    return (
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>{text.status}</span>
        <Button variant="secondary" aria-pressed={revealed} onClick={onToggle}>
          {text.action}
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
