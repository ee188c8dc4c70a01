import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSessionInput, RequestLoginLinkInput } from '../../../../contract/auth';
import type { Me } from '../../../../contract/me';
import { meQueryOptions } from '../../../app/session/me';
import { api } from '../../../lib/api-client';

export const useRequestLoginLink = () =>
  useMutation({
    mutationFn: (input: RequestLoginLinkInput) =>
      api<{ sent: true }>('/api/auth/login-links', { method: 'POST', json: input }),
  });

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSessionInput) => api<Me>('/api/auth/sessions', { method: 'POST', json: input }),
    onSuccess: (me) => queryClient.setQueryData(meQueryOptions().queryKey, me),
  });
}
