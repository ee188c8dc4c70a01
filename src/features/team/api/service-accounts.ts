import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateServiceAccountInput,
  ServiceAccountList,
  ServiceAccountWithToken,
} from '../../../../contract/service-accounts';
import { teamKey, useTeamId } from '../../../app/session/team';
import { api } from '../../../lib/api-client';

const PATH = '/api/team/service-accounts';

export const serviceAccountKeys = {
  list: (teamId: string) => [...teamKey(teamId), 'service-accounts'] as const,
};

export const serviceAccountsQueryOptions = (teamId: string) =>
  queryOptions({ queryKey: serviceAccountKeys.list(teamId), queryFn: () => api<ServiceAccountList>(PATH) });

/** Not suspended: the tab shows its own loading and error states inside the Team page. */
export const useServiceAccounts = () => useQuery(serviceAccountsQueryOptions(useTeamId()));

function useRefreshList() {
  const queryClient = useQueryClient();
  const teamId = useTeamId();
  return () => queryClient.invalidateQueries({ queryKey: serviceAccountKeys.list(teamId) });
}

export function useCreateServiceAccount() {
  const refresh = useRefreshList();
  return useMutation({
    mutationFn: (input: CreateServiceAccountInput) =>
      api<ServiceAccountWithToken>(PATH, { method: 'POST', json: input }),
    onSuccess: () => refresh(),
  });
}

export function useRotateServiceAccount(id: string) {
  const refresh = useRefreshList();
  return useMutation({
    mutationFn: () => api<ServiceAccountWithToken>(`${PATH}/${encodeURIComponent(id)}/rotate`, { method: 'POST' }),
    // Not refreshed on a 409 (another admin rotated or revoked it meanwhile): a revoked row loses
    // its buttons, and with them the dialog saying what happened.
    onSuccess: () => refresh(),
  });
}

export function useRevokeServiceAccount(id: string) {
  const refresh = useRefreshList();
  return useMutation({
    mutationFn: () => api<void>(`${PATH}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => refresh(),
  });
}
