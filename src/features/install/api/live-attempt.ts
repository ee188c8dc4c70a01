import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { InstallAttempt } from '../../../../contract/installs';
import { installKeys } from './installs';

export type LiveMode = 'live' | 'polling';

/**
 * Keeps an attempt's query fresh from server-sent events, so checkboxes tick as install traffic
 * arrives. Where EventSource is missing or the stream fails, the page polls instead.
 */
export function useLiveAttempt(teamId: string, attemptId: string, enabled: boolean): LiveMode {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<LiveMode>(typeof EventSource === 'undefined' ? 'polling' : 'live');

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/installs/${encodeURIComponent(attemptId)}/events`);
    source.addEventListener('attempt', (event) => {
      const attempt = JSON.parse((event as MessageEvent<string>).data) as InstallAttempt;
      queryClient.setQueryData(installKeys.detail(teamId, attemptId), attempt);
      setMode('live');
    });
    // The stream ends when the connection drops, and when the session may no longer see the
    // attempt (signed out, expired, removed from the team). EventSource reconnects by itself and
    // gives up if the portal refuses (401, 404); meanwhile the page polls, starting now, so a
    // signed-out page meets its 401 at once.
    source.onerror = () => {
      setMode('polling');
      void queryClient.invalidateQueries({ queryKey: installKeys.detail(teamId, attemptId) });
    };
    return () => source.close();
  }, [attemptId, enabled, queryClient, teamId]);

  return mode;
}
