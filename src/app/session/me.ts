import { queryOptions } from '@tanstack/react-query';
import { useRouteLoaderData } from 'react-router';
import type { Me } from '../../../contract/me';
import { api } from '../../lib/api-client';

export const meQueryOptions = () => queryOptions({ queryKey: ['me'], queryFn: () => api<Me>('/api/me') });

/**
 * The signed-in user, as the portal route's loader resolved it. Read from the loader rather than
 * the query cache, so signing out (which empties the cache) cannot make a page refetch and fail.
 */
export function useMe(): Me {
  const me = useRouteLoaderData<Me>('portal');
  if (!me) throw new Error('useMe is only available inside the signed-in portal');
  return me;
}
