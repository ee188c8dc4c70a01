import { useTranslation } from 'react-i18next';
import type { Invite, InviteWithLink } from '../../../../contract/team';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { cell, Table } from '../../../components/ui/table';
import { useFormatters } from '../../../lib/format';
import { useInvites, useResendInvite, useRevokeInvite } from '../api/invites';

/** The link of the invite just made or resent: known only now, so it is shown once. */
export function InviteLink({ link }: { link: InviteWithLink }) {
  const { t } = useTranslation();
  return (
    <Alert tone="success">
      <p className="font-semibold">{t('team.invites.sent', { email: link.invite.email })}</p>
      <p className="mt-1">{t('team.invites.linkOnce')}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code className="break-all rounded bg-white px-2 py-1 text-slate-900">{link.url}</code>
        <CopyButton text={link.url} target={t('team.invites.linkTarget', { email: link.invite.email })} />
      </div>
    </Alert>
  );
}

/** Invites not yet accepted, with resend (a new link) and revoke. */
export function PendingInvites({ onLink }: { onLink: (link: InviteWithLink) => void }) {
  const { t } = useTranslation();
  const invites = useInvites();
  return (
    <section aria-labelledby="pending-heading" className="space-y-3">
      <h3 id="pending-heading" className="text-base font-semibold text-slate-900">
        {t('team.invites.pending')}
      </h3>
      {invites.length === 0 ? (
        <p className="text-sm text-slate-700">{t('team.invites.none')}</p>
      ) : (
        <Table
          label={t('team.invites.pending')}
          headers={[
            t('team.members.email'),
            t('team.members.role'),
            t('team.invites.expires'),
            t('team.members.actions'),
          ]}
        >
          {invites.map((invite) => (
            <InviteRow key={invite.id} invite={invite} onLink={onLink} />
          ))}
        </Table>
      )}
    </section>
  );
}

function InviteRow({ invite, onLink }: { invite: Invite; onLink: (link: InviteWithLink) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const resend = useResendInvite();
  const revoke = useRevokeInvite();
  return (
    <tr>
      <td className={`${cell} break-all`}>{invite.email}</td>
      <td className={cell}>{t(`roles.${invite.role}`)}</td>
      <td className={cell}>{invite.expired ? t('team.invites.expired') : dateTime(invite.expiresAt)}</td>
      <td className={`${cell} space-y-2`}>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            busy={resend.isPending}
            onClick={() => resend.mutate(invite.id, { onSuccess: onLink })}
          >
            {t('team.invites.resend')} <span className="sr-only">{invite.email}</span>
          </Button>
          <Button variant="secondary" busy={revoke.isPending} onClick={() => revoke.mutate(invite.id)}>
            {t('team.invites.revoke')} <span className="sr-only">{invite.email}</span>
          </Button>
        </div>
        {(resend.isError || revoke.isError) && <Alert>{t('errors.generic')}</Alert>}
      </td>
    </tr>
  );
}
