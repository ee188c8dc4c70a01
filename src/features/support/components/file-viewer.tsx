import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTeamId } from '../../../app/session/team';
import { Alert } from '../../../components/ui/alert';
import { DelayedSpinner } from '../../../components/ui/delayed-spinner';
import { bundleFileQueryOptions } from '../api/bundles';
import { formatBytes } from '../lib/format';

/**
 * One file of the bundle as text. A bundle comes from anywhere, so its content is only ever a
 * text node inside <pre> (React escapes it), never markup; binary files are not shown.
 */
export function FileViewer({ bundleId, path }: { bundleId: string; path: string }) {
  const { t, i18n } = useTranslation();
  const file = useQuery(bundleFileQueryOptions(useTeamId(), bundleId, path));
  return (
    <section aria-labelledby="file-heading" className="space-y-2">
      <h3 id="file-heading" className="break-all font-mono text-sm font-semibold text-slate-900">
        {path}
      </h3>
      {file.isPending && <DelayedSpinner />}
      {file.isError && <Alert>{file.error.message}</Alert>}
      {file.data && (
        <>
          <p className="text-sm text-slate-600">{formatBytes(file.data.size, i18n.language)}</p>
          {file.data.binary ? (
            <p className="text-sm text-slate-700">{t('support.files.binary')}</p>
          ) : (
            <>
              {file.data.truncated && <Alert tone="info">{t('support.files.truncated')}</Alert>}
              <pre
                tabIndex={0}
                aria-label={t('support.files.content', { path })}
                className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-900 p-3 text-xs text-slate-50"
              >
                {file.data.text ?? ''}
              </pre>
            </>
          )}
        </>
      )}
    </section>
  );
}
