import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeamId } from '../../../app/session/team';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Select } from '../../../components/ui/field';
import { useBundleUploaded } from '../api/bundles';
import { instanceChoicesQueryOptions } from '../api/instance-choices';
import { formatBytes } from '../lib/format';
import type { UploadError } from '../lib/upload';
import { useBundleUpload } from '../lib/use-bundle-upload';
import { DropZone } from './drop-zone';
import { UploadProgress } from './upload-progress';

/** Upload a bundle: drop or pick it, optionally name its instance, watch it go; it resumes after a break. */
export function UploadPanel() {
  const { t, i18n } = useTranslation();
  const choices = useQuery(instanceChoicesQueryOptions(useTeamId()));
  const [instanceId, setInstanceId] = useState('');
  const uploaded = useBundleUploaded();
  const { state, unfinished, pick, start, retry, cancel, reset, discard } = useBundleUpload(uploaded);
  const { phase, file, previous, progress, error } = state;
  // A refusal (4xx) ends the upload; a network failure or a 5xx leaves it resumable.
  const retryable = error !== null && (error.status === 0 || error.status >= 500 || error.status === 409);
  const busy = phase === 'uploading' || (phase === 'stopped' && retryable);

  return (
    <section aria-labelledby="upload-heading" className="mb-8 space-y-4">
      <h2 id="upload-heading" className="text-lg font-semibold text-slate-900">
        {t('support.upload.title')}
      </h2>
      {!busy &&
        !file &&
        unfinished.map((u) => (
          <Alert key={u.urlStorageKey} tone="info">
            <span>{t('support.upload.unfinished', { name: u.metadata.filename ?? '?' })}</span>{' '}
            <Button variant="secondary" className="ml-2 px-2 py-1 text-xs" onClick={() => void discard(u)}>
              {t('support.upload.discard')}{' '}
              <span className="sr-only">{t('support.upload.discardTarget', { name: u.metadata.filename ?? '?' })}</span>
            </Button>
          </Alert>
        ))}
      {!busy && <DropZone onFile={(f) => void pick(f)} />}
      <Select
        label={t('support.upload.instance')}
        hint={t('support.upload.instanceHint')}
        value={instanceId}
        disabled={busy || choices.isPending}
        onChange={(event) => setInstanceId(event.target.value)}
      >
        <option value="">{choices.isPending ? t('common.loading') : t('support.upload.noInstance')}</option>
        {choices.data?.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      {choices.isError && <p className="text-sm text-red-800">{t('support.upload.instancesError')}</p>}
      {phase === 'picked' && file && (
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-900">
            {t('support.upload.picked', { name: file.name, size: formatBytes(file.size, i18n.language) })}
          </p>
          {previous && <p className="text-sm text-slate-700">{t('support.upload.resumable')}</p>}
          <div className="flex flex-wrap gap-2">
            {previous ? (
              <>
                <Button onClick={() => start(instanceId || null, true)}>
                  {t('support.upload.resume', { name: file.name })}
                </Button>
                <Button variant="secondary" onClick={() => start(instanceId || null, false)}>
                  {t('support.upload.startOver')}
                </Button>
              </>
            ) : (
              <Button onClick={() => start(instanceId || null, false)}>
                {t('support.upload.start', { name: file.name })}
              </Button>
            )}
            <Button variant="ghost" onClick={reset}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      )}
      {busy && file && progress && (
        <UploadProgress
          filename={file.name}
          progress={progress}
          reconnecting={state.reconnecting}
          onCancel={() => void cancel()}
        />
      )}
      {phase === 'stopped' && error && (
        <div className="space-y-2">
          <Alert>{uploadErrorText(t, error, i18n.language)}</Alert>
          {retryable && <Button onClick={retry}>{t('support.upload.retry')}</Button>}
        </div>
      )}
      {phase === 'done' && file && (
        <div className="flex flex-wrap items-center gap-2">
          <Alert tone="success">{t('support.upload.done', { name: file.name })}</Alert>
          <Button variant="secondary" onClick={reset}>
            {t('support.upload.another')}
          </Button>
        </div>
      )}
    </section>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/** The server's own sentence where it gave one; the too-large one in the reader's language with the limit. */
function uploadErrorText(t: T, error: UploadError, lang: string): string {
  if (error.status === 413 && error.limitBytes !== undefined) {
    return t('support.upload.errors.tooLarge', { limit: formatBytes(error.limitBytes, lang) });
  }
  if (error.message) return error.message;
  return error.status === 0 ? t('support.upload.errors.network') : t('support.upload.errors.generic');
}
