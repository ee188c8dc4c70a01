import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { loadTeamId } from '../../../app/session/team';
import { releasesQueryOptions, useReleases } from '../../../app/team/releases';
import { Badge } from '../../../components/ui/badge';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormatters } from '../../../lib/format';
import { ReleaseNotes } from '../components/release-notes';

export const loader = (queryClient: QueryClient) => async () =>
  queryClient.ensureQueryData(releasesQueryOptions(await loadTeamId(queryClient)));

export function Component() {
  const { t } = useTranslation();
  const { channel, releases } = useReleases();
  const { date } = useFormatters();
  return (
    <>
      <PageHeader title={t('releases.title')} description={t('releases.description', { channel: channel.name })} />
      {releases.length === 0 ? (
        <EmptyState title={t('releases.empty.title')}>{t('releases.empty.body', { channel: channel.name })}</EmptyState>
      ) : (
        <ol className="space-y-4">
          {releases.map((release) => (
            <li key={release.sequence}>
              <article
                className="rounded-lg border border-slate-200 bg-white p-5"
                aria-labelledby={`release-${release.sequence}`}
              >
                <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <h2 id={`release-${release.sequence}`} className="text-lg font-semibold text-slate-900">
                    {t('releases.version', { version: release.version })}
                  </h2>
                  {release.required && <Badge tone="warning">{t('releases.required')}</Badge>}
                  <span className="text-sm text-slate-600">
                    {t('releases.meta', { sequence: release.sequence, date: date(release.releasedAt) })}
                  </span>
                </header>
                {release.notes ? (
                  <div className="mt-3">
                    <ReleaseNotes markdown={release.notes} />
                  </div>
                ) : (
                  <p className="mt-3 text-sm text-slate-600">{t('releases.noNotes')}</p>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
