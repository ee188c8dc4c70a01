import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Action } from '../../../../contract/permissions';
import { can } from '../../../../contract/permissions';
import { meQueryOptions, useMe } from '../../../app/session/me';
import { PageHeader } from '../../../components/ui/page-header';
import { allowlistQueryOptions, invitesQueryOptions } from '../api/invites';
import { membersQueryOptions } from '../api/members';
import { teamSettingsQueryOptions } from '../api/team-settings';
import { AuditTab } from '../components/audit-tab';
import { MembersTab } from '../components/members-tab';
import { ServiceAccountsTab } from '../components/service-accounts-tab';

export const loader = (queryClient: QueryClient) => async () => {
  const me = await queryClient.ensureQueryData(meQueryOptions());
  const admin = can(me.team.role, 'team.manage');
  return Promise.all([
    queryClient.ensureQueryData(membersQueryOptions(me.team.id)),
    admin && queryClient.ensureQueryData(invitesQueryOptions(me.team.id)),
    admin && queryClient.ensureQueryData(allowlistQueryOptions(me.team.id)),
    admin && queryClient.ensureQueryData(teamSettingsQueryOptions(me.team.id)),
  ]);
};

/** The Team page's tabs, each in the URL (`?tab=`) so a view can be shared; some are for admins only. */
type Tab = { id: string; title: string; Component: ComponentType; requires?: Action };
const tabs: Tab[] = [
  { id: 'members', title: 'team.members.title', Component: MembersTab },
  { id: 'service-accounts', title: 'team.serviceAccounts.title', Component: ServiceAccountsTab },
  { id: 'audit', title: 'audit.title', Component: AuditTab, requires: 'audit.read' },
];

export function Component() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const shown = tabs.filter((tab) => !tab.requires || can(me.team.role, tab.requires));
  const current = shown.find((tab) => tab.id === params.get('tab')) ?? shown[0]!;
  return (
    <>
      <PageHeader title={t('team.title')} description={t('team.description', { team: me.team.name })} />
      <nav aria-label={t('team.tabs')} className="mb-6 flex gap-2 border-b border-slate-200">
        {shown.map((tab) => (
          <Link
            key={tab.id}
            to={{ search: `?tab=${tab.id}` }}
            aria-current={tab === current ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-semibold ${
              tab === current ? 'border-slate-900 text-slate-900' : 'border-transparent text-slate-600 underline'
            }`}
          >
            {t(tab.title)}
          </Link>
        ))}
      </nav>
      <section aria-labelledby="team-tab-heading">
        <h2 id="team-tab-heading" className="mb-3 text-lg font-semibold text-slate-900">
          {t(current.title)}
        </h2>
        <current.Component />
      </section>
    </>
  );
}
