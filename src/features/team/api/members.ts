import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { TeamMember } from '../../../../contract/catalogue';
import { teamKey, useTeamId } from '../../../app/session/team';
import { api } from '../../../lib/api-client';

export const membersQueryOptions = (teamId: string) =>
  queryOptions({ queryKey: [...teamKey(teamId), 'members'], queryFn: () => api<TeamMember[]>('/api/team/members') });

export const useMembers = () => useSuspenseQuery(membersQueryOptions(useTeamId())).data;
