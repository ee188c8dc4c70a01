import type { Context } from 'hono';
import type { AuditAction, AuditActor, AuditTarget } from '../../contract/audit';
import type { Database } from '../db/database';
import { auditEvents } from '../db/schema';
import { actorOf } from '../http/actor';
import type { AppEnv } from '../http/env';

export type AuditEntry = {
  teamId: string;
  actor: AuditActor;
  action: AuditAction;
  target?: AuditTarget | null;
  clientAddress?: string | null;
  details?: Record<string, string | number | boolean | null> | null;
};

/**
 * Writes one entry of the team's audit log. Called by the route that made the change, after it
 * succeeded (inside its transaction when it has one, so a change and its entry stand or fall
 * together).
 */
export async function recordAudit(db: Database, at: Date, entry: AuditEntry) {
  await db.insert(auditEvents).values({
    teamId: entry.teamId,
    at,
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    targetKind: entry.target?.kind ?? null,
    targetId: entry.target?.id ?? null,
    targetLabel: entry.target?.label ?? null,
    clientAddress: entry.clientAddress ?? null,
    details: entry.details ?? null,
  });
}

/**
 * Who is behind a request (a person, or a service account's Bearer token), and where it came
 * from, for an audit entry.
 */
export function sessionActor(c: Context<AppEnv>): { actor: AuditActor; clientAddress: string | null; teamId: string } {
  const session = c.get('session');
  const { kind, id, name } = actorOf(session);
  return {
    actor: { kind, id, label: name },
    clientAddress: c.env?.clientAddress ?? null,
    teamId: session.teamId,
  };
}
