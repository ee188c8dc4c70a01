import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me, UpdatePreferencesInput } from '../../../contract/me';
import { api } from '../../lib/api-client';
import { meQueryOptions } from './me';

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePreferencesInput) => api<Me>('/api/me/preferences', { method: 'PUT', json: input }),
    onSuccess: (me) => queryClient.setQueryData(meQueryOptions().queryKey, me),
  });
}
