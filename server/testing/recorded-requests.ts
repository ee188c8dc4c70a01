/**
 * Check-ins exactly as the real clients send them, taken from their source (issue 7). Go's
 * `Header.Set` canonicalises names (net/textproto.CanonicalMIMEHeaderKey), so the SDK's
 * "X-Replicated-InstanceID" reaches the wire as "X-Replicated-Instanceid"; these keep the wire
 * spelling. `license` is whatever the client authenticates with: the license ID in the field, a
 * service-account token here.
 */
export type RecordedRequest = {
  /** Repository, file and commit the request was read from. */
  source: string;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  headers: [string, string][];
  /** null: the client sends no body at all. */
  body: string | null;
};

const basic = (license: string) => `Basic ${btoa(`${license}:${license}`)}`;

/** The instance's tags as the SDK puts them in X-Replicated-InstanceTagData. */
export const tagData = (tags: Record<string, string>, force = false) => btoa(JSON.stringify({ force, tags }));

/**
 * Replicated SDK `SendOnlineInstanceData`: replicated-sdk pkg/report/instance.go @ 1bef51e2,
 * headers from pkg/report/util.go @ 06dffc69 (`GetInstanceDataHeaders`), tags from
 * pkg/meta/types/types.go @ 0011a29d, user agent from pkg/buildversion/buildversion.go @ 2bca1982.
 */
export function sdkInstanceData(license: string, tags?: Record<string, string>): RecordedRequest {
  const resourceStates = [
    { kind: 'deployment', name: 'atlas-api', namespace: 'atlas', state: 'ready' },
    { kind: 'statefulset', name: 'atlas-db', namespace: 'atlas', state: 'ready' },
  ];
  return {
    source: 'replicatedhq/replicated-sdk pkg/report/instance.go@1bef51e2, pkg/report/util.go@06dffc69',
    method: 'POST',
    path: '/kots_metrics/license_instance/info',
    headers: [
      ['User-Agent', 'Replicated-SDK/v1.0.0'],
      ['Authorization', basic(license)],
      ['Content-Type', 'application/json'],
      ['X-Replicated-K8sversion', 'v1.31.4+k0s'],
      ['X-Replicated-Clusterid', '5c0a7a8e-1f3b-4c3e-9d8a-2b6f7e1d9c40'],
      ['X-Replicated-Instanceid', '2vQ1kE8mX0cJ9bT4rZ7yW3nP6sA'],
      ['X-Replicated-Appstatus', 'ready'],
      ['X-Replicated-Downstreamchannelname', 'Stable'],
      ['X-Replicated-Downstreamchannelsequence', '5'],
      ['X-Replicated-K8sdistribution', 'embedded-cluster'],
      ...(tags ? [['X-Replicated-Instancetagdata', tagData(tags)] as [string, string]] : []),
    ],
    body: JSON.stringify({
      resource_states: JSON.stringify(resourceStates),
      running_images: { 'registry.atlas.example/atlas/api': ['sha256:3f1c'] },
    }),
  };
}

/**
 * KOTS `SendOnlineAppInfo`: kots pkg/reporting/app_online.go @ 06dfe0a9 posts with a nil body;
 * headers from pkg/reporting/util.go @ 0ccd6701 (`InjectReportingInfoHeaders`), which sets some
 * of them to empty strings.
 */
export function kotsAppInfo(license: string): RecordedRequest {
  return {
    source: 'replicatedhq/kots pkg/reporting/app_online.go@06dfe0a9, pkg/reporting/util.go@0ccd6701',
    method: 'POST',
    path: '/kots_metrics/license_instance/info',
    headers: [
      ['Authorization', basic(license)],
      ['Content-Type', 'application/json'],
      ['X-Replicated-K8sversion', 'v1.30.6+k3s1'],
      ['X-Replicated-Iskurl', 'false'],
      ['X-Replicated-Appstatus', 'degraded'],
      ['X-Replicated-Clusterid', ''],
      ['X-Replicated-Instanceid', '2vQ3kotsAppId0000000000000a'],
      ['X-Replicated-Replhelminstalls', '0'],
      ['X-Replicated-Nativehelminstalls', '0'],
      ['X-Replicated-Downstreamchannelsequence', '4'],
      ['X-Replicated-Downstreamchannelname', 'Stable'],
      ['X-Replicated-Installstatus', 'deployed'],
      ['X-Replicated-Skippreflights', 'false'],
      ['X-Replicated-Kurlnodecounttotal', '0'],
      ['X-Replicated-Kurlnodecountready', '0'],
      ['X-Replicated-Isgitopsenabled', 'false'],
      ['X-Replicated-Gitopsprovider', ''],
    ],
    body: null,
  };
}

/** Acme's license ID in the demo catalogue (demo/portico.yaml), which the test portal loads. */
export const ACME_LICENSE_ID = '2kLp9QvX7mRt4Acme';

/** The cluster the recorded installer runs on, and so the SDK's X-Replicated-EmbeddedClusterID. */
export const EC_CLUSTER_ID = '6a1b7c2d-0e9f-4a3b-8c7d-5e4f3a2b1c0d';
const EC_VERSION = '2.4.0+k8s-1.31';
const ecHeaders: [string, string][] = [
  ['Content-Type', 'application/json'],
  ['User-Agent', `Embedded-Cluster/${EC_VERSION}`],
];
const versions = { EmbeddedCluster: EC_VERSION, Kubernetes: 'v1.31.4+k0s' };
const genericEvent = (eventType: string, clusterID: string, reason = '', isExitEvent = false) => ({
  executionID: '3f0c1d52-4a8e-4f0e-9f5c-0d3b2a9e7c11',
  clusterID,
  version: EC_VERSION,
  hostname: 'vm-1',
  entryCommand: 'install',
  flags: '--license license.yaml',
  eventType,
  reason,
  isExitEvent,
});
const EC_SOURCE =
  'replicatedhq/embedded-cluster pkg/metrics/util.go@c40345bb (EventURL, EventPayload), pkg/metrics/types/types.go@2b178e00';

/**
 * Embedded Cluster `InstallationStarted`: its own path, no Authorization header, the license ID
 * inside the envelope's event (the only event that carries it).
 */
export function ecInstallationStarted(licenseId: string, clusterId = EC_CLUSTER_ID): RecordedRequest {
  return {
    source: EC_SOURCE,
    method: 'POST',
    path: '/embedded_cluster_metrics/InstallationStarted',
    headers: ecHeaders,
    body: JSON.stringify({
      event: {
        ...genericEvent('InstallationStarted', clusterId),
        binaryName: 'atlas',
        type: 'centralized',
        licenseID: licenseId,
        appChannelID: '2kLp9QvX7mRt4StableCh',
        appVersion: '1.4.0',
      },
      versions,
    }),
  };
}

/** Every other installer event: POST …/GenericEvent with its name in `event.eventType`. */
export function ecGenericEvent(
  eventType: string,
  { clusterId = EC_CLUSTER_ID, reason = '', isExitEvent = true } = {},
): RecordedRequest {
  return {
    source: EC_SOURCE,
    method: 'POST',
    path: '/embedded_cluster_metrics/GenericEvent',
    headers: ecHeaders,
    body: JSON.stringify({ event: genericEvent(eventType, clusterId, reason, isExitEvent), versions }),
  };
}

/**
 * Embedded Cluster host preflights that failed, as `ReportHostPreflightsFailed` sends them
 * (pkg/metrics/reporter.go @ cc85f173): a GenericEvent named PreflightsFailed, not an exit event,
 * with the node's name and the results (api/types/preflight.go @ 7c303cdf `PreflightsOutput`) as a
 * JSON string. The installer then stops without an InstallationFailed (see events.ts).
 */
export function ecPreflightsFailed(
  fail: { title: string; message: string }[],
  { clusterId = EC_CLUSTER_ID, entryCommand = 'install' } = {},
): RecordedRequest {
  const output = {
    pass: [{ title: 'Memory', message: 'The system has at least 8G of memory', strict: false }],
    warn: null,
    fail: fail.map((check) => ({ ...check, strict: false })),
  };
  return {
    source:
      'replicatedhq/embedded-cluster pkg/metrics/reporter.go@cc85f173 (ReportHostPreflightsFailed), pkg/metrics/types/types.go@e57975eb',
    method: 'POST',
    path: '/embedded_cluster_metrics/GenericEvent',
    headers: ecHeaders,
    body: JSON.stringify({
      event: {
        ...genericEvent('PreflightsFailed', clusterId),
        entryCommand,
        nodeName: 'vm-1',
        preflightOutput: JSON.stringify(output),
      },
      versions,
    }),
  };
}

/**
 * The local artifact mirror fetching a cluster's upgrade (`pull binaries`): GET
 * `<metricsBaseURL>/embedded/<appSlug>/<channelID>/<appVersion>` with `SetBasicAuth(licenseID,
 * licenseID)` and no User-Agent of its own, so Go's default (cmd/local-artifact-mirror/
 * pull_binaries.go @ 9bf21ed4 `releaseURL`, `doBinaryRequest`; read at 3ee1f5b9). The operator
 * runs it with `--channel-id` (operator/pkg/artifacts/upgrade.go @ 95827899).
 */
export function lamPullBinaries(licenseId: string, channelId: string, version: string): RecordedRequest {
  return {
    source:
      'replicatedhq/embedded-cluster cmd/local-artifact-mirror/pull_binaries.go@9bf21ed4 (releaseURL, doBinaryRequest)',
    method: 'GET',
    path: `/embedded/atlas/${channelId}/${version}`,
    headers: [
      ['User-Agent', 'Go-http-client/1.1'],
      ['Authorization', basic(licenseId)],
      ['Accept-Encoding', 'gzip'],
    ],
    body: null,
  };
}

/** Replays a recorded request byte for byte through the BFF: header spelling, empty values and all. */
export function replay(
  portal: { app: { request: (url: string, init: RequestInit) => Response | Promise<Response> } },
  request: RecordedRequest,
  change: (headers: Headers) => void = () => {},
) {
  const headers = new Headers(request.headers);
  change(headers);
  return portal.app.request(`http://portal.test${request.path}`, {
    method: request.method,
    headers,
    body: request.body,
  });
}
