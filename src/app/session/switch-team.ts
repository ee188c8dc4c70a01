import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Me, SwitchTeamInput } from '../../../contract/me';
import { api } from '../../lib/api-client';
import { meQueryOptions } from './me';
import { allTeamsKey } from './team';

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
      queryClient.setQueryData(meQueryOptions().queryKey, me);
      await navigate('/', { replace: true });
      queryClient.removeQueries({
        predicate: ({ queryKey }) => queryKey[0] === allTeamsKey[0] && queryKey[1] !== me.team.id,
      });
    },
  });
}
