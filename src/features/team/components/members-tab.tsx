import { useState } from 'react';
import { can } from '../../../../contract/permissions';
import type { InviteWithLink } from '../../../../contract/team';
import { useMe } from '../../../app/session/me';
import { DomainAllowlistForm } from './domain-allowlist-form';
import { InviteForm } from './invite-form';
import { MembersTable } from './members-table';
import { TeamLanguageForm } from './team-language-form';
import { InviteLink, PendingInvites } from './pending-invites';

/** The team's members; admins also invite, manage pending invites, the domain allowlist and the team's language. */
export function MembersTab() {
  const me = useMe();
  const admin = can(me.team.role, 'team.manage');
  const [link, setLink] = useState<InviteWithLink | null>(null);
  return (
    <div className="space-y-8">
      <MembersTable admin={admin} />
      {admin && (
        <>
          <InviteForm onLink={setLink} />
          {link && <InviteLink link={link} />}
          <PendingInvites onLink={setLink} />
          <DomainAllowlistForm />
          <TeamLanguageForm />
        </>
      )}
    </div>
  );
}
