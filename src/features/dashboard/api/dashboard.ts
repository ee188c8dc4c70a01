import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../../contract/catalogue';
import { teamKey, useTeamId } from '../../../app/session/team';
import { api } from '../../../lib/api-client';

export const dashboardQueryOptions = (teamId: string) =>
  queryOptions({ queryKey: [...teamKey(teamId), 'dashboard'], queryFn: () => api<Dashboard>('/api/dashboard') });

export const useDashboard = () => useSuspenseQuery(dashboardQueryOptions(useTeamId())).data;
