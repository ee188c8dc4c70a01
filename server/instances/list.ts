import { sql, type SQL } from 'drizzle-orm';
import type { InstanceListFilters } from '../../contract/instances';
import type { CustomMetrics, Instance, InstanceDetails, InstallMethod, InstanceStatus } from '../../contract/installs';
import type { Database } from '../db/database';
import { installAttempts, instances } from '../db/schema';
import { decodeCursor, encodeCursor } from './cursor';
import { instanceNameSql } from './name';
import { presentInstance } from './present';
import { tabWhere } from './tabs';

type Filters = Omit<InstanceListFilters, 'cursor' | 'limit'>;

type Row = {
  id: string;
  external_id: string | null;
  airgap: boolean;
  status: InstanceStatus | null;
  details: InstanceDetails;
  install_method: InstallMethod | null;
  first_check_in_at: Date | string | null;
  last_check_in_at: Date | string | null;
  first_ready_at: Date | string | null;
  custom_metrics: CustomMetrics | null;
  custom_metrics_received_at: Date | string | null;
  attempt_name: string | null;
  attempt_method: InstallMethod | null;
  record_name: string | null;
  cursor_key: string;
};

/**
 * The sort key of each order, in the form the indexes of migration 0006 hold: an instance that
 * never checked in sorts as the oldest; names sort case-blind.
 */
const sortKey = (sort: Filters['sort']): SQL =>
  sort === 'name' ? sql`lower(${instanceNameSql()})` : sql`COALESCE(${instances.lastCheckInAt}, to_timestamp(0))`;

/** The sort key as the cursor carries it: timestamps to the microsecond, in UTC. */
const cursorKeyOf = (sort: Filters['sort']): SQL =>
  sort === 'name' ? sortKey(sort) : sql`to_char(${sortKey(sort)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A search term as an ILIKE pattern that matches it anywhere, its own % and _ taken literally. */
export const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtersWhere(teamId: string, filters: Filters, now: Date): SQL {
  const conditions: SQL[] = [sql`${instances.teamId} = ${teamId}`, tabWhere(filters.tab, now)];
  if (filters.status) conditions.push(sql`${instances.status} = ${filters.status}`);
  if (filters.version) conditions.push(sql`${instances.details}->>'versionLabel' = ${filters.version}`);
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    // The name as the page shows it, which is the reported id for an unnamed instance; matching
    // the id of a named one as well cost a third more per search (bench/instance-list.ts).
    conditions.push(sql`${instanceNameSql()} ILIKE ${pattern} ESCAPE '\\'`);
  }
  return sql.join(conditions, sql` AND `);
}

/**
 * One page of the team's instances under the filters, after the cursor: newest check-in first
 * (then id), or by name (then id). Written as one plain statement for the same reason as the
 * check-in's (docs/performance.md): it runs for every page of every list and export.
 */
export async function findInstancePage(
  db: Database,
  teamId: string,
  now: Date,
  filters: Filters,
  page: { cursor?: string; limit: number },
): Promise<{ instances: Instance[]; nextCursor: string | null }> {
  const key = sortKey(filters.sort);
  const descending = filters.sort === 'last_check_in';
  const conditions = [filtersWhere(teamId, filters, now)];
  if (page.cursor) {
    const after = decodeCursor(page.cursor, filters.sort);
    const at = descending ? sql`${after.key}::timestamptz` : sql`${after.key}`;
    conditions.push(
      descending
        ? sql`(${key}, ${instances.id}) < (${at}, ${after.id})`
        : sql`(${key}, ${instances.id}) > (${at}, ${after.id})`,
    );
  }
  const direction = descending ? sql`DESC` : sql`ASC`;
  const result = await db.execute(sql`
    SELECT ${instances.id} AS id, ${instances.externalId} AS external_id, ${instances.airgap} AS airgap,
           ${instances.status} AS status, ${instances.details} AS details,
           ${instances.installMethod} AS install_method,
           ${instances.firstCheckInAt} AS first_check_in_at, ${instances.lastCheckInAt} AS last_check_in_at,
           ${instances.firstReadyAt} AS first_ready_at, ${instances.customMetrics} AS custom_metrics,
           ${instances.customMetricsReceivedAt} AS custom_metrics_received_at,
           ${installAttempts.name} AS attempt_name, ${installAttempts.method} AS attempt_method,
           ${instances.name} AS record_name,
           ${cursorKeyOf(filters.sort)} AS cursor_key
    FROM ${instances} LEFT JOIN ${installAttempts} ON ${installAttempts.id} = ${instances.attemptId}
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${key} ${direction}, ${instances.id} ${direction}
    LIMIT ${page.limit + 1}`);
  const rows = (result as unknown as { rows: Row[] }).rows;
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const last = shown.at(-1);
  return {
    instances: shown.map((row) => toInstance(row, now)),
    nextCursor: more && last ? encodeCursor({ sort: filters.sort, key: last.cursor_key, id: last.id }) : null,
  };
}

const date = (value: Date | string | null) => (value === null ? null : new Date(value));

/** The SQL row in the columns presentInstance reads (a plain statement's rows are not typed). */
function toInstance(row: Row, now: Date): Instance {
  const attempt =
    row.attempt_name && row.attempt_method ? { name: row.attempt_name, method: row.attempt_method } : null;
  return presentInstance(
    {
      id: row.id,
      externalId: row.external_id,
      name: row.record_name,
      airgap: row.airgap,
      status: row.status,
      details: row.details,
      installMethod: row.install_method,
      firstCheckInAt: date(row.first_check_in_at),
      lastCheckInAt: date(row.last_check_in_at),
      firstReadyAt: date(row.first_ready_at),
      customMetrics: row.custom_metrics,
      customMetricsReceivedAt: date(row.custom_metrics_received_at),
    },
    attempt,
    now,
  );
}
