import type { AppBindings, AppDeps } from '../deps';
import type { Role } from '../../contract/me';

/**
 * Who is behind a signed-in request: a person's session, or a service account's Bearer token
 * (`serviceAccountId` set, `userId` and `tokenHash` empty, `email` its name).
 */
export type SessionContext = {
  tokenHash: string;
  userId: string;
  email: string;
  teamId: string;
  role: Role;
  serviceAccountId?: string;
};

/** The Hono environment every route shares. */
export type AppEnv = {
  Bindings: AppBindings;
  Variables: { deps: Required<AppDeps>; session: SessionContext };
};
