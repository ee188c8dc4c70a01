import type { Context } from 'hono';
import { parseAuthorization } from '../service-accounts/credentials';
import { authenticateServiceAccount, refuseExpiredToken } from '../service-accounts/service-accounts';
import type { AppEnv, SessionContext } from './env';
import { HttpError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

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
 * service-account token acts as its team with the `member` role. An install's token belongs to
 * its install and the ingest endpoints, not the team's API. What it may not do here:
 * - `/api/me`: there is no person to describe;
 * - changes (anything but GET and HEAD): every change records the person who made it.
 */
export async function bearerSession(c: Context<AppEnv>): Promise<SessionContext> {
  const credentials = parseAuthorization(c.req.header('authorization'));
  const token = credentials?.scheme === 'bearer' ? credentials.token : '';
  const { db, now, identityCache } = c.get('deps');
  const at = now();
  const identity = await authenticateServiceAccount(db, token, at, identityCache);
  if (!identity || identity.credential !== 'token' || identity.serviceAccount.kind !== 'manual') {
    throw new HttpError(401, 'unauthenticated', 'This token is not valid: it is unknown or revoked.');
  }
  refuseExpiredToken(identity, at);
  const path = c.req.path;
  if (path === '/api/me' || path.startsWith('/api/me/')) {
    throw new HttpError(403, 'forbidden', 'A service-account token is not a person: sign in to see your account.');
  }
  if (!SAFE_METHODS.has(c.req.method)) {
    throw new HttpError(
      403,
      'forbidden',
      'A service-account token may read the team’s API; changes need a person signed in.',
    );
  }
  const { serviceAccount, team } = identity;
  return {
    tokenHash: '',
    userId: '',
    email: serviceAccount.name,
    teamId: team.id,
    role: 'member',
    serviceAccountId: serviceAccount.id,
  };
}
