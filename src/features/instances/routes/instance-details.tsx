import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { loadTeamId } from '../../../app/session/team';
import { licenseQueryOptions } from '../../../app/team/license';
import { releasesQueryOptions, useReleases } from '../../../app/team/releases';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormatters } from '../../../lib/format';
import { instanceDetailsQueryOptions, useInstanceDetails } from '../api/instance-details';
import { AirgapInstanceActions } from '../components/airgap-actions';
import { CustomMetrics } from '../components/custom-metrics';
import { FieldChanges } from '../components/field-changes';
import { StatusTimeline } from '../components/status-timeline';
import { statusTone } from '../components/status-tone';
import { UptimeGraph } from '../components/uptime-graph';
import { useDurationFormat } from '../lib/durations';
import { UpgradePanel } from '../upgrades/components/upgrade-panel';

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const teamId = await loadTeamId(queryClient);
    // The upgrade panel reads the releases and, when opened, the license: warm both.
    void queryClient.prefetchQuery(licenseQueryOptions(teamId));
    await Promise.all([
      queryClient.ensureQueryData(instanceDetailsQueryOptions(teamId, params.instanceId!)),
      queryClient.ensureQueryData(releasesQueryOptions(teamId)),
    ]);
  };

export function Component() {
  const { t } = useTranslation();
  const details = useInstanceDetails(useParams().instanceId!);
  const [searchParams] = useSearchParams();
  const releases = useReleases();
  const { instance, timeToInstall, attempt } = details;
  const { dateTime } = useFormatters();
  const { duration } = useDurationFormat();
  const name = instance.name ?? t('instances.unnamed', { id: (instance.externalId ?? instance.id).slice(0, 7) });
  const facts: [string, string][] = [
    [t('instanceDetails.version'), instance.versionLabel ?? t('instances.unknown')],
    [t('instanceDetails.activity'), instance.active ? t('instances.active') : t('instances.inactive')],
    [
      t('instanceDetails.firstCheckIn'),
      instance.firstCheckInAt ? dateTime(instance.firstCheckInAt) : t('instances.never'),
    ],
    [
      t('instanceDetails.lastCheckIn'),
      instance.lastCheckInAt ? dateTime(instance.lastCheckInAt) : t('instances.never'),
    ],
    [t('instanceDetails.firstReady'), details.firstReadyAt ? dateTime(details.firstReadyAt) : t('instances.never')],
  ];
  const took = (ms: number | null) => (ms === null ? t('instanceDetails.timeToInstall.notReady') : duration(ms));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/instances" className="font-semibold underline">
          {t('instanceDetails.back')}
        </Link>
      </p>
      <PageHeader
        title={name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {instance.status ? (
              <Badge tone={statusTone[instance.status]}>{t(`instances.status.${instance.status}`)}</Badge>
            ) : (
              <Badge>{t('instances.unknown')}</Badge>
            )}
            <span>{t('instanceDetails.versionIs', { version: instance.versionLabel ?? t('instances.unknown') })}</span>
          </span>
        }
      />
      <dl className="mb-6 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt className="text-slate-600">{term}</dt>
            <dd className="font-semibold text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mb-6 space-y-4">
        <UpgradePanel
          instance={instance}
          releases={releases}
          install={details.attempt}
          openAtStart={searchParams.get('upgrade') === '1'}
        />
        {instance.airgap && <AirgapInstanceActions instanceId={instance.id} />}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('instanceDetails.uptime.title')}>
          <UptimeGraph uptime={details.uptime} />
        </Card>
        <Card title={t('instanceDetails.timeToInstall.title')}>
          <dl className="space-y-2">
            <div>
              <dt className="text-slate-600">{t('instanceDetails.timeToInstall.licenseToReady')}</dt>
              <dd className="font-semibold">{took(timeToInstall.licenseCreatedToFirstReady)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t('instanceDetails.timeToInstall.firstEventToReady')}</dt>
              <dd className="font-semibold">{took(timeToInstall.firstEventToFirstReady)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t('instanceDetails.attempt.title')}</dt>
              <dd className="font-semibold">
                {attempt ? (
                  <Link to={`/install/${attempt.id}`} className="underline">
                    {attempt.name}
                  </Link>
                ) : (
                  t('instanceDetails.attempt.none')
                )}
              </dd>
            </div>
          </dl>
        </Card>
        <Card title={t('instanceDetails.timeline.title')}>
          <StatusTimeline entries={details.timeline} />
        </Card>
        <Card title={t('instanceDetails.metrics.title')}>
          <CustomMetrics metrics={details.customMetrics} receivedAt={details.customMetricsReceivedAt} />
        </Card>
      </div>
      <section className="mt-6" aria-labelledby="field-changes">
        <h2 id="field-changes" className="mb-3 text-base font-semibold text-slate-900">
          {t('instanceDetails.fields.title')}
        </h2>
        <FieldChanges changes={details.fieldChanges} />
      </section>
    </>
  );
}
