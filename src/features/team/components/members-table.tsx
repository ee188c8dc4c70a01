import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../../contract/constants';
import type { TeamMember } from '../../../../contract/team';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { cell, Table } from '../../../components/ui/table';
import { isApiError } from '../../../lib/api-client';
import { useFormatters } from '../../../lib/format';
import { useMembers, useRemoveMember, useUpdateMember } from '../api/members';

/** The team's members; admins change roles and remove people in the row. */
export function MembersTable({ admin }: { admin: boolean }) {
  const { t } = useTranslation();
  const members = useMembers();
  const headers = [
    t('team.members.email'),
    t('team.members.role'),
    t('team.members.joined'),
    t('team.members.lastSeen'),
  ];
  return (
    <Table label={t('team.members.title')} headers={admin ? [...headers, t('team.members.actions')] : headers}>
      {members.map((member) => (
        <MemberRow key={member.id} member={member} admin={admin} />
      ))}
    </Table>
  );
}

function MemberRow({ member, admin }: { member: TeamMember; admin: boolean }) {
  const { t } = useTranslation();
  const { date, dateTime } = useFormatters();
  const update = useUpdateMember(member.id);
  const remove = useRemoveMember(member.id);
  const [confirming, setConfirming] = useState(false);
  const failure = update.error ?? remove.error;
  const failureText =
    failure &&
    (isApiError(failure, 'conflict')
      ? t('team.members.errors.lastAdmin', { email: member.email })
      : t('errors.generic'));
  return (
    <tr>
      <td className={`${cell} break-all`}>{member.email}</td>
      <td className={cell}>
        {admin ? (
          <select
            aria-label={t('team.members.roleOf', { email: member.email })}
            className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-900"
            value={member.role}
            disabled={update.isPending}
            onChange={(event) => {
              remove.reset();
              update.mutate({ role: event.target.value as Role });
            }}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`roles.${member.role}`)
        )}
      </td>
      <td className={cell}>{date(member.joinedAt)}</td>
      <td className={cell}>{member.lastSeenAt ? dateTime(member.lastSeenAt) : t('team.members.never')}</td>
      {admin && (
        <td className={`${cell} space-y-2`}>
          {confirming ? (
            <div className="flex flex-wrap gap-2">
              <Button
                variant="danger"
                busy={remove.isPending}
                onClick={() => {
                  update.reset();
                  remove.mutate(undefined, { onSettled: () => setConfirming(false) });
                }}
              >
                {t('team.members.confirmRemove', { email: member.email })}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          ) : (
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              {t('team.members.remove')} <span className="sr-only">{member.email}</span>
            </Button>
          )}
          {failureText && <Alert>{failureText}</Alert>}
        </td>
      )}
    </tr>
  );
}
