import type { ArtifactStore } from '../deps';
import { rewriteChartValues } from './chart-archive';
import { mergeChartValues, type InjectedValues } from './chart-values';
import { readBlob, type Manifest } from './oci-layout';

const HELM_CONFIG = 'application/vnd.cncf.helm.config.v1+json';
const HELM_CHART_CONTENT = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
/** Built charts kept in memory; a build costs milliseconds, this only spares repeated pulls. */
const MAX_CACHED_BYTES = 32 * 1024 * 1024;

/** Helm charts are OCI artifacts known by their config's media type (helm.sh/helm/v3 pkg/registry). */
export const isHelmChart = (manifest: Manifest | null) => manifest?.config?.mediaType === HELM_CONFIG;

/** A vendor's chart as one customer is served it. */
export type CustomerChart = {
  manifest: Uint8Array<ArrayBuffer>;
  digest: string;
  /** The chart layer with the customer's values: the one blob of it that is not in the vendor's layout. */
  layer: { digest: string; bytes: Uint8Array<ArrayBuffer> };
};

const cache = new Map<string, CustomerChart>();
let cachedBytes = 0;

/**
 * The chart manifest `manifestDigest` of the vendor's layout with `values` merged into its
 * values.yaml: a new chart layer and a manifest pointing at it, the config and annotations kept.
 * Everything is a function of the vendor's chart and the values, so the same customer pulling the
 * same release gets the same digest (from any replica, cached or not) and two customers differ.
 */
export async function customerChart(
  artifacts: ArtifactStore,
  manifestDigest: string,
  values: InjectedValues,
): Promise<CustomerChart> {
  const key = await cacheKey(manifestDigest, values);
  const cached = fromCache(key);
  if (cached) return cached;
  const built = await buildChart(artifacts, manifestDigest, values);
  // A concurrent pull built the same bytes first: keep its copy, counted once.
  const raced = cache.get(key);
  if (raced) return raced;
  cache.set(key, built);
  cachedBytes += built.manifest.length + built.layer.bytes.length;
  for (const [oldest, chart] of cache) {
    if (cachedBytes <= MAX_CACHED_BYTES || oldest === key) break;
    cache.delete(oldest);
    cachedBytes -= chart.manifest.length + chart.layer.bytes.length;
  }
  return built;
}

/** The chart if it is already built, so a lookup by digest can try those before building others. */
export async function cachedCustomerChart(manifestDigest: string, values: InjectedValues) {
  return fromCache(await cacheKey(manifestDigest, values));
}

const cacheKey = async (manifestDigest: string, values: InjectedValues) =>
  `${manifestDigest} ${await sha256(new TextEncoder().encode(JSON.stringify(values)))}`;

function fromCache(key: string): CustomerChart | undefined {
  const cached = cache.get(key);
  if (cached) {
    // Most recently used last, so the oldest is evicted first.
    cache.delete(key);
    cache.set(key, cached);
  }
  return cached;
}

async function buildChart(artifacts: ArtifactStore, manifestDigest: string, values: InjectedValues) {
  const vendorManifest = await readBlob(artifacts, manifestDigest);
  const manifest = vendorManifest && (JSON.parse(new TextDecoder().decode(vendorManifest)) as Manifest);
  const layers = manifest?.layers ?? [];
  const index = layers.findIndex((l) => l.mediaType === HELM_CHART_CONTENT && l.digest);
  const chart = index >= 0 ? await readBlob(artifacts, layers[index]!.digest!) : null;
  if (!manifest || !chart) throw new Error(`The chart ${manifestDigest} or its content is missing from the layout.`);

  const bytes = await rewriteChartValues(chart, (old) => mergeChartValues(old, values));
  const layer = { digest: await sha256(bytes), bytes };
  const rewritten = {
    ...manifest,
    layers: layers.with(index, { ...layers[index], digest: layer.digest, size: bytes.length }),
  };
  const manifestBytes = new TextEncoder().encode(JSON.stringify(rewritten));
  return { manifest: manifestBytes, digest: await sha256(manifestBytes), layer };
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
