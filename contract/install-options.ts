/**
 * What an install attempt may be, as plain values: no zod here, so the SPA's pages can list the
 * choices and build commands without loading the validator (the install attempt page's first
 * render, docs/decisions/020). contract/installs.ts builds the schemas from these and re-exports them.
 */

/** How a customer installs: Embedded Cluster on a Linux VM, or Helm into their own cluster. */
export const installMethods = ['embedded', 'helm'] as const;
export type InstallMethod = (typeof installMethods)[number];

export const networkModes = ['online', 'proxy', 'airgap'] as const;
export type NetworkMode = (typeof networkModes)[number];

export const kubernetesDistributions = ['vanilla', 'openshift', 'rancher', 'aks', 'eks', 'gke'] as const;
export type KubernetesDistribution = (typeof kubernetesDistributions)[number];

export const registryAccessModes = ['online', 'partial', 'offline'] as const;
export type RegistryAccess = (typeof registryAccessModes)[number];

export const attemptStatuses = ['in_progress', 'stalled', 'failed', 'succeeded', 'discarded'] as const;
export type AttemptStatus = (typeof attemptStatuses)[number];

/** In the order they happen; which apply depends on the method (see checkpointsFor). */
export const checkpointNames = [
  'started',
  'registry_login',
  'images_pulled',
  'assets_downloaded',
  'installation_completed',
  'instance_ready',
] as const;
export type CheckpointName = (typeof checkpointNames)[number];

export function checkpointsFor(method: InstallMethod): CheckpointName[] {
  return method === 'helm'
    ? ['started', 'registry_login', 'images_pulled', 'installation_completed', 'instance_ready']
    : ['started', 'assets_downloaded', 'installation_completed', 'instance_ready'];
}

export const instanceStatuses = ['missing', 'unavailable', 'degraded', 'updating', 'ready'] as const;
export type InstanceStatus = (typeof instanceStatuses)[number];

/** The longest proxy URL the contract accepts (its schema, contract/installs.ts, says why). */
export const PROXY_URL_MAX_LENGTH = 2048;

/** Installing through a proxy needs its URL; no other network mode uses one. */
export const needsProxyUrl = (network: NetworkMode) => network === 'proxy';

/** The proxy the install goes through: its URL when the network mode uses one, else none. */
export const proxyUrlOf = (options: { network: NetworkMode; proxyUrl?: string }) =>
  needsProxyUrl(options.network) ? options.proxyUrl : undefined;

/** An air-gapped install cannot reach the vendor's online registry; every other network can. */
export const registryAccessModesFor = (network: NetworkMode): readonly RegistryAccess[] =>
  network === 'airgap' ? registryAccessModes.filter((m) => m !== 'online') : registryAccessModes;

/**
 * Which networks a license allows for a method: online and proxy need the plain install type,
 * air gap its air-gap variant. A method with no network allowed is not offered at all.
 */
export function allowedNetworks(method: InstallMethod, installTypes: readonly string[]): NetworkMode[] {
  const [plain, airgap] = method === 'helm' ? ['helm', 'helm_airgap'] : ['embedded', 'airgap'];
  return [
    ...(installTypes.includes(plain!) ? (['online', 'proxy'] as const) : []),
    ...(installTypes.includes(airgap!) ? (['airgap'] as const) : []),
  ];
}
