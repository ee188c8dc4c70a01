import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/errors';
import { authenticateServiceAccount, type ServiceAccountIdentity } from './service-accounts';

/**
 * The machine behind an ingest request. Unknown, revoked and discarded tokens all get the same
 * 401, so a caller learns nothing about which tokens once existed.
 */
export async function requireServiceAccount(c: Context<AppEnv>, token: string | null): Promise<ServiceAccountIdentity> {
  const { db, now, identityCache } = c.get('deps');
  const identity = token ? await authenticateServiceAccount(db, token, now(), identityCache) : null;
  if (!identity) {
    throw new HttpError(401, 'unauthenticated', 'This token is not valid. Start a new installation in the portal.');
  }
  return identity;
}
