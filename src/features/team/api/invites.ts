import { queryOptions, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { Me } from '../../../../contract/me';
import type {
  AcceptInviteInput,
  CreateInviteInput,
  DomainAllowlist,
  Invite,
  InviteWithLink,
  UpdateDomainAllowlistInput,
} from '../../../../contract/team';
import { meQueryOptions } from '../../../app/session/me';
import { useTeamId } from '../../../app/session/team';
import { api } from '../../../lib/api-client';
import { memberKeys } from './members';

export const invitesQueryOptions = (teamId: string) =>
  queryOptions({ queryKey: memberKeys.invites(teamId), queryFn: () => api<Invite[]>('/api/team/invites') });

export const allowlistQueryOptions = (teamId: string) =>
  queryOptions({
    queryKey: memberKeys.allowlist(teamId),
    queryFn: () => api<DomainAllowlist>('/api/team/domain-allowlist'),
  });

export const useInvites = () => useSuspenseQuery(invitesQueryOptions(useTeamId())).data;
export const useAllowlist = () => useSuspenseQuery(allowlistQueryOptions(useTeamId())).data;

function useInviteMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  const teamId = useTeamId();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.invites(teamId) }),
  });
}

export const useCreateInvite = () =>
  useInviteMutation((input: CreateInviteInput) =>
    api<InviteWithLink>('/api/team/invites', { method: 'POST', json: input }),
  );

export const useResendInvite = () =>
  useInviteMutation((id: string) =>
    api<InviteWithLink>(`/api/team/invites/${encodeURIComponent(id)}/resend`, { method: 'POST' }),
  );

export const useRevokeInvite = () =>
  useInviteMutation((id: string) => api<void>(`/api/team/invites/${encodeURIComponent(id)}`, { method: 'DELETE' }));

export function useUpdateAllowlist() {
  const queryClient = useQueryClient();
  const teamId = useTeamId();
  return useMutation({
    mutationFn: (input: { on: true; domains: UpdateDomainAllowlistInput['domains'] } | { on: false }) =>
      input.on
        ? api<DomainAllowlist>('/api/team/domain-allowlist', { method: 'PUT', json: { domains: input.domains } })
        : api<DomainAllowlist>('/api/team/domain-allowlist', { method: 'DELETE' }),
    onSuccess: (body) => queryClient.setQueryData(memberKeys.allowlist(teamId), body),
  });
}

/** Accepting from the emailed link: the answer is the new session's account. */
export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AcceptInviteInput) => api<Me>('/api/invites/accept', { method: 'POST', json: input }),
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryOptions().queryKey, me);
    },
  });
}
