import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormatters } from '../../../lib/format';
import { instancesQueryOptions, useInstances } from '../api/instances';

export const loader = (queryClient: QueryClient) => () => queryClient.ensureQueryData(instancesQueryOptions());

const statusTone = {
  ready: 'success',
  updating: 'neutral',
  degraded: 'warning',
  unavailable: 'danger',
  missing: 'danger',
} as const;

export function Component() {
  const { t } = useTranslation();
  const { instances } = useInstances();
  const { dateTime } = useFormatters();
  return (
    <>
      <PageHeader title={t('instances.title')} description={t('instances.description')} />
      {instances.length === 0 ? (
        <EmptyState title={t('instances.empty.title')}>{t('instances.empty.body')}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">
                  {t('instances.table.name')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('instances.table.status')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('instances.table.version')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('instances.table.activity')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('instances.table.lastCheckIn')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {instances.map((instance) => (
                <tr key={instance.id}>
                  <td className="px-4 py-2 font-semibold">
                    {instance.name ?? t('instances.unnamed', { id: (instance.externalId ?? instance.id).slice(0, 7) })}
                  </td>
                  <td className="px-4 py-2">
                    {instance.status ? (
                      <Badge tone={statusTone[instance.status]}>{t(`instances.status.${instance.status}`)}</Badge>
                    ) : (
                      t('instances.unknown')
                    )}
                  </td>
                  <td className="px-4 py-2">{instance.versionLabel ?? t('instances.unknown')}</td>
                  <td className="px-4 py-2">{instance.active ? t('instances.active') : t('instances.inactive')}</td>
                  <td className="px-4 py-2">
                    {instance.lastCheckInAt ? dateTime(instance.lastCheckInAt) : t('instances.never')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
