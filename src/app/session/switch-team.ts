import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Me, SwitchTeamInput } from '../../../contract/me';
import { api } from '../../lib/api-client';
import { meQueryOptions } from './me';
import { allTeamsKey, teamKey } from './team';

/** Switches the session's team and opens the new team's dashboard. */
export function useSwitchTeam() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (input: SwitchTeamInput) => api<Me>('/api/me/team', { method: 'PUT', json: input }),
    onSuccess: async (me) => {
      // The BFF answers for the session's team whatever the key, so a read still in flight, or one
      // the old page starts before it closes, would file the new team's data under the old team.
      await queryClient.cancelQueries({ queryKey: allTeamsKey });
      // Nor is anything cached under the new team's key to be trusted: a read of it may have
      // been answered while the session was on another team (a page of the old team refetching
      // as it closed). The new team's pages read everything afresh.
      queryClient.removeQueries({ queryKey: teamKey(me.team.id) });
      queryClient.setQueryData(meQueryOptions().queryKey, me);
      await navigate('/', { replace: true });
      queryClient.removeQueries({
        predicate: ({ queryKey }) => queryKey[0] === allTeamsKey[0] && queryKey[1] !== me.team.id,
      });
    },
  });
}
