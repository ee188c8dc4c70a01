import type { AppEnv } from '../../http/env';
import type { installAttempts, teams } from '../../db/schema';

/**
 * Whoever the request's credentials belong to (/v2 has no sessions): the team, the install
 * attempt the pull counts for, if any (decision 008), and the secret to hand back as a bearer token.
 */
export type RegistryIdentity = {
  team: typeof teams.$inferSelect;
  attempt: typeof installAttempts.$inferSelect | null;
  token: string;
};

export type RegistryEnv = {
  Bindings: AppEnv['Bindings'];
  Variables: Pick<AppEnv['Variables'], 'deps'> & { registry: RegistryIdentity };
};
