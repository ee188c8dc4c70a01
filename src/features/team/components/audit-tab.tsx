import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AuditEvent } from '../../../../contract/audit';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { DelayedSpinner } from '../../../components/ui/delayed-spinner';
import { EmptyState } from '../../../components/ui/empty-state';
import { cell, Table } from '../../../components/ui/table';
import { useFormatters } from '../../../lib/format';
import { useAuditPages } from '../api/audit';
import { auditFiltersFrom, auditTabSearch, isAuditFiltered } from '../lib/audit-filters';
import { useAuditText } from '../lib/audit-text';
import { AuditFilterBar } from './audit-filters';

/** The team's audit log (issue 10): who did what, when and from where; newest first. */
export function AuditTab() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const filters = auditFiltersFrom(params);
  const query = useAuditPages(filters);
  // Filtered on one actor, the entries name them: the filter can too, if the list leaves them out.
  const filteredActor = filters.actor ? query.data?.pages[0]?.events[0]?.actor : undefined;
  return (
    <>
      <AuditFilterBar filters={filters} filteredActor={filteredActor} />
      {query.isPending ? (
        <DelayedSpinner />
      ) : query.isError && !query.data ? (
        <Alert>
          {t('audit.loadFailed', { message: query.error.message })}{' '}
          <Button variant="secondary" onClick={() => void query.refetch()}>
            {t('audit.retry')}
          </Button>
        </Alert>
      ) : (
        <AuditList
          events={query.data!.pages.flatMap((page) => page.events)}
          filtered={isAuditFiltered(filters)}
          more={query.hasNextPage}
          loadingMore={query.isFetchingNextPage}
          moreFailed={query.isFetchNextPageError ? (query.error?.message ?? '') : null}
          loadMore={() => void query.fetchNextPage()}
        />
      )}
    </>
  );
}

type ListProps = {
  events: AuditEvent[];
  filtered: boolean;
  more: boolean;
  loadingMore: boolean;
  moreFailed: string | null;
  loadMore: () => void;
};

function AuditList({ events, filtered, more, loadingMore, moreFailed, loadMore }: ListProps) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const { sentence } = useAuditText();
  if (events.length === 0) {
    return filtered ? (
      <EmptyState title={t('audit.empty.filtered.title')}>
        <p>{t('audit.empty.filtered.body')}</p>
        <Link to={{ search: auditTabSearch({}) }} className="underline">
          {t('audit.filters.clear')}
        </Link>
      </EmptyState>
    ) : (
      <EmptyState title={t('audit.empty.none.title')}>{t('audit.empty.none.body')}</EmptyState>
    );
  }
  return (
    <>
      <Table
        label={t('audit.title')}
        headers={[t('audit.columns.when'), t('audit.columns.who'), t('audit.columns.what'), t('audit.columns.from')]}
      >
        {events.map((event) => (
          <tr key={event.id}>
            <td className={`${cell} whitespace-nowrap`}>
              <time dateTime={event.at}>{dateTime(event.at)}</time>
            </td>
            <td className={`${cell} break-all`}>
              <Actor event={event} />
            </td>
            <td className={cell}>{sentence(event)}</td>
            <td className={`${cell} break-all`}>{event.clientAddress ?? t('audit.unknownAddress')}</td>
          </tr>
        ))}
      </Table>
      <div className="mt-4 flex flex-col items-start gap-2">
        {moreFailed !== null && (
          <Alert>
            {t('audit.loadFailed', { message: moreFailed })}{' '}
            <Button variant="secondary" onClick={loadMore}>
              {t('audit.retry')}
            </Button>
          </Alert>
        )}
        {more && moreFailed === null && (
          <Button variant="secondary" busy={loadingMore} onClick={loadMore}>
            {loadingMore ? t('audit.loadingMore') : t('audit.loadMore')}
          </Button>
        )}
      </div>
    </>
  );
}

/** A person by their email; a machine by its name and what it is. */
function Actor({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const { kind, label } = event.actor;
  if (kind === 'user') return <>{label}</>;
  if (kind === 'license') return <>{t('audit.actor.license')}</>;
  return (
    <>
      {label}
      <span className="block text-xs text-slate-600">
        {kind === 'service_account' ? t('audit.actor.serviceAccount') : t('audit.actor.vendor')}
      </span>
    </>
  );
}
