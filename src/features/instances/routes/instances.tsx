import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { loadTeamId } from '../../../app/session/team';
import { Badge } from '../../../components/ui/badge';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { cell, Table } from '../../../components/ui/table';
import { useFormatters } from '../../../lib/format';
import { instancesQueryOptions, useInstances } from '../api/instances';
import { AirgapInstanceActions, CreateAirgapRecordLink } from '../components/airgap-actions';

export const loader = (queryClient: QueryClient) => async () =>
  queryClient.ensureQueryData(instancesQueryOptions(await loadTeamId(queryClient)));

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
      <CreateAirgapRecordLink className="mb-6" />
      {instances.length === 0 ? (
        <EmptyState title={t('instances.empty.title')}>{t('instances.empty.body')}</EmptyState>
      ) : (
        <Table
          headers={[
            t('instances.table.name'),
            t('instances.table.status'),
            t('instances.table.version'),
            t('instances.table.activity'),
            t('instances.table.lastCheckIn'),
          ]}
        >
          {instances.map((instance) => (
            <tr key={instance.id}>
              <td className={`${cell} font-semibold`}>
                {instance.name ?? t('instances.unnamed', { id: (instance.externalId ?? instance.id).slice(0, 7) })}
                {instance.airgap && <AirgapInstanceActions instanceId={instance.id} />}
              </td>
              <td className={cell}>
                {instance.status ? (
                  <Badge tone={statusTone[instance.status]}>{t(`instances.status.${instance.status}`)}</Badge>
                ) : (
                  t('instances.unknown')
                )}
              </td>
              <td className={cell}>{instance.versionLabel ?? t('instances.unknown')}</td>
              <td className={cell}>{instance.active ? t('instances.active') : t('instances.inactive')}</td>
              <td className={cell}>
                {instance.lastCheckInAt ? dateTime(instance.lastCheckInAt) : t('instances.never')}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
