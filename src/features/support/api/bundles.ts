import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  BundleFileView,
  SupportBundleDetails,
  SupportBundleList,
  SupportBundleSummary,
} from '../../../../contract/support-bundles';
import { teamKey, useTeamId } from '../../../app/session/team';
import { api } from '../../../lib/api-client';

export const bundleKeys = {
  all: (teamId: string) => [...teamKey(teamId), 'support-bundles'] as const,
  list: (teamId: string) => [...bundleKeys.all(teamId), 'list'] as const,
  detail: (teamId: string, id: string) => [...bundleKeys.all(teamId), 'detail', id] as const,
  file: (teamId: string, id: string, path: string) => [...bundleKeys.detail(teamId, id), 'file', path] as const,
};

/** While a bundle is being inspected, its row is asked for again this often until it is ready or refused. */
export const INSPECTING_POLL_MS = 1500;

const inspecting = (bundles: SupportBundleSummary[] | undefined) => bundles?.some((b) => b.status === 'inspecting');

export const bundlesQueryOptions = (teamId: string) =>
  queryOptions({
    queryKey: bundleKeys.list(teamId),
    queryFn: ({ signal }) => api<SupportBundleList>('/api/support-bundles', { signal }),
    refetchInterval: (query) => (inspecting(query.state.data?.bundles) ? INSPECTING_POLL_MS : false),
  });

export const bundleQueryOptions = (teamId: string, id: string) =>
  queryOptions({
    queryKey: bundleKeys.detail(teamId, id),
    queryFn: ({ signal }) => api<SupportBundleDetails>(`/api/support-bundles/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (query.state.data?.status === 'inspecting' ? INSPECTING_POLL_MS : false),
  });

export const bundleFileQueryOptions = (teamId: string, id: string, path: string) =>
  queryOptions({
    queryKey: bundleKeys.file(teamId, id, path),
    queryFn: ({ signal }) =>
      api<BundleFileView>(
        `/api/support-bundles/${encodeURIComponent(id)}/file?${new URLSearchParams({ path }).toString()}`,
        { signal },
      ),
    staleTime: Infinity,
  });

export const downloadUrl = (id: string) => `/api/support-bundles/${encodeURIComponent(id)}/download`;

export function useDeleteBundle() {
  const queryClient = useQueryClient();
  const teamId = useTeamId();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/support-bundles/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: bundleKeys.detail(teamId, id) });
      return queryClient.invalidateQueries({ queryKey: bundleKeys.list(teamId) });
    },
  });
}

/** A finished upload joins the history as `inspecting`; the list polls until its inspection ends. */
export function useBundleUploaded() {
  const queryClient = useQueryClient();
  const teamId = useTeamId();
  return () => queryClient.invalidateQueries({ queryKey: bundleKeys.list(teamId) });
}
