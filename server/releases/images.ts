import type { ReleaseImage } from '../../contract/catalogue';
import type { ArtifactStore } from '../deps';

type IndexEntry = { annotations?: Record<string, string> };

/**
 * The container images of a release, from the vendor's OCI layout (oci/index.json): every
 * repository tagged with the version, except the Helm chart, which is named after the app.
 */
export async function releaseImages(
  artifacts: ArtifactStore,
  appSlug: string,
  version: string,
): Promise<ReleaseImage[]> {
  const text = await artifacts.readText('oci/index.json');
  if (!text) return [];
  let manifests: IndexEntry[] = [];
  try {
    manifests = (JSON.parse(text) as { manifests?: IndexEntry[] }).manifests ?? [];
  } catch {
    return [];
  }
  return manifests
    .map((m) => ({
      repository: m.annotations?.['io.portico.repository'],
      tag: m.annotations?.['org.opencontainers.image.ref.name'],
    }))
    .filter((m): m is ReleaseImage => !!m.repository && m.tag === version && m.repository !== appSlug)
    .sort((a, b) => a.repository.localeCompare(b.repository));
}
