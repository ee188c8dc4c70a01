import { queryOptions, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { TeamSettings, UpdateTeamSettingsInput } from '../../../../contract/team';
import { teamKey, useTeamId } from '../../../app/session/team';
import { api } from '../../../lib/api-client';
import { auditKeys } from './audit';

export const teamSettingsKey = (teamId: string) => [...teamKey(teamId), 'settings'] as const;

/** The team's settings (admins): the language invitation emails are written in. */
export const teamSettingsQueryOptions = (teamId: string) =>
  queryOptions({ queryKey: teamSettingsKey(teamId), queryFn: () => api<TeamSettings>('/api/team/settings') });

export const useTeamSettings = () => useSuspenseQuery(teamSettingsQueryOptions(useTeamId())).data;

export function useUpdateTeamSettings() {
  const queryClient = useQueryClient();
  const teamId = useTeamId();
  return useMutation({
    mutationFn: (input: UpdateTeamSettingsInput) =>
      api<TeamSettings>('/api/team/settings', { method: 'PUT', json: input }),
    onSuccess: (body) => {
      queryClient.setQueryData(teamSettingsKey(teamId), body);
      // The change is in the audit log now.
      return queryClient.invalidateQueries({ queryKey: auditKeys.all(teamId) });
    },
  });
}
