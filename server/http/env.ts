import type { AppBindings, AppDeps } from '../deps';
import type { Role } from '../../contract/me';

export type SessionContext = { tokenHash: string; userId: string; email: string; teamId: string; role: Role };

/** The Hono environment every route shares. */
export type AppEnv = {
  Bindings: AppBindings;
  Variables: { deps: Required<AppDeps>; session: SessionContext };
};
