import { queryOptions, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { TeamMember, UpdateMemberInput } from '../../../../contract/team';
import { teamKey, useTeamId } from '../../../app/session/team';
import { api } from '../../../lib/api-client';

export const memberKeys = {
  members: (teamId: string) => [...teamKey(teamId), 'members'] as const,
  invites: (teamId: string) => [...teamKey(teamId), 'invites'] as const,
  allowlist: (teamId: string) => [...teamKey(teamId), 'domain-allowlist'] as const,
};

export const membersQueryOptions = (teamId: string) =>
  queryOptions({ queryKey: memberKeys.members(teamId), queryFn: () => api<TeamMember[]>('/api/team/members') });

export const useMembers = () => useSuspenseQuery(membersQueryOptions(useTeamId())).data;

const memberPath = (id: string) => `/api/team/members/${encodeURIComponent(id)}`;

export function useUpdateMember(id: string) {
  const queryClient = useQueryClient();
  const teamId = useTeamId();
  return useMutation({
    mutationFn: (input: UpdateMemberInput) => api<TeamMember>(memberPath(id), { method: 'PATCH', json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.members(teamId) }),
  });
}

export function useRemoveMember(id: string) {
  const queryClient = useQueryClient();
  const teamId = useTeamId();
  return useMutation({
    mutationFn: () => api<void>(memberPath(id), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.members(teamId) }),
  });
}
