import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { TeamMember } from '../../../../contract/catalogue';
import { api } from '../../../lib/api-client';

export const membersQueryOptions = () =>
  queryOptions({ queryKey: ['team', 'members'], queryFn: () => api<TeamMember[]>('/api/team/members') });

export const useMembers = () => useSuspenseQuery(membersQueryOptions()).data;
