import { z } from './zod';

/**
 * What the audit log records (issue 10). Each action names what was done; the SPA translates the
 * names, so they never change once written.
 */
export const auditActions = [
  'session.signed_in',
  'invite.sent',
  'invite.resent',
  'invite.revoked',
  'invite.accepted',
  'member.role_changed',
  'member.removed',
  'team.domain_allowlist_changed',
  'team.locale_changed',
  'service_account.created',
  'service_account.rotated',
  'service_account.revoked',
  'install.started',
  'install.discarded',
  'bundle.uploaded',
  'bundle.deleted',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditActorKinds = ['user', 'service_account', 'license', 'vendor'] as const;
export type AuditActorKind = (typeof auditActorKinds)[number];

/** Who did it, as they were named when they did. */
export type AuditActor = { kind: AuditActorKind; id: string | null; label: string };

/** What it was done to, as it was named then. */
export type AuditTarget = { kind: string; id: string; label: string };

/** One entry of `GET /api/team/audit`. */
export type AuditEvent = {
  id: string;
  at: string;
  actor: AuditActor;
  action: AuditAction;
  target: AuditTarget | null;
  /** The address the request came from, as the host saw it. */
  clientAddress: string | null;
  details: Record<string, string | number | boolean | null> | null;
};

export type AuditPage = { events: AuditEvent[]; nextCursor: string | null };

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 100;

const limitMessage = `limit must be a whole number from 1 to ${AUDIT_PAGE_MAX}.`;

/**
 * The query of `GET /api/team/audit`: the SPA builds its URLs from it and the BFF answers 400
 * naming the parameter it refuses. `actor` is an actor's key (`AuditActorOption.key`); blank is
 * the same as absent, so an emptied filter clears it.
 */
export const auditListQuerySchema = z.object({
  actor: z
    .string()
    .trim()
    .max(64, 'actor must be one of the keys GET /api/team/audit/actors lists.')
    .optional()
    .transform((value) => value || undefined),
  action: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.enum(auditActions, { error: `action must be one of ${auditActions.join(', ')}.` }).optional()),
  cursor: z.string().max(512, 'The cursor is not one this portal handed out.').optional(),
  limit: z.coerce
    .number({ error: limitMessage })
    .int(limitMessage)
    .min(1, limitMessage)
    .max(AUDIT_PAGE_MAX, limitMessage)
    .default(AUDIT_PAGE_DEFAULT),
});
export type AuditListQuery = z.input<typeof auditListQuerySchema>;
export type AuditListFilters = z.output<typeof auditListQuerySchema>;

/**
 * Someone who appears in the team's log, for the person filter. `key` is what `actor=` takes:
 * the actor's id, or its kind for an actor without one (a machine that presented the license ID).
 */
export type AuditActorOption = { key: string; kind: AuditActorKind; label: string };

/**
 * The most people `GET /api/team/audit/actors` lists: those most recently active. A team's log
 * only grows, and a select with thousands of options helps no one; anyone older is still found
 * with `actor=` (a shared link), and the Audit tab names them from the entries it shows.
 */
export const AUDIT_ACTORS_MAX = 200;
export type AuditActorList = { actors: AuditActorOption[] };
