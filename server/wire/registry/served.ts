import type { AppEnv } from '../../http/env';
import { customerChartValues, type InjectedValues } from '../../releases/chart-values';
import { cachedCustomerChart, customerChart, isHelmChart, type CustomerChart } from '../../releases/customer-chart';
import { blobPath, isDigest, parseManifest, readBlob, type LayoutEntry } from '../../releases/oci-layout';
import type { RepositoryView } from './repository';

type Deps = AppEnv['Variables']['deps'];

/** A manifest as the pulling team is served it. */
type ServedManifest = {
  tag: string;
  digest: string;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** The blob it references that exists only for this team (a customer chart's layer). */
  own?: CustomerChart['layer'];
};

/** The manifest a tag or digest names, as this team is served it. */
export async function servedManifest(deps: Deps, teamId: string, view: RepositoryView, reference: string) {
  const byDigest = isDigest(reference);
  for await (const manifest of servedManifests(deps, teamId, view, byDigest ? undefined : reference)) {
    if ((byDigest ? manifest.digest : manifest.tag) === reference) return manifest;
  }
  return null;
}

/** A blob the team's manifests in this repository reference: its own copy, or the vendor's. */
export async function servedBlob(deps: Deps, teamId: string, view: RepositoryView, digest: string) {
  if (!isDigest(digest)) return null;
  for await (const served of servedManifests(deps, teamId, view)) {
    if (served.own?.digest === digest) return { body: served.own.bytes, size: served.own.bytes.length };
    // Only what this team's manifests reference: a digest alone does not open another release.
    const manifest = parseManifest(served.bytes);
    if ([manifest?.config, ...(manifest?.layers ?? [])].some((d) => d?.digest === digest)) {
      return deps.artifacts.open(blobPath(digest));
    }
  }
  return null;
}

/**
 * The repository's manifests (those of one tag, if given) as this team sees them: images as the
 * vendor shipped them, Helm charts with the team's values injected (releases/customer-chart.ts).
 * A customer chart's digest is known only once it is built, so charts already built come first
 * and the others are built only if the caller reads on (a lookup by an unknown digest).
 */
async function* servedManifests(deps: Deps, teamId: string, view: RepositoryView, tag?: string) {
  let valuesOf: ((version: string) => InjectedValues | null) | undefined;
  const unbuilt: [LayoutEntry, InjectedValues, string][] = [];
  for (const entry of view.entries) {
    if (tag !== undefined && entry.tag !== tag) continue;
    const bytes = await readBlob(deps.artifacts, entry.digest);
    const manifest = bytes && parseManifest(bytes);
    if (!bytes) continue;
    const mediaType = manifest?.mediaType ?? entry.mediaType;
    if (!isHelmChart(manifest)) {
      yield { tag: entry.tag, digest: entry.digest, mediaType, bytes } satisfies ServedManifest;
      continue;
    }
    valuesOf ??= await customerChartValues(deps, teamId);
    // openRepository lists only tags released on the team's channel, so each has values.
    const values = valuesOf(entry.tag);
    if (!values) continue;
    const built = await cachedCustomerChart(entry.digest, values);
    if (built) yield chartManifest(entry, mediaType, built);
    else unbuilt.push([entry, values, mediaType]);
  }
  for (const [entry, values, mediaType] of unbuilt) {
    yield chartManifest(entry, mediaType, await customerChart(deps.artifacts, entry.digest, values));
  }
}

const chartManifest = (entry: LayoutEntry, mediaType: string, chart: CustomerChart): ServedManifest => ({
  tag: entry.tag,
  digest: chart.digest,
  mediaType,
  bytes: chart.manifest,
  own: chart.layer,
});
