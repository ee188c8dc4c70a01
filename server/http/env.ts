import type { AppBindings, AppDeps } from '../deps';
import type { Role } from '../../contract/me';

type SessionBase = {
  teamId: string;
  role: Role;
  /** The hash of the credential behind the request: the session cookie's token, or the Bearer token. */
  tokenHash: string;
};

/** A person signed in with a session cookie. */
export type PersonSession = SessionBase & { kind: 'user'; userId: string; email: string };

/** A team's automation behind a manual service account's Bearer token (bearer-session.ts). */
export type ServiceAccountSession = SessionBase & { kind: 'service_account'; serviceAccountId: string; name: string };

/**
 * Who is behind a signed-in request. Code that needs a person (an account, a sign-out, an invite)
 * narrows on `kind` or asks `personSession`, so a service account can never pass for one.
 */
export type SessionContext = PersonSession | ServiceAccountSession;

/** The Hono environment every route shares. */
export type AppEnv = {
  Bindings: AppBindings;
  Variables: { deps: Required<AppDeps>; session: SessionContext };
};
