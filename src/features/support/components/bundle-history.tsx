import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SupportBundleSummary } from '../../../../contract/support-bundles';
import { useTeamId } from '../../../app/session/team';
import { instancesKey } from '../../../app/team/instances';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { cell, Table } from '../../../components/ui/table';
import { useActorName } from '../../../lib/actor-name';
import { useFormatters } from '../../../lib/format';
import { bundlesQueryOptions, downloadUrl } from '../api/bundles';
import { formatBytes } from '../lib/format';
import { AnalysisSummary, BundleStatus } from './bundle-status';
import { DeleteBundleDialog } from './delete-bundle-dialog';

/** The team's bundles, newest first; it polls while any is being inspected. */
export function BundleHistory() {
  const { t, i18n } = useTranslation();
  const teamId = useTeamId();
  const { data } = useSuspenseQuery(bundlesQueryOptions(teamId));
  useInstancesRefreshedAfterInspection(data.bundles, teamId);
  const { dateTime } = useFormatters();
  const actorName = useActorName();
  const [deleting, setDeleting] = useState<SupportBundleSummary | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const headers = ['bundle', 'instance', 'collected', 'uploadedBy', 'size', 'status', 'analysis', 'actions'].map((h) =>
    t(`support.history.columns.${h}`),
  );

  return (
    <section aria-labelledby="history-heading" className="mb-8">
      <h2 id="history-heading" className="mb-3 text-lg font-semibold text-slate-900">
        {t('support.history.title')}
      </h2>
      <p role="status" className="mb-2 text-sm text-slate-700">
        {announcement}
      </p>
      {data.bundles.length === 0 ? (
        <EmptyState title={t('support.empty.title')}>{t('support.empty.body')}</EmptyState>
      ) : (
        <Table label={t('support.history.title')} headers={headers}>
          {data.bundles.map((b) => (
            <tr key={b.id}>
              <td className={cell}>
                <Link to={`/support/bundles/${encodeURIComponent(b.id)}`} className="font-semibold underline">
                  {b.filename}
                </Link>
              </td>
              <td className={cell}>{b.instance?.name ?? t('support.history.noInstance')}</td>
              <td className={cell}>{b.collectedAt ? dateTime(b.collectedAt) : t('support.history.unknown')}</td>
              <td className={cell}>
                {actorName(b.uploadedBy)}
                <span className="block text-xs text-slate-600">{dateTime(b.uploadedAt)}</span>
              </td>
              <td className={`${cell} whitespace-nowrap`}>{formatBytes(b.size, i18n.language)}</td>
              <td className={cell}>
                <BundleStatus bundle={b} />
              </td>
              <td className={cell}>
                <AnalysisSummary analysis={b.analysis} />
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                <div className="flex gap-2">
                  {b.status !== 'rejected' && (
                    <a href={downloadUrl(b.id)} download className="font-semibold underline">
                      {t('support.history.download')} <span className="sr-only">{b.filename}</span>
                    </a>
                  )}
                  {b.canDelete && (
                    <Button variant="ghost" className="px-2 py-0 text-red-800" onClick={() => setDeleting(b)}>
                      {t('support.history.delete')} <span className="sr-only">{b.filename}</span>
                    </Button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <DeleteBundleDialog
        bundle={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(b) => setAnnouncement(t('support.delete.done', { name: b.filename }))}
      />
    </section>
  );
}

/**
 * An inspected bundle may have created or updated an air-gap instance from its SDK reports
 * (server/support-bundles/apply-facts.ts): once one finishes, the team's instance lists are stale.
 */
function useInstancesRefreshedAfterInspection(bundles: SupportBundleSummary[], teamId: string) {
  const queryClient = useQueryClient();
  const inspecting = bundles.filter((b) => b.status === 'inspecting').length;
  const before = useRef(inspecting);
  useEffect(() => {
    if (inspecting < before.current) void queryClient.invalidateQueries({ queryKey: instancesKey(teamId) });
    before.current = inspecting;
  }, [inspecting, queryClient, teamId]);
}
