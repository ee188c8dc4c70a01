/**
 * What the BFF reads out of an uploaded troubleshoot support bundle (issue 9), shared with the
 * SPA. The formats behind each field: reference/support-bundle-and-sdk-formats.md A3 and A6.
 */

/** analysis.json's `severity` as troubleshoot writes it (A3): `error` = fail, `debug` = pass. */
export const bundleSeverities = ['error', 'warn', 'info', 'debug'] as const;
export type BundleSeverity = (typeof bundleSeverities)[number];

export type BundleAnalyzerResult = { name: string; title: string; severity: BundleSeverity; message: string };

/** How many analyzer results the facts keep; `counts` still counts every result. */
export const MAX_ANALYZER_RESULTS = 200;

/** A resource the SDK watches, as its report's `resource_states` lists it (A3). */
export type BundleResourceState = { kind: string; name: string; namespace: string; state: string };

export type BundleMetricValue = string | number | boolean;

/**
 * One instance seen in the air-gap report secrets (A3, A5): every event replayed in the order of
 * `reported_at`, so each field holds its latest reported value.
 */
export type BundleInstanceReport = {
  instanceId: string;
  source: 'sdk' | 'kots';
  clusterId: string | null;
  licenseId: string | null;
  /** From the SDK's app-info exec output, when it names the same instance. */
  appSlug: string | null;
  versionLabel: string | null;
  channelId: string | null;
  channelName: string | null;
  channelSequence: number | null;
  appStatus: string | null;
  resourceStates: BundleResourceState[];
  k8sVersion: string | null;
  k8sDistribution: string | null;
  /** `Replicated-SDK/<version>` or `KOTS/<version>` in the events' user agent. */
  sdkVersion: string | null;
  tags: Record<string, string>;
  /** The latest custom-metrics event's set (SDK only), null when the bundle has none. */
  customMetrics: Record<string, BundleMetricValue> | null;
  firstReportedAt: string;
  /** The latest event's time (ISO 8601, UTC): the instance was last seen then. */
  reportedAt: string;
  eventCount: number;
};

export type BundleFacts = {
  /** ISO 8601, UTC: when the bundle was written (version.yaml's modification time in the tar). */
  collectedAt: string | null;
  troubleshootVersion: string | null;
  k8sVersion: string | null;
  k8sDistribution: string | null;
  /** null when nodes.json is missing or unreadable (e.g. RBAC), not zero. */
  nodes: { total: number; ready: number } | null;
  analysis: {
    counts: Record<BundleSeverity, number>;
    results: BundleAnalyzerResult[];
  } | null;
  /** Every license ID the bundle names, for binding it to the uploader's license (A6). */
  licenseIds: string[];
  instanceReports: BundleInstanceReport[];
};

/** Stable codes: the SPA translates them; `message` is the English fallback. */
export const bundleRefusalCodes = [
  'not_a_bundle',
  'corrupt_gzip',
  'truncated',
  'corrupt_tar',
  'trailing_data',
  'too_large',
  'bomb_ratio',
  'too_many_entries',
  'invalid_name',
  'absolute_path',
  'path_traversal',
  'link_outside',
  'link_loop',
  'link_parent',
  'hard_link',
  'device_file',
  'unsupported_entry',
  'duplicate_path',
  'several_roots',
  'no_version_file',
] as const;
export type BundleRefusalCode = (typeof bundleRefusalCodes)[number];

/** Why a bundle is refused: `message` is a sentence a customer understands, naming the entry. */
export type BundleRefusal = { code: BundleRefusalCode; message: string; path?: string };

/** One entry of the bundle's tree, its path relative to the bundle's top folder. */
export type BundleFile = {
  path: string;
  size: number;
  type: 'file' | 'directory' | 'symlink';
  /** A symlink's target, resolved to a path of the bundle (A7: links never leave the root). */
  target?: string;
};
