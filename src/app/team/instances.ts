import { teamKey } from '../session/team';

/**
 * The root of every query about the team's instances. Features other than Instances change what
 * those queries answer (linking an instance to its install names it), so the key lives here.
 */
export const instancesKey = (teamId: string) => [...teamKey(teamId), 'instances'] as const;
