import { checkpointsFor, type InstallAttempt } from '../../contract/installs';
import { presentActor, type ActorNames } from '../db/actors';
import type { installAttempts } from '../db/schema';
import { checkpointColumns } from './checkpoints';
import { attemptStatus } from './status';

type AttemptRow = typeof installAttempts.$inferSelect;

/** An attempt as the SPA sees it: status derived now, checkpoints in the method's order. */
export function presentAttempt(
  row: AttemptRow,
  extra: ActorNames & { serviceAccountName: string | null },
  now: Date,
  stallAfterMs: number,
): InstallAttempt {
  return {
    id: row.id,
    name: row.name,
    method: row.method,
    options: row.options,
    version: row.version,
    status: attemptStatus(row, now, stallAfterMs),
    startedAt: row.startedAt.toISOString(),
    startedBy: presentActor(row.startedByKind, row.startedBy, extra),
    checkpoints: checkpointsFor(row.method).map((name) => ({
      name,
      at: row[checkpointColumns[name]]?.toISOString() ?? null,
    })),
    failureReason: row.failedAt ? row.failureReason : null,
    serviceAccount:
      row.serviceAccountId && extra.serviceAccountName
        ? { id: row.serviceAccountId, name: extra.serviceAccountName }
        : null,
  };
}
