import { useSyncExternalStore } from 'react';

/**
 * Which credential the attempt page's commands carry (decision 008): the attempt's token, the
 * default because it names the attempt, or the team's license ID, as in the vendor's
 * documentation. Remembered per attempt for the browser session, so "Continue" shows the same.
 */
export type Credential = 'token' | 'license';

const key = (attemptId: string) => `portico.install-credential.${attemptId}`;
const listeners = new Set<() => void>();

export function chooseCredential(attemptId: string, credential: Credential) {
  sessionStorage.setItem(key(attemptId), credential);
  listeners.forEach((l) => l());
}

export function useCredential(attemptId: string): Credential {
  const stored = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => sessionStorage.getItem(key(attemptId)),
  );
  return stored === 'license' ? 'license' : 'token';
}
