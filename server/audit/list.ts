import { and, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  AUDIT_ACTORS_MAX,
  type AuditActorOption,
  type AuditEvent,
  type AuditListFilters,
  type AuditPage,
} from '../../contract/audit';
import type { Database } from '../db/database';
import { auditEvents } from '../db/schema';
import { decodeAuditCursor, encodeAuditCursor } from './cursor';

type Row = typeof auditEvents.$inferSelect;

/** An actor's key: its id, or its kind when it has none (the license ID names no one). */
const actorWhere = (key: string): SQL =>
  or(eq(auditEvents.actorId, key), and(isNull(auditEvents.actorId), sql`${auditEvents.actorKind} = ${key}`))!;

/** One page of the team's log, newest first, under the filters, after the cursor (keyset paging). */
export async function findAuditPage(db: Database, teamId: string, filters: AuditListFilters): Promise<AuditPage> {
  const conditions: SQL[] = [eq(auditEvents.teamId, teamId)];
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.actor) conditions.push(actorWhere(filters.actor));
  if (filters.cursor) conditions.push(lt(auditEvents.id, decodeAuditCursor(filters.cursor)));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(filters.limit + 1);
  const more = rows.length > filters.limit;
  const shown = more ? rows.slice(0, filters.limit) : rows;
  const last = shown.at(-1);
  return { events: shown.map(presentAuditEvent), nextCursor: more && last ? encodeAuditCursor(last.id) : null };
}

function presentAuditEvent(row: Row): AuditEvent {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actor: { kind: row.actorKind, id: row.actorId, label: row.actorLabel },
    action: row.action,
    target:
      row.targetKind && row.targetId ? { kind: row.targetKind, id: row.targetId, label: row.targetLabel ?? '' } : null,
    clientAddress: row.clientAddress,
    details: row.details ?? null,
  };
}

/**
 * The people in the team's log, for the person filter: the AUDIT_ACTORS_MAX most recently active,
 * each under the name of their newest entry, sorted by that name. Bounded because the log only
 * grows (every sign-in, every install's machine); a long-gone actor is still a valid `actor=`.
 */
export async function findAuditActors(db: Database, teamId: string): Promise<AuditActorOption[]> {
  const key = sql<string>`COALESCE(${auditEvents.actorId}, ${auditEvents.actorKind})`;
  const result = await db.execute(sql`
    WITH latest AS (
      SELECT ${key} AS key, max(${auditEvents.id}) AS newest
      FROM ${auditEvents}
      WHERE ${auditEvents.teamId} = ${teamId}
      GROUP BY 1
      ORDER BY newest DESC
      LIMIT ${AUDIT_ACTORS_MAX}
    )
    SELECT latest.key, e.actor_kind AS kind, e.actor_label AS label
    FROM latest JOIN ${auditEvents} e ON e.id = latest.newest`);
  const rows = (result as unknown as { rows: AuditActorOption[] }).rows;
  return rows
    .map((row) => ({ key: row.key, kind: row.kind, label: row.label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en') || a.key.localeCompare(b.key));
}
