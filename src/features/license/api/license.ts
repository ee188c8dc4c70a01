import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { License } from '../../../../contract/catalogue';
import { api } from '../../../lib/api-client';

export const licenseQueryOptions = () =>
  queryOptions({ queryKey: ['license'], queryFn: () => api<License>('/api/license') });

export const useLicense = () => useSuspenseQuery(licenseQueryOptions()).data;
