import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceAccount, ServiceAccountStatus } from '../../../../contract/service-accounts';
import { Badge } from '../../../components/ui/badge';
import { cell, Table } from '../../../components/ui/table';
import { useActorName } from '../../../lib/actor-name';
import { useFormatters } from '../../../lib/format';
import type { ShownToken } from './new-token';
import { RevokeButton, RotateButton } from './account-actions';

const tones = { active: 'success', expired: 'warning', revoked: 'neutral' } as const satisfies Record<
  ServiceAccountStatus,
  string
>;

/** Every account of the team, revoked ones kept for the record; actions only for admins. */
export function ServiceAccountTable({
  accounts,
  mayManage,
  onRotated,
}: {
  accounts: ServiceAccount[];
  mayManage: boolean;
  onRotated: (shown: ShownToken) => void;
}) {
  const { t, i18n } = useTranslation();
  const { date, dateTime } = useFormatters();
  const actorName = useActorName();
  // An expiry is a calendar day (its start, UTC): shown as that day wherever the reader is.
  const day = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }), [i18n]);
  const headers = ['name', 'kind', 'createdBy', 'created', 'lastUsed', 'expires', 'status'].map((key) =>
    t(`team.serviceAccounts.columns.${key}`),
  );
  return (
    <Table
      label={t('team.serviceAccounts.title')}
      headers={mayManage ? [...headers, t('team.serviceAccounts.columns.actions')] : headers}
    >
      {accounts.map((account) => (
        <tr key={account.id}>
          <td className={`${cell} font-semibold break-all`}>{account.name}</td>
          <td className={cell}>{t(`team.serviceAccounts.kinds.${account.kind}`)}</td>
          <td className={`${cell} break-all`}>
            {account.createdBy ? actorName(account.createdBy) : t('team.serviceAccounts.unknownPerson')}
          </td>
          <td className={cell}>{date(account.createdAt)}</td>
          <td className={cell}>
            {account.lastUsedAt ? dateTime(account.lastUsedAt) : t('team.serviceAccounts.never')}
          </td>
          <td className={cell}>
            {account.expiresAt ? day.format(new Date(account.expiresAt)) : t('team.serviceAccounts.noExpiry')}
          </td>
          <td className={cell}>
            <Badge tone={tones[account.status]}>{t(`team.serviceAccounts.statuses.${account.status}`)}</Badge>
          </td>
          {mayManage && (
            <td className={cell}>
              {account.status !== 'revoked' && (
                <div className="flex flex-wrap gap-2">
                  {account.status === 'active' && <RotateButton account={account} onRotated={onRotated} />}
                  <RevokeButton account={account} />
                </div>
              )}
            </td>
          )}
        </tr>
      ))}
    </Table>
  );
}
