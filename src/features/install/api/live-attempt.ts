import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { InstallAttempt } from '../../../../contract/installs';
import { useTeamId } from '../../../app/session/team';
import { installKeys } from './installs';

export type LiveMode = 'live' | 'polling';

/**
 * Keeps an attempt's query fresh from server-sent events, so checkboxes tick as install traffic
 * arrives. Where EventSource is missing or the stream fails, the page polls instead.
 */
export function useLiveAttempt(attemptId: string, enabled: boolean): LiveMode {
  const queryClient = useQueryClient();
  const teamId = useTeamId();
  const [mode, setMode] = useState<LiveMode>(typeof EventSource === 'undefined' ? 'polling' : 'live');

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/installs/${encodeURIComponent(attemptId)}/events`);
    source.addEventListener('attempt', (event) => {
      const attempt = JSON.parse((event as MessageEvent<string>).data) as InstallAttempt;
      queryClient.setQueryData(installKeys.detail(teamId, attemptId), attempt);
      setMode('live');
    });
    // EventSource reconnects by itself; meanwhile polling keeps the page honest.
    source.onerror = () => setMode('polling');
    return () => source.close();
  }, [attemptId, enabled, queryClient, teamId]);

  return mode;
}
