import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import type { EventBus } from '../live/event-bus';
import { installAttempts } from '../db/schema';
import type { CheckpointName } from '../../contract/installs';

/** Where each checkpoint's time is kept: the one map from checkpoint names to columns. */
export const checkpointColumns = {
  started: 'startedAt',
  assets_downloaded: 'assetsDownloadedAt',
  registry_login: 'registryAuthenticatedAt',
  images_pulled: 'imagesPulledAt',
  installation_completed: 'installationCompletedAt',
  instance_ready: 'instanceReadyAt',
} as const satisfies Record<CheckpointName, keyof typeof installAttempts.$inferSelect>;

/** Every checkpoint but `started`, which creating the attempt records. */
export type RecordableCheckpoint = Exclude<CheckpointName, 'started'>;

type Ports = Pick<Required<AppDeps>, 'db' | 'now'> & { events: EventBus };

/**
 * Records that real traffic reached a checkpoint. The first time counts (a replay keeps the
 * original timestamp), any checkpoint is progress (it ends a stall), and open pages hear of it.
 * Returns whether anything changed.
 */
export async function recordCheckpoint(ports: Ports, attemptId: string, checkpoint: RecordableCheckpoint) {
  const column = installAttempts[checkpointColumns[checkpoint]];
  const at = ports.now();
  const [row] = await ports.db
    .update(installAttempts)
    .set({
      [checkpointColumns[checkpoint]]: sql`COALESCE(${column}, ${at.toISOString()}::timestamptz)`,
      lastProgressAt: at,
    })
    .where(and(eq(installAttempts.id, attemptId), isNull(installAttempts.discardedAt)))
    .returning({ teamId: installAttempts.teamId });
  if (row) ports.events.publish({ type: 'attempt.updated', teamId: row.teamId, attemptId });
  return Boolean(row);
}

/**
 * For steady traffic (check-ins, registry requests): records a checkpoint only if the attempt row
 * at hand does not have it yet, and notes the time on that row. The row may be the identity
 * cache's copy, so the requests that follow skip the write too.
 */
export async function recordCheckpointOnce(
  ports: Ports,
  attempt: typeof installAttempts.$inferSelect,
  checkpoint: RecordableCheckpoint,
) {
  const column = checkpointColumns[checkpoint];
  if (attempt[column]) return false;
  const recorded = await recordCheckpoint(ports, attempt.id, checkpoint);
  attempt[column] = ports.now();
  return recorded;
}

/** The installer reported a failure; its reason is shown to the customer as sent (as text). */
export async function recordFailure(ports: Ports, attemptId: string, reason: string) {
  const at = ports.now();
  const [row] = await ports.db
    .update(installAttempts)
    .set({ failedAt: at, failureReason: reason.slice(0, 2000), lastProgressAt: at })
    .where(and(eq(installAttempts.id, attemptId), isNull(installAttempts.discardedAt)))
    .returning({ teamId: installAttempts.teamId });
  if (row) ports.events.publish({ type: 'attempt.updated', teamId: row.teamId, attemptId });
  return Boolean(row);
}

/** Traffic that shows the install moving without reaching a checkpoint (the installer started). */
export async function recordProgress(ports: Ports, attemptId: string) {
  const [row] = await ports.db
    .update(installAttempts)
    .set({ lastProgressAt: ports.now() })
    .where(and(eq(installAttempts.id, attemptId), isNull(installAttempts.discardedAt)))
    .returning({ teamId: installAttempts.teamId });
  if (row) ports.events.publish({ type: 'attempt.updated', teamId: row.teamId, attemptId });
  return Boolean(row);
}
