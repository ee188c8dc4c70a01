import { and, eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { InstanceStatus } from '../../contract/installs';
import type {
  CustomMetricSeries,
  FieldChange,
  InstanceDetailsView,
  MetricValue,
  TimelineEntry,
  TrackedField,
} from '../../contract/instance-details';
import { installAttempts, instances, teams } from '../db/schema';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { INACTIVE_AFTER_MS } from './activity';
import { presentInstance } from './present';
import { uptimeOf, uptimeWindowStart } from './uptime';

/** How much of its history the page shows: the newest entries of each list, and of each series. */
export const TIMELINE_SHOWN = 100;
export const FIELD_CHANGES_SHOWN = 100;
export const SAMPLES_SHOWN = 144;

// Instance ids are UUIDs (newId); anything else names no instance, and is not sent to the database.
const INSTANCE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type EventRow = {
  at: string | Date;
  kind: 'status' | 'field' | 'gap';
  field: string | null;
  old_value: unknown;
  new_value: unknown;
};
type SampleRow = { field: string; at: string | Date; new_value: number };

const iso = (value: string | Date) => new Date(value).toISOString();
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** `GET /api/instances/:id`: one of the team's instances with its history; anyone else's is a 404. */
export async function instanceDetails(c: Context<AppEnv>) {
  const { db, now: clock } = c.get('deps');
  const teamId = c.get('session').teamId;
  const id = c.req.param('id') ?? '';
  if (!INSTANCE_ID.test(id)) throw notFound('That instance');
  const [row] = await db
    .select({ instance: instances, attempt: installAttempts, licenseCreatedAt: teams.licenseCreatedAt })
    .from(instances)
    .innerJoin(teams, eq(teams.id, instances.teamId))
    .leftJoin(installAttempts, eq(installAttempts.id, instances.attemptId))
    .where(and(eq(instances.id, id), eq(instances.teamId, teamId)));
  if (!row) throw notFound('That instance');
  const { instance, attempt } = row;
  const now = clock();

  // Bounded by the trigger's pruning: HISTORY_KEPT rows and the first ready one (history.ts).
  const events = rowsOf<EventRow>(
    await db.execute(sql`
      SELECT at, kind, field, old_value, new_value FROM instance_events
      WHERE instance_id = ${id} AND kind <> 'metric' ORDER BY at DESC, id DESC`),
  );
  const samples = rowsOf<SampleRow>(
    await db.execute(sql`
      SELECT field, at, new_value FROM (
        SELECT field, at, new_value, row_number() OVER (PARTITION BY field ORDER BY at DESC, id DESC) AS n
        FROM instance_events
        WHERE instance_id = ${id} AND kind = 'metric' AND at >= ${uptimeWindowStart(now).toISOString()}::timestamptz
      ) recent
      WHERE n <= ${SAMPLES_SHOWN} ORDER BY field, at`),
  );

  const statusChanges = events
    .filter((e) => e.kind === 'status')
    .map((e) => ({
      at: new Date(e.at),
      from: e.old_value as InstanceStatus | null,
      to: e.new_value as InstanceStatus | null,
    }));
  // Silences of an hour or more are kept; only those past the inactivity threshold are no data.
  const silent = (e: EventRow) =>
    e.kind === 'gap' &&
    !!e.old_value &&
    new Date(e.at).getTime() - new Date(e.old_value as string).getTime() > INACTIVE_AFTER_MS;
  const gaps = events.filter(silent).map((e) => ({ since: new Date(e.old_value as string), at: new Date(e.at) }));
  const timeline: TimelineEntry[] = events
    .filter((e) => (e.kind === 'status' && e.new_value) || silent(e))
    .slice(0, TIMELINE_SHOWN)
    .map((e) =>
      e.kind === 'gap'
        ? { kind: 'gap', at: iso(e.at), since: iso(e.old_value as string) }
        : {
            kind: 'status',
            at: iso(e.at),
            from: e.old_value as InstanceStatus | null,
            to: e.new_value as InstanceStatus,
          },
    );
  const fieldChanges: FieldChange[] = events
    .filter((e) => e.kind === 'field')
    .slice(0, FIELD_CHANGES_SHOWN)
    .map((e) => ({ at: iso(e.at), field: e.field as TrackedField, from: text(e.old_value), to: text(e.new_value) }));

  const firstReady = instance.firstReadyAt ?? attempt?.instanceReadyAt ?? null;
  const firstEvent = instance.firstCheckInAt ?? instance.createdAt;
  const since = (start: Date | null) =>
    firstReady && start && firstReady.getTime() >= start.getTime() ? firstReady.getTime() - start.getTime() : null;

  const body: InstanceDetailsView = {
    instance: presentInstance(instance, attempt, now),
    firstReadyAt: firstReady?.toISOString() ?? null,
    timeline,
    fieldChanges,
    uptime: uptimeOf({
      now,
      firstCheckInAt: instance.firstCheckInAt,
      lastCheckInAt: instance.lastCheckInAt,
      status: instance.status,
      statusChanges,
      gaps,
    }),
    customMetrics: metricSeries(instance.customMetrics, samples),
    customMetricsReceivedAt: instance.customMetricsReceivedAt?.toISOString() ?? null,
    timeToInstall: {
      licenseCreatedToFirstReady: since(row.licenseCreatedAt),
      firstEventToFirstReady: since(firstEvent),
    },
    attempt: attempt ? { id: attempt.id, name: attempt.name, method: attempt.method, options: attempt.options } : null,
  };
  return c.json(body);
}

/** Each metric the instance reports now, and each it has samples of, by name. */
function metricSeries(latest: Record<string, MetricValue> | null, samples: SampleRow[]): CustomMetricSeries[] {
  const byName = new Map<string, CustomMetricSeries>();
  for (const [name, value] of Object.entries(latest ?? {})) byName.set(name, { name, latest: value, series: [] });
  for (const sample of samples) {
    const series = byName.get(sample.field) ?? { name: sample.field, latest: null, series: [] };
    series.series.push({ at: iso(sample.at), value: Number(sample.new_value) });
    byName.set(sample.field, series);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
