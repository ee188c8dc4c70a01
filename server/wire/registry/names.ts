/**
 * The OCI distribution spec's grammar for what a client names in a /v2 path ("Pulling
 * manifests"): a repository name, and a reference that is a tag or a digest. Nothing outside it
 * reaches a lookup or a header (issue 6, defect 5).
 */
const COMPONENT = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*';
const NAME = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
/** Clients and registries cap the whole name; 255 is what docker/distribution enforces. */
const NAME_MAX_LENGTH = 255;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

export const isRepositoryName = (name: string) => name.length <= NAME_MAX_LENGTH && NAME.test(name);

export const isReference = (reference: string) => TAG.test(reference) || DIGEST.test(reference);

/** What a repository request names: /v2/<name>/manifests|blobs|tags/<last segment>. */
export type RepositoryRequest = { name: string; kind: 'manifests' | 'blobs' | 'tags'; reference: string };

/** The repository a /v2 path is about, as sent (not yet validated), or null for other paths. */
export function repositoryRequestOf(path: string): RepositoryRequest | null {
  // `s`: a decoded CR or LF in the name must not end the match and hide the name from the check.
  const match = /^\/v2\/(.+)\/(manifests|blobs|tags)\/([^/]*)$/s.exec(path);
  if (!match) return null;
  return { name: match[1]!, kind: match[2] as RepositoryRequest['kind'], reference: match[3]! };
}
