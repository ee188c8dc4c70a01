import { useSyncExternalStore } from 'react';

/**
 * The portal stores service-account tokens only as hashes, so the browser that started an
 * install keeps its token to render the commands again on "Continue". Elsewhere, the user can
 * replace the token (the old one stops working).
 */
const key = (attemptId: string) => `portico.install-token.${attemptId}`;
const listeners = new Set<() => void>();

export function rememberToken(attemptId: string, token: string) {
  localStorage.setItem(key(attemptId), token);
  listeners.forEach((l) => l());
}

export function forgetToken(attemptId: string) {
  localStorage.removeItem(key(attemptId));
  listeners.forEach((l) => l());
}

export function useStoredToken(attemptId: string): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => localStorage.getItem(key(attemptId)),
  );
}
