import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, type LoaderFunctionArgs } from 'react-router';
import { loadTeamId, useTeamId } from '../../../app/session/team';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { useActorName } from '../../../lib/actor-name';
import { useFormatters } from '../../../lib/format';
import { bundleQueryOptions, downloadUrl } from '../api/bundles';
import { BundleFacts } from '../components/bundle-facts';
import { AnalysisSummary, BundleStatus, rejectionText } from '../components/bundle-status';
import { DeleteBundleDialog } from '../components/delete-bundle-dialog';
import { FileList } from '../components/file-list';
import { FileViewer } from '../components/file-viewer';
import { formatBytes } from '../lib/format';

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) =>
    queryClient.ensureQueryData(bundleQueryOptions(await loadTeamId(queryClient), params.bundleId!));

/** One bundle: what it says about the cluster, its analyzers, and its files, readable in place. */
export function Component() {
  const { t, i18n } = useTranslation();
  const id = useParams().bundleId!;
  const { data: bundle } = useSuspenseQuery(bundleQueryOptions(useTeamId(), id));
  const { dateTime } = useFormatters();
  const actorName = useActorName();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const { facts, files } = bundle;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/support" className="underline">
          {t('support.bundle.back')}
        </Link>
      </p>
      <PageHeader
        title={bundle.filename}
        description={t('support.bundle.description', {
          size: formatBytes(bundle.size, i18n.language),
          name: actorName(bundle.uploadedBy),
          at: dateTime(bundle.uploadedAt),
        })}
      />
      <div className="mb-6 flex flex-wrap items-center gap-4 text-sm">
        <BundleStatus bundle={{ status: bundle.status, rejection: null }} />
        <span>{bundle.instance?.name ?? t('support.history.noInstance')}</span>
        <AnalysisSummary analysis={bundle.analysis} />
        {bundle.status !== 'rejected' && (
          <a href={downloadUrl(bundle.id)} download className="font-semibold underline">
            {t('support.history.download')}
          </a>
        )}
        {bundle.canDelete && (
          <Button variant="secondary" onClick={() => setDeleting(true)}>
            {t('support.history.delete')}
          </Button>
        )}
      </div>
      {bundle.rejection && (
        <div className="mb-6">
          <Alert>{t('support.bundle.rejected', { reason: rejectionText(t, bundle.rejection) })}</Alert>
        </div>
      )}
      {bundle.status === 'inspecting' && (
        <p role="status" className="mb-6 text-sm text-slate-700">
          {t('support.bundle.inspecting')}
        </p>
      )}
      {facts && <BundleFacts facts={facts} />}
      {bundle.status === 'ready' && (
        <section aria-labelledby="files-heading" className="mb-8">
          <h2 id="files-heading" className="mb-3 text-lg font-semibold text-slate-900">
            {t('support.files.title')}
          </h2>
          <div className="grid gap-4 lg:grid-cols-2">
            <FileList files={files} selected={selected} onSelect={setSelected} />
            {selected ? (
              <FileViewer bundleId={bundle.id} path={selected} />
            ) : (
              <p className="text-sm text-slate-600">{t('support.files.pick')}</p>
            )}
          </div>
        </section>
      )}
      <DeleteBundleDialog
        bundle={deleting ? bundle : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => void navigate('/support')}
      />
    </>
  );
}
