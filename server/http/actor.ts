import type { Context } from 'hono';
import type { TeamActor } from '../../contract/actors';
import type { AppEnv, PersonSession, SessionContext } from './env';
import { HttpError } from './errors';

/** The doer behind a signed-in request, as rows record it (kind and id) and pages show it. */
export function actorOf(session: SessionContext): TeamActor {
  return session.kind === 'user'
    ? { kind: 'user', id: session.userId, name: session.email }
    : { kind: 'service_account', id: session.serviceAccountId, name: session.name };
}

/**
 * The person signed in, for what only a person has: an account, a session to end, invites to
 * accept. A service account's Bearer token is refused here (issue 10).
 */
export function personSession(c: Context<AppEnv>): PersonSession {
  const session = c.get('session');
  if (session.kind !== 'user') {
    throw new HttpError(403, 'forbidden', 'A service-account token is not a person: a person must sign in to do this.');
  }
  return session;
}
