import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me, SwitchTeamInput } from '../../../../contract/me';
import { api } from '../../../lib/api-client';
import { meQueryOptions } from './me';

export function useSwitchTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SwitchTeamInput) => api<Me>('/api/me/team', { method: 'PUT', json: input }),
    onSuccess: async (me) => {
      // Every cached read belonged to the previous team.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'branding' });
      queryClient.setQueryData(meQueryOptions().queryKey, me);
    },
  });
}
