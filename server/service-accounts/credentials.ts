import type { Context } from 'hono';
import { constantTimeEqual } from '../auth/tokens';
import type { Ports } from '../deps';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/errors';
import { authenticateServiceAccount, type ServiceAccountIdentity } from './service-accounts';

/**
 * The credentials machines send, in the forms their real clients use (reference B3, B5, §2.2):
 * - curl in the download step and the Embedded Cluster installer: `Authorization: <token>`;
 * - the Replicated SDK: `Basic base64(<license>:<license>)`, both halves the token;
 * - docker, helm and skopeo: `Basic base64(<email>:<token>)`, then `Bearer <token>` after the
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
 * The service-account token in the credentials. `any`: the raw or Bearer token, or a Basic
 * password (the username is the customer's email and is not checked: the token alone says which
 * team and attempt this is). `sdk`: only Basic whose two halves are the same token.
 */
export function tokenOf(credentials: Credentials | null, accept: 'any' | 'sdk'): string | null {
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
): Promise<{ identity: ServiceAccountIdentity; token: string } | null> {
  const token = tokenOf(parseAuthorization(header), accept);
  const identity = token && (await authenticateServiceAccount(deps.db, token, deps.now(), deps.identityCache));
  return identity ? { identity, token: token! } : null;
}

/**
 * The machine behind an ingest request, or a 401 in the BFF's error shape. Unknown, revoked and
 * discarded tokens all get the same answer, so a caller learns nothing about which tokens existed.
 */
export async function requireMachine(c: Context<AppEnv>, accept: 'any' | 'sdk') {
  const machine = await identifyMachine(c.get('deps'), c.req.header('authorization'), accept);
  if (!machine) {
    const how = accept === 'sdk' ? ' Send Authorization: Basic base64(token:token).' : '';
    throw new HttpError(
      401,
      'unauthenticated',
      `This token is not valid. Start a new installation in the portal.${how}`,
    );
  }
  return machine;
}

function decodeBase64Utf8(text: string): string | null {
  try {
    const bytes = Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
