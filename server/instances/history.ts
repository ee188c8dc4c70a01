import { sql } from 'drizzle-orm';
import type { CustomMetrics } from '../../contract/installs';
import type { Database } from '../db/database';

/**
 * An instance's history is bounded: the newest HISTORY_KEPT status, field and gap events, and the
 * newest METRIC_SAMPLES_KEPT custom-metric samples, so metrics never push status history out.
 * The instance's first "ready" event is kept besides: time to install is measured from it.
 * Status, field and gap events are written, and pruned, by the trigger on `instances`
 * (server/db/migrations/0007_instance_history.sql), where the row changes: a check-in stays one
 * statement, and an identical one writes nothing.
 */
export const HISTORY_KEPT = 1_000;
export const METRIC_SAMPLES_KEPT = 2_000;
/** At most one sample per metric this often: the SDK may post its metrics every few seconds. */
export const METRIC_SAMPLE_EVERY_MS = 10 * 60_000;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Drops an instance's oldest metric samples past the bound; called only after samples were written. */
async function pruneSamples(db: Database, instanceId: string) {
  await db.execute(sql`
    DELETE FROM instance_events
    WHERE instance_id = ${instanceId} AND kind = 'metric'
      AND id < (SELECT id FROM instance_events WHERE instance_id = ${instanceId} AND kind = 'metric'
                ORDER BY id DESC OFFSET ${METRIC_SAMPLES_KEPT - 1} LIMIT 1)`);
}

/**
 * Samples the numeric custom metrics an instance just reported: one row per metric, unless that
 * metric already has a sample from the last METRIC_SAMPLE_EVERY_MS. Strings and booleans are kept
 * only as the latest value, on the instance itself.
 */
export async function recordMetricSamples(
  db: Database,
  sample: { instanceId: string; teamId: string; at: Date; metrics: CustomMetrics },
) {
  const { instanceId, teamId, at } = sample;
  const since = new Date(at.getTime() - METRIC_SAMPLE_EVERY_MS).toISOString();
  const result = await db.execute(sql`
    WITH posted AS (
      SELECT key, value FROM jsonb_each(${JSON.stringify(sample.metrics)}::jsonb) WHERE jsonb_typeof(value) = 'number'
    ), sampled AS (
      INSERT INTO instance_events (instance_id, team_id, at, kind, field, new_value)
      SELECT ${instanceId}, ${teamId}, ${at.toISOString()}::timestamptz, 'metric', posted.key, posted.value
      FROM posted
      WHERE NOT EXISTS (SELECT 1 FROM instance_events e
                        WHERE e.instance_id = ${instanceId} AND e.at > ${since}::timestamptz
                          AND e.kind = 'metric' AND e.field = posted.key)
      RETURNING 1
    )
    SELECT count(*)::int AS sampled FROM sampled`);
  if ((rowsOf<{ sampled: number }>(result)[0]?.sampled ?? 0) > 0) await pruneSamples(db, instanceId);
}
