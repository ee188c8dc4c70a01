import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { ReleaseList } from '../../../../contract/catalogue';
import { api } from '../../../lib/api-client';

export const releasesQueryOptions = () =>
  queryOptions({ queryKey: ['releases'], queryFn: () => api<ReleaseList>('/api/releases') });

export const useReleases = () => useSuspenseQuery(releasesQueryOptions()).data;
