import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import type { InstancePage } from '../../../../contract/instances';
import { useTeamId } from '../../../app/session/team';
import { instancesKey } from '../../../app/team/instances';
import { api } from '../../../lib/api-client';
import { searchOf, type InstanceFilters } from '../lib/filters';

export const instanceKeys = {
  all: instancesKey,
  list: (teamId: string, filters: InstanceFilters) => [...instanceKeys.all(teamId), 'list', filters] as const,
};

/** The list a page at a time: each page brings the cursor of the next (keyset paging, issue 8). */
export const instancePagesQueryOptions = (teamId: string, filters: InstanceFilters) =>
  infiniteQueryOptions({
    queryKey: instanceKeys.list(teamId, filters),
    queryFn: ({ pageParam, signal }) =>
      api<InstancePage>(`/api/instances${searchOf(filters, pageParam ? { cursor: pageParam } : {})}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const useInstancePages = (filters: InstanceFilters) =>
  useSuspenseInfiniteQuery(instancePagesQueryOptions(useTeamId(), filters));

/** The whole filtered list as CSV, downloaded by the browser as the BFF streams it. */
export const exportUrl = (filters: InstanceFilters) => `/api/instances/export.csv${searchOf(filters)}`;
