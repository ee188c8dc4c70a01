import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { Branding } from '../../contract/catalogue';
import { api } from '../lib/api-client';

/** The vendor's branding is the same for every team and every visitor, signed in or not. */
export const brandingQueryOptions = () =>
  queryOptions({ queryKey: ['branding'], queryFn: () => api<Branding>('/api/branding'), staleTime: Infinity });

export const useBranding = () => useSuspenseQuery(brandingQueryOptions()).data;
