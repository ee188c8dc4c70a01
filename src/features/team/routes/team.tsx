import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormatters } from '../../../lib/format';
import { useMe } from '../../auth/api/me';
import { membersQueryOptions, useMembers } from '../api/members';

export const loader = (queryClient: QueryClient) => () => queryClient.ensureQueryData(membersQueryOptions());

export function Component() {
  const { t } = useTranslation();
  const me = useMe();
  const members = useMembers();
  const { date } = useFormatters();
  return (
    <>
      <PageHeader title={t('team.title')} description={t('team.description', { team: me.team.name })} />
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-3 text-lg font-semibold text-slate-900">
          {t('team.members.title')}
        </h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t('team.members.email')}
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t('team.members.role')}
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t('team.members.joined')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {members.map((member) => (
                <tr key={member.id}>
                  <td className="px-4 py-2 break-all">{member.email}</td>
                  <td className="px-4 py-2">{t(`roles.${member.role}`)}</td>
                  <td className="px-4 py-2">{date(member.joinedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="service-accounts-heading" className="mt-8">
        <h2 id="service-accounts-heading" className="mb-3 text-lg font-semibold text-slate-900">
          {t('team.serviceAccounts.title')}
        </h2>
        <EmptyState title={t('team.serviceAccounts.empty.title')}>{t('team.serviceAccounts.empty.body')}</EmptyState>
      </section>
    </>
  );
}
