import type { TeamActor } from './actors';
import { z } from './zod';

/**
 * Service accounts (issue 10, product reference §3.5): named identities of a team for its
 * automation, served under /api/team/service-accounts. A token is answered once, when an account
 * is created or its token rotated; the portal keeps only its hash.
 */

/** Every token starts with this, so logs and secret scanners can recognise one. */
export const SERVICE_ACCOUNT_TOKEN_PREFIX = 'portico_sa_';

/** As long as an instance's name, since an install's account is named after its instance. */
export const SERVICE_ACCOUNT_NAME_MAX_LENGTH = 63;

/** `install`: the just-in-time account of an install attempt; `manual`: one an admin made. */
export const serviceAccountKinds = ['manual', 'install'] as const;
export type ServiceAccountKind = (typeof serviceAccountKinds)[number];

export const serviceAccountStatuses = ['active', 'expired', 'revoked'] as const;
export type ServiceAccountStatus = (typeof serviceAccountStatuses)[number];

/** A calendar day, `YYYY-MM-DD`, as `<input type="date">` gives it. */
const day = z
  .string({ error: 'Enter the expiry as a date.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the expiry as a date.')
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && expiryOf(text).toISOString().startsWith(text), {
    message: 'Enter the expiry as a date.',
  });

export const createServiceAccountInputSchema = z.object({
  name: z
    .string({ error: 'Enter a name.' })
    .trim()
    .min(1, 'Enter a name.')
    .max(SERVICE_ACCOUNT_NAME_MAX_LENGTH, `Use at most ${SERVICE_ACCOUNT_NAME_MAX_LENGTH} characters.`)
    // Names show in lists and logs: no control, formatting or bidi characters (issue 6).
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'Use letters, digits, spaces, dots, dashes and underscores.'),
  /** The day the token stops working (at its start, UTC); left out for a token that does not expire. */
  expiresOn: day.optional(),
});
export type CreateServiceAccountInput = z.input<typeof createServiceAccountInputSchema>;

/** When a token with expiry day `day` stops working: the start of that day, UTC. */
export function expiryOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export type ServiceAccount = {
  id: string;
  name: string;
  kind: ServiceAccountKind;
  /**
   * Who made it: the admin for a manual account; for an install's, whoever started the install,
   * a person or a service account. Null when that doer is no longer known.
   */
  createdBy: TeamActor | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  status: ServiceAccountStatus;
};

export type ServiceAccountList = { serviceAccounts: ServiceAccount[] };

/** The answer to create and rotate: the account, and its token this one time. */
export type ServiceAccountWithToken = { serviceAccount: ServiceAccount; token: string };

/** An account's status: revoked wins over expired. */
export function serviceAccountStatus(
  account: { revokedAt: Date | null; expiresAt: Date | null },
  now: Date,
): ServiceAccountStatus {
  if (account.revokedAt) return 'revoked';
  if (account.expiresAt && account.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}
