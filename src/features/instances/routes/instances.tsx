import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { versionsBehind } from '../../../../contract/upgrades';
import { useTeamId } from '../../../app/session/team';
import { releasesQueryOptions } from '../../../app/team/releases';
import { Alert } from '../../../components/ui/alert';
import { Button, buttonClass } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormatters } from '../../../lib/format';
import { exportUrl, useInstancePages } from '../api/instances';
import { InstanceFilterBar } from '../components/instance-filters';
import { AirgapRecordsPanel, CreateAirgapRecordLink } from '../components/airgap-actions';
import { InstanceRow, ROW_HEIGHT, rowColumns } from '../components/instance-row';
import { InstanceTabs } from '../components/instance-tabs';
import { WindowedList } from '../components/windowed-list';
import { filtersFrom, isFiltered, searchOf } from '../lib/filters';

export function Component() {
  const { t } = useTranslation();
  const { number, dateTime, date } = useFormatters();
  // Not waited for: until the channel's releases arrive, rows show no "versions behind".
  const channel = useQuery(releasesQueryOptions(useTeamId())).data?.releases;
  const [params] = useSearchParams();
  const filters = filtersFrom(params);
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, error, fetchNextPage } =
    useInstancePages(filters);
  const instances = data.pages.flatMap((page) => page.instances);
  const counts = data.pages[0]!.counts;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);
  const empty = isFiltered(filters) ? 'filtered' : filters.tab;

  return (
    <>
      <PageHeader title={t('instances.title')} description={t('instances.description')} />
      <CreateAirgapRecordLink className="mb-6" />
      <InstanceTabs filters={filters} counts={counts} />
      <InstanceFilterBar filters={filters} />
      {filters.tab === 'airgap' && <AirgapRecordsPanel />}
      {instances.length === 0 ? (
        <EmptyState title={t(`instanceList.empty.${empty}.title`)}>
          <p>{t(`instanceList.empty.${empty}.body`)}</p>
          {empty === 'filtered' && (
            <Link to={{ search: searchOf({ tab: filters.tab, sort: filters.sort }) }} className="underline">
              {t('instanceList.filters.clear')}
            </Link>
          )}
        </EmptyState>
      ) : (
        <>
          <div className="mb-2 flex items-center justify-between gap-4">
            <p className="text-sm text-slate-700" role="status">
              {t('instanceList.list.showing', { count: instances.length, formatted: number(instances.length) })}
            </p>
            <a href={exportUrl(filters)} download className={buttonClass('secondary')}>
              {t('instanceList.download')}
            </a>
          </div>
          <div aria-hidden="true" className={`${rowColumns} px-4 pb-1 text-xs font-semibold text-slate-700`}>
            <span>{t('instanceList.list.name')}</span>
            <span>{t('instanceList.list.status')}</span>
            <span>{t('instanceList.list.version')}</span>
            <span>
              {filters.tab === 'inactive' ? t('instanceList.list.lastSeen') : t('instanceList.list.lastCheckIn')}
            </span>
          </div>
          <WindowedList
            items={instances}
            rowHeight={ROW_HEIGHT}
            label={t('instanceList.list.label')}
            complete={!hasNextPage}
            onNearEnd={loadMore}
            rowKey={(instance) => instance.id}
            renderRow={(instance) => (
              <InstanceRow
                instance={instance}
                behind={channel ? versionsBehind(channel, instance.versionLabel) : null}
                lastSeen={filters.tab === 'inactive'}
                dateTime={dateTime}
                date={date}
              />
            )}
          />
          <div className="mt-4 flex flex-col items-start gap-2">
            {isFetchNextPageError && (
              <Alert>
                {t('instanceList.list.loadFailed', { message: error?.message ?? '' })}{' '}
                <Button variant="secondary" onClick={() => void fetchNextPage()}>
                  {t('instanceList.list.retry')}
                </Button>
              </Alert>
            )}
            {hasNextPage && !isFetchNextPageError && (
              <Button variant="secondary" busy={isFetchingNextPage} onClick={() => void fetchNextPage()}>
                {isFetchingNextPage ? t('instanceList.list.loading') : t('instanceList.list.loadMore')}
              </Button>
            )}
          </div>
        </>
      )}
    </>
  );
}
