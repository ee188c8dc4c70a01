import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/session/me';
import { loadTeamId } from '../../../app/session/team';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { cell, Table } from '../../../components/ui/table';
import { useFormatters } from '../../../lib/format';
import { membersQueryOptions, useMembers } from '../api/members';

export const loader = (queryClient: QueryClient) => async () =>
  queryClient.ensureQueryData(membersQueryOptions(await loadTeamId(queryClient)));

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
        <Table headers={[t('team.members.email'), t('team.members.role'), t('team.members.joined')]}>
          {members.map((member) => (
            <tr key={member.id}>
              <td className={`${cell} break-all`}>{member.email}</td>
              <td className={cell}>{t(`roles.${member.role}`)}</td>
              <td className={cell}>{date(member.joinedAt)}</td>
            </tr>
          ))}
        </Table>
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
