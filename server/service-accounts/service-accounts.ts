import { and, eq, isNull, sql } from 'drizzle-orm';
import { SERVICE_ACCOUNT_TOKEN_PREFIX } from '../../contract/service-accounts';
import { hashToken, newToken } from '../auth/tokens';
import type { Database } from '../db/database';
import { installAttempts, serviceAccounts, teams } from '../db/schema';
import { HttpError } from '../http/errors';

/** Service-account tokens are recognisable in logs and secret scanners by this prefix. */
export { SERVICE_ACCOUNT_TOKEN_PREFIX };
const LAST_USED_RESOLUTION_MS = 60_000;

export async function issueServiceAccountToken(): Promise<{ token: string; tokenHash: string }> {
  const token = `${SERVICE_ACCOUNT_TOKEN_PREFIX}${newToken()}`;
  return { token, tokenHash: await hashToken(token) };
}

export type ServiceAccountIdentity = {
  serviceAccount: typeof serviceAccounts.$inferSelect;
  team: typeof teams.$inferSelect;
  /** The install attempt this just-in-time account belongs to, if it is one and not discarded. */
  attempt: typeof installAttempts.$inferSelect | null;
};

/**
 * Who a machine is: a service account (its token), or a license (the license ID the real clients
 * send), which names the team and no attempt (decision 008 says how one is found).
 */
export type MachineIdentity =
  | (ServiceAccountIdentity & { credential: 'token' })
  | { credential: 'license'; team: typeof teams.$inferSelect; attempt: null; serviceAccount: null };

/**
 * Recently authenticated tokens, so a machine that checks in or pulls many blobs does not pay two
 * wide queries per request. Entries live a few seconds, and the portal clears the cache whenever
 * it discards an attempt or replaces or revokes a token, so those take effect at once in this
 * process. (Replicas sharing PostgreSQL would each honour such a change within the TTL.)
 */
export class IdentityCache {
  private entries = new Map<string, { identity: MachineIdentity; expiresAt: number }>();

  constructor(private readonly ttlMs = 5_000) {}

  get(token: string, now: Date): MachineIdentity | null {
    const entry = this.entries.get(token);
    if (!entry || entry.expiresAt <= now.getTime()) return null;
    return entry.identity;
  }

  set(token: string, identity: MachineIdentity, now: Date) {
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(token, { identity, expiresAt: now.getTime() + this.ttlMs });
  }

  clear() {
    this.entries.clear();
  }

  /** Drops every entry of one service account, so its rotated or revoked token fails at once. */
  forget(serviceAccountId: string) {
    for (const [token, entry] of this.entries) {
      if (entry.identity.serviceAccount?.id === serviceAccountId) this.entries.delete(token);
    }
  }
}

/** A token past its expiry: refused on every endpoint, saying so, so its owner knows to replace it. */
export class TokenExpiredError extends HttpError {
  constructor(readonly expiresAt: Date) {
    super(
      401,
      'token_expired',
      `This service-account token expired on ${expiresAt.toISOString().slice(0, 10)}. Ask a team admin for a new one.`,
    );
  }
}

/** Refuses an identity whose token has expired; licenses and unexpiring tokens pass. */
export function refuseExpiredToken(identity: MachineIdentity, now: Date) {
  const expiresAt = identity.serviceAccount?.expiresAt;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) throw new TokenExpiredError(expiresAt);
}

/**
 * Who a token belongs to, or null for an unknown, revoked or discarded one; an expired token is
 * still answered, so callers can say it expired (refuseExpiredToken). Looked up by hash
 * (equality on a hash leaks nothing useful about the token), never by the token itself.
 */
export async function authenticateServiceAccount(
  db: Database,
  token: string,
  now: Date,
  cache?: IdentityCache,
): Promise<MachineIdentity | null> {
  if (!token.startsWith(SERVICE_ACCOUNT_TOKEN_PREFIX) || token.length > 200) return null;
  // Keyed by the token itself (memory only), so a cache hit skips hashing too.
  const cached = cache?.get(token, now);
  if (cached) return cached;
  const tokenHash = await hashToken(token);
  const [row] = await db
    .select({ serviceAccount: serviceAccounts, team: teams })
    .from(serviceAccounts)
    .innerJoin(teams, eq(teams.id, serviceAccounts.teamId))
    .where(and(eq(serviceAccounts.tokenHash, tokenHash), isNull(serviceAccounts.revokedAt)));
  if (!row) return null;
  const [attempt] = await db
    .select()
    .from(installAttempts)
    .where(and(eq(installAttempts.serviceAccountId, row.serviceAccount.id), isNull(installAttempts.discardedAt)));
  // A write per request would make every check-in pay for bookkeeping; once a minute is enough.
  const lastUsed = row.serviceAccount.lastUsedAt;
  if (!lastUsed || now.getTime() - lastUsed.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(serviceAccounts).set({ lastUsedAt: now }).where(eq(serviceAccounts.id, row.serviceAccount.id));
  }
  const identity = { ...row, attempt: attempt ?? null, credential: 'token' as const };
  cache?.set(token, identity, now);
  return identity;
}

/**
 * The team whose license ID this is, or null. Looked up by the ID's hash, like a token, so the
 * lookup's timing says nothing about which IDs exist.
 */
export async function authenticateLicense(
  db: Database,
  licenseId: string,
  now: Date,
  cache?: IdentityCache,
): Promise<MachineIdentity | null> {
  if (licenseId.startsWith(SERVICE_ACCOUNT_TOKEN_PREFIX) || licenseId.length > 200) return null;
  const cached = cache?.get(licenseId, now);
  if (cached) return cached;
  const [team] = await db
    .select()
    .from(teams)
    .where(eq(teams.licenseIdHash, await hashToken(licenseId)));
  if (!team) return null;
  const identity = { credential: 'license' as const, team, attempt: null, serviceAccount: null };
  cache?.set(licenseId, identity, now);
  return identity;
}

/**
 * The team's active service account of that name, whatever its case, or null. A revoked account's
 * name is free again (issue 10); installs and air-gap records share the namespace.
 */
export async function activeServiceAccountNamed(db: Database, teamId: string, name: string): Promise<string | null> {
  const [account] = await db
    .select({ id: serviceAccounts.id })
    .from(serviceAccounts)
    .where(
      and(
        eq(serviceAccounts.teamId, teamId),
        isNull(serviceAccounts.revokedAt),
        sql`lower(${serviceAccounts.name}) = ${name.toLowerCase()}`,
      ),
    );
  return account?.id ?? null;
}
