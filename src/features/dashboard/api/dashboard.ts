import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../../contract/catalogue';
import { api } from '../../../lib/api-client';

export const dashboardQueryOptions = () =>
  queryOptions({ queryKey: ['dashboard'], queryFn: () => api<Dashboard>('/api/dashboard') });

export const useDashboard = () => useSuspenseQuery(dashboardQueryOptions()).data;
