import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { attemptStatuses, type AttemptStatus } from '../../../../contract/install-options';
import type { InstallAttempt } from '../../../../contract/installs';
import { can } from '../../../../contract/permissions';
import { useMe } from '../../../app/session/me';
import { loadTeamId } from '../../../app/session/team';
import { buttonClass } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { Select } from '../../../components/ui/field';
import { PageHeader } from '../../../components/ui/page-header';
import { cell, Table } from '../../../components/ui/table';
import { useActorName } from '../../../lib/actor-name';
import { useFormatters } from '../../../lib/format';
import { installsQueryOptions } from '../api/installs';
import { StatusBadge } from '../components/status-badge';

export const loader = (queryClient: QueryClient) => async () =>
  queryClient.ensureQueryData(installsQueryOptions(await loadTeamId(queryClient)));

const isOpen = (a: InstallAttempt) => a.status === 'in_progress' || a.status === 'stalled';

/** The newest checkpoint reached, which tells at a glance how far an install got. */
const currentCheckpoint = (a: InstallAttempt) => [...a.checkpoints].reverse().find((c) => c.at)?.name ?? 'started';

export function Component() {
  const { t } = useTranslation();
  const me = useMe();
  const { data } = useSuspenseQuery({ ...installsQueryOptions(me.team.id), refetchInterval: 15_000 });
  const [filter, setFilter] = useState<AttemptStatus | 'all'>('all');
  const { dateTime } = useFormatters();
  const actorName = useActorName();
  const open = data.attempts.filter(isOpen);
  const history = data.attempts.filter((a) => filter === 'all' || a.status === filter);

  return (
    <>
      <PageHeader title={t('install.title')} description={t('install.description')} />
      {can(me.team.role, 'installs.manage') && (
        <Link to="/install/new" className={`${buttonClass()} mb-6`}>
          {t('install.new')}
        </Link>
      )}
      {data.attempts.length === 0 ? (
        <EmptyState title={t('install.empty.title')}>{t('install.empty.body')}</EmptyState>
      ) : (
        <>
          <section aria-labelledby="in-progress-heading" className="mb-8">
            <h2 id="in-progress-heading" className="mb-3 text-lg font-semibold text-slate-900">
              {t('install.inProgress.title')}
            </h2>
            {open.length === 0 ? (
              <p className="text-sm text-slate-600">{t('install.inProgress.none')}</p>
            ) : (
              <ul className="grid gap-3 sm:grid-cols-2">
                {open.map((a) => (
                  <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-4">
                    <p className="flex items-center gap-2 font-semibold text-slate-900">
                      {a.name} <StatusBadge status={a.status} />
                    </p>
                    <p className="mt-1 text-sm text-slate-700">
                      {t('install.inProgress.summary', {
                        method: t(`install.methods.${a.method}.short`),
                        email: actorName(a.startedBy),
                        date: dateTime(a.startedAt),
                      })}
                    </p>
                    <p className="mt-1 text-sm text-slate-700">
                      {t('install.inProgress.checkpoint', {
                        checkpoint: t(`install.checkpoints.${currentCheckpoint(a)}`),
                      })}
                    </p>
                    <Link to={`/install/${a.id}`} className="mt-2 inline-block text-sm font-semibold underline">
                      {t('install.continue', { name: a.name })}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="history-heading">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
              <h2 id="history-heading" className="text-lg font-semibold text-slate-900">
                {t('install.history.title')}
              </h2>
              <Select
                inline
                label={t('install.history.filter')}
                value={filter}
                onChange={(e) => setFilter(e.target.value as AttemptStatus | 'all')}
              >
                <option value="all">{t('install.history.all')}</option>
                {attemptStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`install.status.${s}`)}
                  </option>
                ))}
              </Select>
            </div>
            <Table
              label={t('install.history.title')}
              headers={[
                t('install.history.name'),
                t('install.history.method'),
                t('install.history.status'),
                t('install.history.version'),
                t('install.history.started'),
              ]}
              footer={
                history.length === 0 && (
                  <p className="p-4 text-sm text-slate-600">{t('install.history.noneWithFilter')}</p>
                )
              }
            >
              {history.map((a) => (
                <tr key={a.id}>
                  <td className={cell}>
                    <Link to={`/install/${a.id}`} className="font-semibold underline">
                      {a.name}
                    </Link>
                  </td>
                  <td className={cell}>{t(`install.methods.${a.method}.short`)}</td>
                  <td className={cell}>
                    <StatusBadge status={a.status} />
                  </td>
                  <td className={cell}>{a.version}</td>
                  <td className={cell}>
                    {t('install.history.startedBy', { date: dateTime(a.startedAt), email: actorName(a.startedBy) })}
                  </td>
                </tr>
              ))}
            </Table>
          </section>
        </>
      )}
    </>
  );
}
