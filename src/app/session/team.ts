import type { QueryClient } from '@tanstack/react-query';
import { meQueryOptions, useMe } from './me';

/**
 * Every query key of the team's data starts with the team, so a read cached for one team is
 * never shown for another: switching teams changes the keys, not only the cache.
 */
export const allTeamsKey = ['team'] as const;
export const teamKey = (teamId: string) => [...allTeamsKey, teamId] as const;

/** The session's team, for a component. */
export const useTeamId = () => useMe().team.id;

/** The session's team, for a route loader (it may run before the portal's loader has finished). */
export const loadTeamId = async (queryClient: QueryClient) =>
  (await queryClient.ensureQueryData(meQueryOptions())).team.id;
