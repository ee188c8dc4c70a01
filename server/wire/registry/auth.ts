import type { Context } from 'hono';
import { attemptFor } from '../../installs/attribution';
import { recordCheckpointOnce } from '../../installs/checkpoints';
import { licenseStatus } from '../../releases/license';
import { identifyMachine, parseAuthorization, secretOf } from '../../service-accounts/credentials';
import { TokenExpiredError } from '../../service-accounts/service-accounts';
import type { RegistryEnv, RegistryIdentity } from './env';
import { RegistryError } from './errors';

/**
 * Who is pulling. The commands log in with the customer's email as the username and a
 * service-account token or the license ID as the password (product reference §2.2); the username
 * is accepted as given and never checked, because the secret alone says which team this is, and a
 * teammate running the same commands under their own email is the same install.
 *
 * The first authenticated request of an attempt's token (the token endpoint or any /v2 call, so
 * Basic-only clients count too) records its registry_login checkpoint; later ones keep it.
 */
export async function authenticateRegistry(c: Context<RegistryEnv>): Promise<RegistryIdentity> {
  const deps = c.get('deps');
  const header = c.req.header('authorization');
  if (!secretOf(parseAuthorization(header), 'any')) {
    throw new RegistryError(
      401,
      'UNAUTHORIZED',
      'Log in with your email as the username and your license ID or service account token as the password.',
    );
  }
  const machine = await identifyMachine(deps, header, 'any').catch((error: unknown) => {
    // The registry answers in the distribution spec's shape, an expired token included.
    if (error instanceof TokenExpiredError) throw new RegistryError(401, 'UNAUTHORIZED', error.message);
    throw error;
  });
  if (!machine) {
    throw new RegistryError(
      401,
      'UNAUTHORIZED',
      'These credentials are not valid: the license ID or token is unknown or revoked, or its installation was discarded.',
    );
  }
  const { identity, secret } = machine;
  if (licenseStatus(identity.team.licenseExpiresAt, deps.now()) === 'expired') {
    throw new RegistryError(
      403,
      'DENIED',
      'Your license has expired, so images cannot be pulled. Contact your vendor.',
    );
  }
  const attempt = await attemptFor(deps, identity, { kind: 'registry' });
  if (attempt) await recordCheckpointOnce(deps, attempt, 'registry_login');
  return { team: identity.team, attempt, token: secret };
}
