import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { InstanceList } from '../../../../contract/installs';
import { api } from '../../../lib/api-client';

export const instancesQueryOptions = () =>
  queryOptions({ queryKey: ['instances'], queryFn: () => api<InstanceList>('/api/instances') });

export const useInstances = () => useSuspenseQuery({ ...instancesQueryOptions(), refetchInterval: 30_000 }).data;
