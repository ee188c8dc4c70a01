import type { Context } from 'hono';
import { constantTimeEqual } from '../auth/tokens';
import type { Ports } from '../deps';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/errors';
import type { teams } from '../db/schema';
import { licenseStatus } from '../releases/license';
import {
  authenticateLicense,
  authenticateServiceAccount,
  refuseExpiredToken,
  SERVICE_ACCOUNT_TOKEN_PREFIX,
  type MachineIdentity,
} from './service-accounts';

type Team = typeof teams.$inferSelect;

/**
 * The credentials machines send, in the forms their real clients use (reference B3, B5, §2.2).
 * The secret is a license ID (what the real clients hold) or a service-account token:
 * - curl in the download step and troubleshoot's upload: `Authorization: <secret>`;
 * - the Replicated SDK, KOTS and the local artifact mirror: `Basic base64(<license>:<license>)`;
 * - docker, helm and skopeo: `Basic base64(<email>:<secret>)`, then `Bearer <secret>` after the
 *   registry's token flow.
 * This is the one parser of them; the wire adapters say which forms they accept.
 */
export type Credentials =
  | { scheme: 'basic'; username: string; password: string }
  | { scheme: 'bearer'; token: string }
  | { scheme: 'raw'; token: string };

const MAX_HEADER_LENGTH = 4096;

export function parseAuthorization(header: string | undefined): Credentials | null {
  const value = header?.trim();
  if (!value || value.length > MAX_HEADER_LENGTH) return null;
  const space = value.indexOf(' ');
  // A scheme with nothing after it ("Bearer ") is empty credentials, not a raw token.
  if (space < 0) return /^(basic|bearer)$/i.test(value) ? null : { scheme: 'raw', token: value };
  const scheme = value.slice(0, space).toLowerCase();
  const rest = value.slice(space + 1).trim();
  if (scheme === 'bearer') return rest ? { scheme: 'bearer', token: rest } : null;
  if (scheme !== 'basic') return null;
  const decoded = decodeBase64Utf8(rest);
  const colon = decoded?.indexOf(':') ?? -1;
  if (decoded === null || colon < 0) return null;
  return { scheme: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * The secret in the credentials: a service-account token or a license ID. `any`: the raw or
 * Bearer secret, or a Basic password (the username is the customer's email and is not checked:
 * the secret alone says which team this is). `sdk`: only Basic whose two halves are the same, as
 * the Replicated SDK, KOTS and the local artifact mirror send `<licenseID>:<licenseID>`.
 */
export function secretOf(credentials: Credentials | null, accept: 'any' | 'sdk'): string | null {
  if (!credentials) return null;
  if (credentials.scheme !== 'basic') return accept === 'any' ? credentials.token : null;
  const { username, password } = credentials;
  if (!password) return null;
  if (accept === 'sdk' && !constantTimeEqual(username, password)) return null;
  return password;
}

/** Who the request's credentials belong to, or null: unknown, revoked and discarded look alike. */
export async function identifyMachine(
  deps: Pick<Ports, 'db' | 'now' | 'identityCache'>,
  header: string | undefined,
  accept: 'any' | 'sdk',
): Promise<{ identity: MachineIdentity; secret: string } | null> {
  const secret = secretOf(parseAuthorization(header), accept);
  const identity = secret && (await identifySecret(deps, secret));
  return identity ? { identity, secret: secret! } : null;
}

/**
 * A service-account token by its prefix, anything else as a license ID. An expired token throws
 * TokenExpiredError (a 401 that says so) on every endpoint that identifies machines.
 */
export async function identifySecret(deps: Pick<Ports, 'db' | 'now' | 'identityCache'>, secret: string) {
  const now = deps.now();
  const identity = secret.startsWith(SERVICE_ACCOUNT_TOKEN_PREFIX)
    ? await authenticateServiceAccount(deps.db, secret, now, deps.identityCache)
    : await authenticateLicense(deps.db, secret, now, deps.identityCache);
  if (identity) refuseExpiredToken(identity, now);
  return identity;
}

/**
 * The machine behind an ingest request, or a 401 in the BFF's error shape. Unknown, revoked and
 * discarded credentials all get the same answer, so a caller learns nothing about which existed.
 * A license ID of an expired license is a 403 that says so: the real clients stop on it too.
 */
export async function requireMachine(c: Context<AppEnv>, accept: 'any' | 'sdk') {
  const deps = c.get('deps');
  const machine = await identifyMachine(deps, c.req.header('authorization'), accept);
  if (!machine) {
    const how =
      accept === 'sdk'
        ? 'Send Authorization: Basic base64(licenseID:licenseID).'
        : 'Send the license ID or a service-account token in Authorization.';
    throw new HttpError(401, 'unauthenticated', `These credentials are not valid. ${how}`);
  }
  if (machine.identity.credential === 'license') refuseExpiredLicense(machine.identity.team, deps.now());
  return machine;
}

/** An expired license is refused with the date it ended, so the customer knows what to renew. */
export function refuseExpiredLicense(team: Pick<Team, 'licenseExpiresAt'>, now: Date) {
  if (licenseStatus(team.licenseExpiresAt, now) !== 'expired') return;
  const day = team.licenseExpiresAt!.toISOString().slice(0, 10);
  throw new HttpError(403, 'license_expired', `This license expired on ${day}. Contact your vendor to renew it.`);
}

function decodeBase64Utf8(text: string): string | null {
  try {
    const bytes = Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
