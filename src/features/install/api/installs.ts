import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReleaseImage } from '../../../../contract/catalogue';
import type {
  CreateInstallInput,
  InstallAttempt,
  InstallAttemptList,
  InstallAttemptWithToken,
  UpdateInstallInput,
} from '../../../../contract/installs';
import { api } from '../../../lib/api-client';
import { rememberToken } from '../lib/token-store';

export const installKeys = {
  all: ['installs'] as const,
  list: () => [...installKeys.all, 'list'] as const,
  detail: (id: string) => [...installKeys.all, 'detail', id] as const,
  images: (version: string) => ['release-images', version] as const,
};

export const installsQueryOptions = () =>
  queryOptions({ queryKey: installKeys.list(), queryFn: () => api<InstallAttemptList>('/api/installs') });

export const installQueryOptions = (id: string) =>
  queryOptions({
    queryKey: installKeys.detail(id),
    queryFn: () => api<InstallAttempt>(`/api/installs/${encodeURIComponent(id)}`),
  });

export const releaseImagesQueryOptions = (version: string) =>
  queryOptions({
    queryKey: installKeys.images(version),
    queryFn: () => api<{ images: ReleaseImage[] }>(`/api/releases/${encodeURIComponent(version)}/images`),
    staleTime: Infinity,
  });

export function useCreateInstall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInstallInput) =>
      api<InstallAttemptWithToken>('/api/installs', { method: 'POST', json: input }),
    onSuccess: ({ attempt, token }) => {
      rememberToken(attempt.id, token);
      queryClient.setQueryData(installKeys.detail(attempt.id), attempt);
      return queryClient.invalidateQueries({ queryKey: installKeys.list() });
    },
  });
}

export function useUpdateInstall(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateInstallInput) =>
      api<InstallAttempt>(`/api/installs/${encodeURIComponent(id)}`, { method: 'PATCH', json: input }),
    onSuccess: (attempt) => {
      queryClient.setQueryData(installKeys.detail(id), attempt);
      return queryClient.invalidateQueries({ queryKey: installKeys.list() });
    },
  });
}

export function useReplaceToken(id: string) {
  return useMutation({
    mutationFn: () => api<InstallAttemptWithToken>(`/api/installs/${encodeURIComponent(id)}/token`, { method: 'POST' }),
    onSuccess: ({ token }) => rememberToken(id, token),
  });
}

export function useDiscardInstall(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<InstallAttempt>(`/api/installs/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (attempt) => {
      queryClient.setQueryData(installKeys.detail(id), attempt);
      return queryClient.invalidateQueries({ queryKey: installKeys.list() });
    },
  });
}
