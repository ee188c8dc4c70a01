import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { loadTeamId } from '../../../app/session/team';
import { useMe } from '../../../app/session/me';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormatters } from '../../../lib/format';
import { dashboardQueryOptions, useDashboard } from '../api/dashboard';
import { LicenseSummary } from '../components/license-summary';

export const loader = (queryClient: QueryClient) => async () =>
  queryClient.ensureQueryData(dashboardQueryOptions(await loadTeamId(queryClient)));

export function Component() {
  const { t } = useTranslation();
  const me = useMe();
  const dashboard = useDashboard();
  const { number } = useFormatters();
  const link = (to: string, label: string) => (
    <Link to={to} className="underline">
      {label}
    </Link>
  );

  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.welcome', { team: me.team.name })} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Card title={t('dashboard.install.title')} footer={link('/install', t('dashboard.install.link'))}>
          {dashboard.installOptions.length === 0 ? (
            <p>{t('dashboard.install.none')}</p>
          ) : (
            <>
              <p>{t('dashboard.install.available', { count: dashboard.installOptions.length })}</p>
              <ul className="mt-2 list-disc pl-5">
                {dashboard.installOptions.map((type) => (
                  <li key={type}>{t(`installTypes.${type}`)}</li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card title={t('dashboard.instances.title')} footer={link('/instances', t('dashboard.instances.link'))}>
          <p>
            {t('dashboard.instances.active', {
              count: dashboard.instances.active,
              formatted: number(dashboard.instances.active),
            })}
          </p>
          <p>
            {t('dashboard.instances.inactive', {
              count: dashboard.instances.inactive,
              formatted: number(dashboard.instances.inactive),
            })}
          </p>
          <p>
            {t('instanceList.dashboardAirgap', {
              count: dashboard.instances.airgap,
              formatted: number(dashboard.instances.airgap),
            })}
          </p>
        </Card>
        <Card title={t('dashboard.license.title')} footer={link('/license-details', t('dashboard.license.link'))}>
          <LicenseSummary license={dashboard.license} />
        </Card>
        <Card title={t('dashboard.support.title')} footer={link('/support', t('dashboard.support.link'))}>
          <p>
            {t('dashboard.support.bundles', {
              count: dashboard.supportBundles,
              formatted: number(dashboard.supportBundles),
            })}
          </p>
        </Card>
        <Card title={t('dashboard.team.title')} footer={link('/team', t('dashboard.team.link'))}>
          <p>
            {t('dashboard.team.members', { count: dashboard.team.members, formatted: number(dashboard.team.members) })}
          </p>
          <p>
            {t('dashboard.team.serviceAccounts', {
              count: dashboard.team.serviceAccounts,
              formatted: number(dashboard.team.serviceAccounts),
            })}
          </p>
        </Card>
      </div>
    </>
  );
}
