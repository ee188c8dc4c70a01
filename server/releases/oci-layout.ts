import type { ArtifactStore } from '../deps';

/** A manifest as index.json lists it, with the repository and tag its annotations give it. */
export type LayoutEntry = { mediaType: string; digest: string; size: number; repository: string; tag: string };

type Descriptor = { mediaType?: string; digest?: string; size?: number };
export type Manifest = { mediaType?: string; config?: Descriptor; layers?: Descriptor[] };

const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;

export const isDigest = (reference: string) => SHA256_DIGEST.test(reference);

/** Content-addressed: the digest is validated first, so the path cannot leave the layout. */
export const blobPath = (digest: string) => `oci/blobs/sha256/${digest.slice('sha256:'.length)}`;

/** The vendor's OCI image layout (oci/index.json); an absent or unreadable one is empty. */
export async function readLayout(artifacts: ArtifactStore): Promise<LayoutEntry[]> {
  const text = await artifacts.readText('oci/index.json');
  if (!text) return [];
  let manifests: unknown[];
  try {
    manifests = (JSON.parse(text) as { manifests?: unknown[] }).manifests ?? [];
  } catch {
    return [];
  }
  return manifests.flatMap((m) => {
    const d = m as Descriptor & { annotations?: Record<string, string> };
    const repository = d.annotations?.['io.portico.repository'];
    const tag = d.annotations?.['org.opencontainers.image.ref.name'];
    if (!repository || !tag || !d.digest || !isDigest(d.digest) || !d.mediaType) return [];
    return [{ mediaType: d.mediaType, digest: d.digest, size: d.size ?? 0, repository, tag }];
  });
}

export async function readBlob(artifacts: ArtifactStore, digest: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const file = await artifacts.open(blobPath(digest));
  return file ? new Uint8Array(await new Response(file.body).arrayBuffer()) : null;
}

export function parseManifest(bytes: Uint8Array): Manifest | null {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as Manifest;
  } catch {
    return null;
  }
}
