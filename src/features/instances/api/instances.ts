import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { InstanceList } from '../../../../contract/installs';
import { teamKey, useTeamId } from '../../../app/session/team';
import { api } from '../../../lib/api-client';

export const instancesQueryOptions = (teamId: string) =>
  queryOptions({ queryKey: [...teamKey(teamId), 'instances'], queryFn: () => api<InstanceList>('/api/instances') });

export const useInstances = () =>
  useSuspenseQuery({ ...instancesQueryOptions(useTeamId()), refetchInterval: 30_000 }).data;
