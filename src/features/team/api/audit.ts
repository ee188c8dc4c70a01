import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AuditActorList, AuditPage } from '../../../../contract/audit';
import { teamKey, useTeamId } from '../../../app/session/team';
import { api } from '../../../lib/api-client';
import { auditSearchOf, type AuditFilters } from '../lib/audit-filters';

export const auditKeys = {
  all: (teamId: string) => [...teamKey(teamId), 'audit'] as const,
  list: (teamId: string, filters: AuditFilters) => [...auditKeys.all(teamId), 'list', filters] as const,
  actors: (teamId: string) => [...auditKeys.all(teamId), 'actors'] as const,
};

/** The log a page at a time, newest first: each page brings the cursor of the next. */
export const auditPagesQueryOptions = (teamId: string, filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(teamId, filters),
    queryFn: ({ pageParam, signal }) =>
      api<AuditPage>(`/api/team/audit${auditSearchOf(filters, pageParam ? { cursor: pageParam } : {})}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const auditActorsQueryOptions = (teamId: string) =>
  queryOptions({ queryKey: auditKeys.actors(teamId), queryFn: () => api<AuditActorList>('/api/team/audit/actors') });

/**
 * Not suspended on: the tab says itself when the log is loading or failed, so the rest of the
 * Team page stays usable whatever happens here.
 */
export const useAuditPages = (filters: AuditFilters) => useInfiniteQuery(auditPagesQueryOptions(useTeamId(), filters));

export const useAuditActors = () => useQuery(auditActorsQueryOptions(useTeamId()));
