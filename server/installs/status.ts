import type { AttemptStatus } from '../../contract/installs';

export const DEFAULT_STALL_AFTER_MS = 30 * 60_000;

type AttemptTimes = {
  discardedAt: Date | null;
  failedAt: Date | null;
  installationCompletedAt: Date | null;
  lastProgressAt: Date;
};

/**
 * The rules of architecture.md: discarded and succeeded are final; a reported failure is failed
 * unless a completion came after it (the customer re-ran the installer); no checkpoint for the
 * stall window is stalled, and any new checkpoint makes it in_progress again.
 */
export function attemptStatus(attempt: AttemptTimes, now: Date, stallAfterMs = DEFAULT_STALL_AFTER_MS): AttemptStatus {
  if (attempt.discardedAt) return 'discarded';
  const completed = attempt.installationCompletedAt;
  if (completed && (!attempt.failedAt || completed >= attempt.failedAt)) return 'succeeded';
  if (attempt.failedAt) return 'failed';
  return now.getTime() - attempt.lastProgressAt.getTime() > stallAfterMs ? 'stalled' : 'in_progress';
}
