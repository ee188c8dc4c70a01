import type { RecordedRequest } from './recorded-requests';

/**
 * The update check and custom metrics exactly as the real clients send them (issue 7), read from
 * their source at the commits the reference was written from. Header names keep Go's canonical
 * spelling (`Header.Set`), query strings Go's `url.Values.Encode` order (sorted by name). Go's
 * transport adds Accept-Encoding and Content-Length itself; they are left out.
 */

const basic = (license: string) => `Basic ${btoa(`${license}:${license}`)}`;

const SDK = 'replicatedhq/replicated-sdk';
const SDK_COMMIT = 'b5ecbac3';
const EC = 'replicatedhq/embedded-cluster';
const EC_COMMIT = '3ee1f5b9';
const EC_VERSION = '2.4.0+k8s-1.31';

/** The instance the SDK reports: `GetInstanceDataHeaders` in pkg/report/util.go. */
export const SDK_INSTANCE_ID = '2vQ1kE8mX0cJ9bT4rZ7yW3nP6sA';

/**
 * The SDK's instance headers (pkg/report/util.go `GetInstanceDataHeaders`, pkg/report/instance.go
 * `GetInstanceData`). Its channel ID is the license's (or the chart's `replicated.channelID`), so
 * it sends X-Replicated-DownstreamChannelID and no name; X-Replicated-AppStatus only once its
 * informers have reported, which at start-up they have not.
 */
function sdkHeaders(license: string, channelId: string, appStatus?: string): [string, string][] {
  return [
    ['User-Agent', 'Replicated-SDK/v1.19.6'],
    ['Authorization', basic(license)],
    ['Content-Type', 'application/json'],
    ['X-Replicated-K8sversion', 'v1.31.4+k0s'],
    ['X-Replicated-Clusterid', '5c0a7a8e-1f3b-4c3e-9d8a-2b6f7e1d9c40'],
    ['X-Replicated-Instanceid', SDK_INSTANCE_ID],
    ...(appStatus ? [['X-Replicated-Appstatus', appStatus] as [string, string]] : []),
    ['X-Replicated-Downstreamchannelid', channelId],
    ['X-Replicated-Downstreamchannelsequence', '4'],
    ['X-Replicated-K8sdistribution', 'embedded-cluster'],
  ];
}

/**
 * The SDK's update check, `GetUpdates` in pkg/upstream/replicated.go: POST with the instance's
 * headers and body. At start-up (pkg/apiserver/bootstrap.go) its app status is not known yet, so
 * the body is `{}` and there is no X-Replicated-AppStatus; on a later `GET /api/v1/app/updates`
 * both are there. `channelSequence` is empty when the instance's channel is not the license's.
 */
export function sdkUpdateCheck(
  license: string,
  channelId: string,
  { channelSequence = '4', startUp = true }: { channelSequence?: string; startUp?: boolean } = {},
): RecordedRequest {
  const states = [{ kind: 'deployment', name: 'atlas-api', namespace: 'atlas', state: 'degraded' }];
  return {
    source: `${SDK} pkg/upstream/replicated.go@${SDK_COMMIT}, pkg/report/util.go@${SDK_COMMIT}, pkg/apiserver/bootstrap.go@${SDK_COMMIT}`,
    method: 'POST',
    path: `/release/atlas/pending?channelSequence=${channelSequence}&isSemverSupported=true&licenseSequence=0&sortOrder=desc`,
    headers: sdkHeaders(license, channelId, startUp ? undefined : 'degraded'),
    body: startUp ? '{}' : JSON.stringify({ resource_states: JSON.stringify(states) }),
  };
}

/**
 * The SDK's custom metrics, `SendOnlineCustomAppMetrics` in pkg/report/custom_app_metrics.go: a
 * POST of the whole set, after the SDK merged what the app sent into what it had (pkg/meta/
 * latest_custom_metrics.go). The SDK itself never PATCHes upstream; `method: 'PATCH'` is the same
 * request from a client that leaves the merge to the portal.
 */
export function sdkCustomMetrics(
  license: string,
  channelId: string,
  data: Record<string, unknown>,
  method: 'POST' | 'PATCH' = 'POST',
): RecordedRequest {
  return {
    source: `${SDK} pkg/report/custom_app_metrics.go@${SDK_COMMIT}, pkg/report/util.go@${SDK_COMMIT}`,
    method,
    path: '/application/custom-metrics',
    headers: sdkHeaders(license, channelId, 'ready'),
    body: JSON.stringify({ data }),
  };
}

/**
 * The Embedded Cluster installer's check for a newer release before it installs,
 * `getCurrentAppChannelRelease` in cmd/installer/cli/release.go: a GET with an empty
 * channelSequence, reading the first release answered as the channel's latest.
 */
export function ecCurrentRelease(license: string, channelId: string): RecordedRequest {
  return {
    source: `${EC} cmd/installer/cli/release.go@${EC_COMMIT}, pkg/versions/versions.go@${EC_COMMIT}`,
    method: 'GET',
    path: `/release/atlas/pending?channelSequence=&isSemverSupported=true&selectedChannelId=${channelId}`,
    headers: [
      ['Authorization', basic(license)],
      ['User-Agent', `Embedded-Cluster/${EC_VERSION}`],
    ],
    body: null,
  };
}

/**
 * The installer's required-release check before an upgrade, `GetPendingReleases` in
 * pkg-new/replicatedapi/client.go (called from pkg-new/validation/upgradable.go): the releases
 * from the current one on (channelSequence is one less), oldest first, with its reporting headers
 * (pkg-new/replicatedapi/reporting.go).
 */
export function ecUpgradeReleases(license: string, channelId: string, currentSequence: number): RecordedRequest {
  return {
    source: `${EC} pkg-new/replicatedapi/client.go@${EC_COMMIT}, pkg-new/replicatedapi/reporting.go@${EC_COMMIT}`,
    method: 'GET',
    path: `/release/atlas/pending?channelSequence=${currentSequence - 1}&isSemverSupported=false&selectedChannelId=${channelId}&sortOrder=asc`,
    headers: [
      ['Authorization', basic(license)],
      ['User-Agent', `Embedded-Cluster/${EC_VERSION}`],
      ['X-Replicated-Downstreamchannelid', channelId],
      ['X-Replicated-Downstreamchannelname', 'Stable'],
      ['X-Replicated-K8sversion', 'v1.31.4+k0s'],
      ['X-Replicated-K8sdistribution', 'embedded-cluster'],
      ['X-Replicated-Embeddedclusterversion', EC_VERSION],
      ['X-Replicated-Embeddedclusterid', '6a1b7c2d-0e9f-4a3b-8c7d-5e4f3a2b1c0d'],
      ['X-Replicated-Iskurl', 'false'],
      ['Accept', 'application/json'],
      ['X-Replicated-Currentchannelsequence', String(currentSequence)],
    ],
    body: null,
  };
}
