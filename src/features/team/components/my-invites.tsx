import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../../../contract/me';
import type { MyInvite } from '../../../../contract/team';
import { meQueryOptions } from '../../../app/session/me';
import { allTeamsKey, teamKey } from '../../../app/session/team';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { api } from '../../../lib/api-client';

const myInvitesKey = ['me', 'invites'] as const;

/**
 * Invites waiting for the signed-in address (issue 10: "at sign-in, pending invites for that
 * address are shown"), above every page until accepted. Accepting opens the new team.
 */
export function MyInvites() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const invites = useQuery({ queryKey: myInvitesKey, queryFn: () => api<MyInvite[]>('/api/me/invites') });
  const accept = useMutation({
    mutationFn: (id: string) => api<Me>(`/api/me/invites/${encodeURIComponent(id)}/accept`, { method: 'POST' }),
    onSuccess: async (me) => {
      await queryClient.cancelQueries({ queryKey: allTeamsKey });
      // As a team switch does (src/app/session/switch-team.ts): the new team's reads start afresh.
      queryClient.removeQueries({ queryKey: teamKey(me.team.id) });
      queryClient.setQueryData(meQueryOptions().queryKey, me);
      await navigate('/', { replace: true });
      return queryClient.invalidateQueries({ queryKey: myInvitesKey });
    },
  });
  if (!invites.data?.length) return null;
  return (
    <section aria-label={t('team.myInvites.label')} className="mb-6 space-y-2">
      {invites.data.map((invite) => (
        <Alert key={invite.id} tone="info">
          <div className="flex flex-wrap items-center gap-3">
            <p className="flex-1">
              {t('team.myInvites.invited', { team: invite.teamName, role: t(`roles.${invite.role}`) })}
            </p>
            <Button busy={accept.isPending} onClick={() => accept.mutate(invite.id)}>
              {t('team.myInvites.accept')} <span className="sr-only">{invite.teamName}</span>
            </Button>
          </div>
        </Alert>
      ))}
      {accept.isError && <Alert>{t('errors.generic')}</Alert>}
    </section>
  );
}
