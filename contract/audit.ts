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
