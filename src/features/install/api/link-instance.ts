import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InstallAttempt, LinkCandidateList, LinkInstanceInput } from '../../../../contract/installs';
import { useTeamId } from '../../../app/session/team';
import { api } from '../../../lib/api-client';
import { instancesKey } from '../../../app/team/instances';
import { installKeys } from './installs';

/** Machines report with no event for an attempt they did not join, so the list is polled. */
const CANDIDATES_POLL_MS = 15_000;

export const linkCandidatesQueryOptions = (teamId: string, attemptId: string) =>
  queryOptions({
    queryKey: installKeys.linkCandidates(teamId, attemptId),
    queryFn: () => api<LinkCandidateList>(`/api/installs/${encodeURIComponent(attemptId)}/link-candidates`),
  });

/** The instances that reported with the license but joined no attempt (decision 008). */
export function useLinkCandidates(attemptId: string, enabled: boolean) {
  return useQuery({
    ...linkCandidatesQueryOptions(useTeamId(), attemptId),
    enabled,
    refetchInterval: enabled ? CANDIDATES_POLL_MS : false,
  });
}

export function useLinkInstance(attemptId: string) {
  const queryClient = useQueryClient();
  const teamId = useTeamId();
  // The attempt's key covers its candidates: a link, or a refusal, refreshes both, and the
  // instances, whose names and install methods come from their attempt.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: installKeys.detail(teamId, attemptId) }),
      queryClient.invalidateQueries({ queryKey: installKeys.list(teamId) }),
      queryClient.invalidateQueries({ queryKey: instancesKey(teamId) }),
    ]);
  return useMutation({
    mutationFn: (input: LinkInstanceInput) =>
      api<InstallAttempt>(`/api/installs/${encodeURIComponent(attemptId)}/link`, { method: 'POST', json: input }),
    onSuccess: refresh,
    onError: refresh,
  });
}
