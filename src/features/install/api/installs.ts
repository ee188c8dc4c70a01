import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReleaseImage } from '../../../../contract/catalogue';
import type {
  CreateInstallInput,
  InstallAttempt,
  InstallAttemptList,
  InstallAttemptWithToken,
  UpdateInstallInput,
} from '../../../../contract/installs';
import { teamKey, useTeamId } from '../../../app/session/team';
import { api } from '../../../lib/api-client';
import { rememberToken } from '../lib/token-store';

export const installKeys = {
  all: (teamId: string) => [...teamKey(teamId), 'installs'] as const,
  list: (teamId: string) => [...installKeys.all(teamId), 'list'] as const,
  detail: (teamId: string, id: string) => [...installKeys.all(teamId), 'detail', id] as const,
  // Under the attempt's key: whatever refreshes the attempt refreshes its candidates too.
  linkCandidates: (teamId: string, id: string) => [...installKeys.detail(teamId, id), 'link-candidates'] as const,
  // A release's images follow the team's channel.
  images: (teamId: string, version: string) => [...teamKey(teamId), 'release-images', version] as const,
};

export const installsQueryOptions = (teamId: string) =>
  queryOptions({ queryKey: installKeys.list(teamId), queryFn: () => api<InstallAttemptList>('/api/installs') });

export const installQueryOptions = (teamId: string, id: string) =>
  queryOptions({
    queryKey: installKeys.detail(teamId, id),
    queryFn: () => api<InstallAttempt>(`/api/installs/${encodeURIComponent(id)}`),
  });

export const releaseImagesQueryOptions = (teamId: string, version: string) =>
  queryOptions({
    queryKey: installKeys.images(teamId, version),
    queryFn: () => api<{ images: ReleaseImage[] }>(`/api/releases/${encodeURIComponent(version)}/images`),
    staleTime: Infinity,
  });

export function useCreateInstall() {
  const queryClient = useQueryClient();
  const teamId = useTeamId();
  return useMutation({
    mutationFn: (input: CreateInstallInput) =>
      api<InstallAttemptWithToken>('/api/installs', { method: 'POST', json: input }),
    onSuccess: ({ attempt, token }) => {
      rememberToken(attempt.id, token);
      queryClient.setQueryData(installKeys.detail(teamId, attempt.id), attempt);
      return queryClient.invalidateQueries({ queryKey: installKeys.list(teamId) });
    },
  });
}

export function useUpdateInstall(id: string) {
  const queryClient = useQueryClient();
  const teamId = useTeamId();
  return useMutation({
    mutationFn: (input: UpdateInstallInput) =>
      api<InstallAttempt>(`/api/installs/${encodeURIComponent(id)}`, { method: 'PATCH', json: input }),
    onSuccess: (attempt) => {
      queryClient.setQueryData(installKeys.detail(teamId, id), attempt);
      return queryClient.invalidateQueries({ queryKey: installKeys.list(teamId) });
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
  const teamId = useTeamId();
  return useMutation({
    mutationFn: () => api<InstallAttempt>(`/api/installs/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (attempt) => {
      queryClient.setQueryData(installKeys.detail(teamId, id), attempt);
      return queryClient.invalidateQueries({ queryKey: installKeys.list(teamId) });
    },
  });
}
