import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { loadTeamId } from '../../../app/session/team';
import { licenseQueryOptions } from '../../../app/team/license';
import { releasesQueryOptions } from '../../../app/team/releases';
import { instancePagesQueryOptions } from '../api/instances';
import { filtersFrom } from '../lib/filters';

/**
 * The Instances page's data, in a module of its own so the router asks for it while the page's
 * code still loads (src/app/router.tsx).
 */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const teamId = await loadTeamId(queryClient);
    const filters = filtersFrom(new URL(request.url).searchParams);
    // The versions (the filter's options, the rows' "versions behind") and the license (whether
    // air-gap records are offered) are fetched alongside, never waited for.
    void queryClient.prefetchQuery(releasesQueryOptions(teamId));
    void queryClient.prefetchQuery(licenseQueryOptions(teamId));
    await queryClient.ensureInfiniteQueryData(instancePagesQueryOptions(teamId, filters));
  };
