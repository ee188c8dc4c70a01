/**
 * License sync requests exactly as the real clients send them, taken from their source (issue 7).
 * Go's `Header.Set`/`Add` canonicalise names (net/textproto.CanonicalMIMEHeaderKey), so
 * "X-Replicated-InstanceID" reaches the wire as "X-Replicated-Instanceid"; these keep the wire
 * spelling. `license` is what the client authenticates with: the license ID from its license.
 */
export type RecordedGet = {
  /** Repository, file and commit the request was read from. */
  source: string;
  method: 'GET';
  path: string;
  headers: [string, string][];
};

const basic = (license: string) => `Basic ${btoa(`${license}:${license}`)}`;

const SDK_SOURCE =
  'replicatedhq/replicated-sdk pkg/license/license.go@b5ecbac3, pkg/util/request.go@b5ecbac3, ' +
  'pkg/report/util.go@b5ecbac3 (GetInstanceDataHeaders), pkg/buildversion/buildversion.go@b5ecbac3';

/**
 * What every SDK license request carries: `util.NewRequest` adds the User-Agent, then
 * `SetBasicAuth(licenseID, licenseID)` and `report.InjectInstanceDataHeaders`.
 */
const sdkHeaders = (license: string): [string, string][] => [
  ['User-Agent', 'Replicated-SDK/v1.19.6'],
  ['Authorization', basic(license)],
  ['X-Replicated-K8sversion', 'v1.31.4+k0s'],
  ['X-Replicated-Clusterid', '5c0a7a8e-1f3b-4c3e-9d8a-2b6f7e1d9c40'],
  ['X-Replicated-Instanceid', '2vQ1kE8mX0cJ9bT4rZ7yW3nP6sA'],
  ['X-Replicated-Appstatus', 'ready'],
  ['X-Replicated-Downstreamchannelid', '2kLp9QvX7mRt4StableCh'],
  ['X-Replicated-Downstreamchannelsequence', '5'],
];

/** Replicated SDK `GetLatestLicense`: GET {endpoint}/license/{appSlug}, at bootstrap and every 4 hours. */
export function sdkLatestLicense(license: string, appSlug = 'atlas'): RecordedGet {
  return { source: SDK_SOURCE, method: 'GET', path: `/license/${appSlug}`, headers: sdkHeaders(license) };
}

/** Replicated SDK `GetLatestLicenseFields`: GET {endpoint}/license/fields. */
export function sdkLatestLicenseFields(license: string): RecordedGet {
  return { source: SDK_SOURCE, method: 'GET', path: '/license/fields', headers: sdkHeaders(license) };
}

/** Replicated SDK `GetLatestLicenseField`: GET {endpoint}/license/field/{name}, the name unescaped. */
export function sdkLatestLicenseField(license: string, name: string): RecordedGet {
  return { source: SDK_SOURCE, method: 'GET', path: `/license/field/${name}`, headers: sdkHeaders(license) };
}

/**
 * Embedded Cluster `SyncLicense`: GET {replicated.app}/license/{appSlug} with the license's
 * sequence and the channel built into the binary (url.Values.Encode sorts the keys), `Accept:
 * application/yaml`, and `injectHeaders`' Basic auth, user agent and reporting headers.
 * embedded-cluster pkg-new/replicatedapi/client.go@3ee1f5b9, reporting.go@3ee1f5b9,
 * pkg/versions/versions.go@3ee1f5b9.
 */
export function ecSyncLicense(license: string, { appSlug = 'atlas', licenseSequence = 1 } = {}): RecordedGet {
  const channelId = '2kLp9QvX7mRt4StableCh';
  return {
    source:
      'replicatedhq/embedded-cluster pkg-new/replicatedapi/client.go@3ee1f5b9, pkg-new/replicatedapi/reporting.go@3ee1f5b9',
    method: 'GET',
    path: `/license/${appSlug}?licenseSequence=${licenseSequence}&selectedChannelId=${channelId}`,
    headers: [
      ['Authorization', basic(license)],
      ['User-Agent', 'Embedded-Cluster/2.4.0+k8s-1.31'],
      ['X-Replicated-Downstreamchannelid', channelId],
      ['X-Replicated-Downstreamchannelname', 'Stable'],
      ['X-Replicated-K8sversion', 'v1.31.4+k0s'],
      ['X-Replicated-K8sdistribution', 'embedded-cluster'],
      ['X-Replicated-Embeddedclusterversion', '2.4.0+k8s-1.31'],
      ['X-Replicated-Embeddedclusterid', '6a1b7c2d-0e9f-4a3b-8c7d-5e4f3a2b1c0d'],
      ['X-Replicated-Iskurl', 'false'],
      ['Accept', 'application/yaml'],
    ],
  };
}

/** Replays a recorded GET through the BFF, header spelling and all; `change` alters the headers. */
export function replayGet(
  portal: { app: { request: (url: string, init: RequestInit) => Response | Promise<Response> } },
  request: RecordedGet,
  change: (headers: Headers) => void = () => {},
) {
  const headers = new Headers(request.headers);
  change(headers);
  return portal.app.request(`http://portal.test${request.path}`, { method: request.method, headers });
}
