import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { RegistryEnv } from './env';
import { isRepositoryName, repositoryRequestOf } from './names';

/** The distribution-spec error codes this read-only registry answers with. */
export type OciErrorCode =
  | 'UNAUTHORIZED'
  | 'DENIED'
  | 'NAME_INVALID'
  | 'NAME_UNKNOWN'
  | 'MANIFEST_INVALID'
  | 'MANIFEST_UNKNOWN'
  | 'BLOB_UNKNOWN'
  | 'UNSUPPORTED'
  | 'UNKNOWN';

export class RegistryError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: OciErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const nameUnknown = () =>
  new RegistryError(404, 'NAME_UNKNOWN', 'This repository does not exist, or is not on your channel.');

export const nameInvalid = () =>
  new RegistryError(
    400,
    'NAME_INVALID',
    'This is not a repository name: use lowercase letters, digits and separators (. _ __ -), in components separated by /.',
  );

export const referenceInvalid = () =>
  new RegistryError(400, 'MANIFEST_INVALID', 'This is neither a tag nor a digest (sha256:<hex>).');

/**
 * Deliberately not the BFF's `{ error }` shape: under /v2 we answer in the OCI distribution
 * spec's `{ errors: [{ code, message }] }`, which docker, helm, skopeo and containerd parse and
 * show to the user (wire compatibility, architecture.md). A 401 carries the challenge that starts
 * the client's token flow.
 */
export function registryErrorResponse(c: Context<RegistryEnv>, error: RegistryError) {
  if (error.status === 401) c.header('WWW-Authenticate', challengeFor(c));
  return c.json({ errors: [{ code: error.code, message: error.message }] }, error.status);
}

/**
 * The realm is built from PUBLIC_URL, never from the request's Host header: clients send the
 * password to the realm, so it must not be steerable by whoever crafts the request.
 */
function challengeFor(c: Context<RegistryEnv>) {
  const url = new URL(c.get('deps').publicUrl);
  if (c.req.path === '/v2/token') return `Basic realm="${url.host}"`;
  // Only a name within the grammar, which has no quote, comma or control character, can be
  // quoted here without changing the header (issue 6, defect 5).
  const name = repositoryRequestOf(c.req.path)?.name;
  const scope = name && isRepositoryName(name) ? `,scope="repository:${name}:pull"` : '';
  return `Bearer realm="${url.origin}/v2/token",service="${url.host}"${scope}`;
}
