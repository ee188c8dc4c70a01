import type { AppEnv } from '../../http/env';
import type { ServiceAccountIdentity } from '../../service-accounts/service-accounts';

/** Whoever the request's token belongs to; /v2 has no sessions, only service-account tokens. */
export type RegistryIdentity = ServiceAccountIdentity & { token: string };

export type RegistryEnv = {
  Bindings: AppEnv['Bindings'];
  Variables: Pick<AppEnv['Variables'], 'deps'> & { registry: RegistryIdentity };
};
