import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { License } from '../../../contract/catalogue';
import { api } from '../../lib/api-client';
import { teamKey, useTeamId } from '../session/team';

/** The team's license: shown on its own page, and it decides what the install wizard offers. */
export const licenseQueryOptions = (teamId: string) =>
  queryOptions({ queryKey: [...teamKey(teamId), 'license'], queryFn: () => api<License>('/api/license') });

export const useLicense = () => useSuspenseQuery(licenseQueryOptions(useTeamId())).data;
