import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { ReleaseList } from '../../../contract/catalogue';
import { api } from '../../lib/api-client';
import { teamKey, useTeamId } from '../session/team';

/** The releases of the team's channel: listed on their own page, and the versions one can install. */
export const releasesQueryOptions = (teamId: string) =>
  queryOptions({ queryKey: [...teamKey(teamId), 'releases'], queryFn: () => api<ReleaseList>('/api/releases') });

export const useReleases = () => useSuspenseQuery(releasesQueryOptions(useTeamId())).data;
