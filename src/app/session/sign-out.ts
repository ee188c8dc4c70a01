import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export const useSignOut = () => useMutation({ mutationFn: () => api<void>('/api/auth/session', { method: 'DELETE' }) });
