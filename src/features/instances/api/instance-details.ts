import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { InstanceDetailsView } from '../../../../contract/instance-details';
import { teamKey, useTeamId } from '../../../app/session/team';
import { api } from '../../../lib/api-client';

export const instanceDetailsQueryOptions = (teamId: string, instanceId: string) =>
  queryOptions({
    queryKey: [...teamKey(teamId), 'instances', 'details', instanceId],
    queryFn: () => api<InstanceDetailsView>(`/api/instances/${encodeURIComponent(instanceId)}`),
  });

export const useInstanceDetails = (instanceId: string) =>
  useSuspenseQuery({ ...instanceDetailsQueryOptions(useTeamId(), instanceId), refetchInterval: 15_000 }).data;
