import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AirgapRecord,
  AirgapRecordList,
  AirgapRecordOptions,
  CreateAirgapRecordInput,
  UpdateAirgapRecordInput,
} from '../../../../contract/airgap';
import { teamKey, useTeamId } from '../../../app/session/team';
import { api } from '../../../lib/api-client';

const BASE = '/api/airgap-instances';

export const airgapKeys = {
  all: (teamId: string) => [...teamKey(teamId), 'airgap-instances'] as const,
  list: (teamId: string) => [...airgapKeys.all(teamId), 'list'] as const,
  options: (teamId: string) => [...airgapKeys.all(teamId), 'options'] as const,
  detail: (teamId: string, id: string) => [...airgapKeys.all(teamId), 'detail', id] as const,
};

export const airgapRecordsQueryOptions = (teamId: string) =>
  queryOptions({ queryKey: airgapKeys.list(teamId), queryFn: () => api<AirgapRecordList>(BASE) });

export const airgapOptionsQueryOptions = (teamId: string) =>
  queryOptions({ queryKey: airgapKeys.options(teamId), queryFn: () => api<AirgapRecordOptions>(`${BASE}/options`) });

export const airgapRecordQueryOptions = (teamId: string, id: string) =>
  queryOptions({
    queryKey: airgapKeys.detail(teamId, id),
    queryFn: () => api<AirgapRecord>(`${BASE}/${encodeURIComponent(id)}`),
  });

/** After any change to a record: the records, and every instance list and count, read again. */
function useRefresh() {
  const queryClient = useQueryClient();
  const teamId = useTeamId();
  return (record: AirgapRecord) => {
    queryClient.setQueryData(airgapKeys.detail(teamId, record.id), record);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: airgapKeys.list(teamId) }),
      queryClient.invalidateQueries({ queryKey: [...teamKey(teamId), 'instances'] }),
      queryClient.invalidateQueries({ queryKey: [...teamKey(teamId), 'dashboard'] }),
    ]);
  };
}

export function useCreateAirgapRecord() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: CreateAirgapRecordInput) => api<AirgapRecord>(BASE, { method: 'POST', json: input }),
    onSuccess: refresh,
  });
}

export function useUpdateAirgapRecord(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: UpdateAirgapRecordInput) =>
      api<AirgapRecord>(`${BASE}/${encodeURIComponent(id)}`, { method: 'PATCH', json: input }),
    onSuccess: refresh,
  });
}

/** Archives (or restores) a record: it leaves (or returns to) every view but the archived one. */
export function useArchiveAirgapRecord(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (action: 'archive' | 'restore') =>
      api<AirgapRecord>(`${BASE}/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
    onSuccess: refresh,
  });
}
