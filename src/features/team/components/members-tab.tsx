import { useTranslation } from 'react-i18next';
import { cell, Table } from '../../../components/ui/table';
import { useFormatters } from '../../../lib/format';
import { useMembers } from '../api/members';

/** The team's members: who they are, their role, and since when. */
export function MembersTab() {
  const { t } = useTranslation();
  const members = useMembers();
  const { date } = useFormatters();
  return (
    <Table headers={[t('team.members.email'), t('team.members.role'), t('team.members.joined')]}>
      {members.map((member) => (
        <tr key={member.id}>
          <td className={`${cell} break-all`}>{member.email}</td>
          <td className={cell}>{t(`roles.${member.role}`)}</td>
          <td className={cell}>{date(member.joinedAt)}</td>
        </tr>
      ))}
    </Table>
  );
}
