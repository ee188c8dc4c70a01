import type { ReleaseImage } from '../../contract/catalogue';
import type { ArtifactStore } from '../deps';
import { readLayout, type LayoutEntry } from './oci-layout';

/** The vendor's Helm chart is the repository named after the app; every other one is an image. */
export const isChart = (repository: string, appSlug: string) => repository === appSlug;

/** The manifests of a release's container images: every repository tagged with the version but the chart. */
export function imageEntries(layout: readonly LayoutEntry[], appSlug: string, version: string): LayoutEntry[] {
  return layout.filter((e) => e.tag === version && !isChart(e.repository, appSlug));
}

/** The container images of a release, from the vendor's OCI layout, sorted by repository. */
export async function releaseImages(
  artifacts: ArtifactStore,
  appSlug: string,
  version: string,
): Promise<ReleaseImage[]> {
  return imageEntries(await readLayout(artifacts), appSlug, version)
    .map(({ repository, tag }) => ({ repository, tag }))
    .sort((a, b) => a.repository.localeCompare(b.repository));
}
