import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Database } from '../db/database';
import { serviceAccounts } from '../db/schema';
import { parseAuthorization } from '../service-accounts/credentials';
import { authenticateServiceAccount, refuseExpiredToken } from '../service-accounts/service-accounts';
import type { AppEnv, ServiceAccountSession } from './env';
import { HttpError } from './errors';

/**
 * A request that authenticates with `Authorization: Bearer …` and no session cookie. Such a
 * request carries no ambient credential a browser adds by itself, so it needs no same-origin
 * check; one that also carries a cookie is checked like any browser request.
 */
export function isBearerRequest(c: Context): boolean {
  return parseAuthorization(c.req.header('authorization'))?.scheme === 'bearer' && !c.req.header('cookie');
}

/**
 * The team's automation behind a Bearer token (issue 10): a valid, unexpired, unrevoked manual
 * service-account token acts as its team with the `member` role, reading and changing what a
 * member may (installs, support bundles, air-gap records), and every change it makes names the
 * service account as its doer (docs/decisions/014-service-account-tokens.md). What needs a person
 * refuses it where it is served (`personSession`): `/api/me` and everything under it (the
 * account, team switch, preferences, invites to accept), and signing out. An install's token
 * belongs to its install and the ingest endpoints, not the team's API.
 */
export async function bearerSession(c: Context<AppEnv>): Promise<ServiceAccountSession> {
  const credentials = parseAuthorization(c.req.header('authorization'));
  const token = credentials?.scheme === 'bearer' ? credentials.token : '';
  const { db, now, identityCache } = c.get('deps');
  const at = now();
  const identity = await authenticateServiceAccount(db, token, at, identityCache);
  if (!identity || identity.credential !== 'token' || identity.serviceAccount.kind !== 'manual') {
    throw new HttpError(401, 'unauthenticated', 'This token is not valid: it is unknown or revoked.');
  }
  refuseExpiredToken(identity, at);
  const { serviceAccount, team } = identity;
  return {
    kind: 'service_account',
    tokenHash: serviceAccount.tokenHash,
    serviceAccountId: serviceAccount.id,
    name: serviceAccount.name,
    teamId: team.id,
    role: 'member',
  };
}

/**
 * Whether a Bearer session is still good: its token neither replaced (rotated), revoked nor
 * expired. An open live stream asks before each send, as it asks findSession for a person.
 */
export async function bearerSessionHolds(db: Database, session: ServiceAccountSession, at: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: serviceAccounts.id })
    .from(serviceAccounts)
    .where(
      and(
        eq(serviceAccounts.id, session.serviceAccountId),
        eq(serviceAccounts.teamId, session.teamId),
        eq(serviceAccounts.tokenHash, session.tokenHash),
        isNull(serviceAccounts.revokedAt),
        or(isNull(serviceAccounts.expiresAt), gt(serviceAccounts.expiresAt, at)),
      ),
    );
  return row !== undefined;
}
