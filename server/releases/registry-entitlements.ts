import type { InstallType } from '../../contract/catalogue';
import { isChart } from './images';

/**
 * Which install types let a license pull each kind of content from the portal's registry
 * (docs/decisions/005-registry-entitlements.md). The Helm chart is for Helm installs. Images are
 * pulled from here only by Helm installs, online or air gap (pulled on a workstation, then
 * pushed to a private registry); an Embedded Cluster install, online or air gap, takes its images
 * from the bundle the vendor built for it, so it has no reason to pull them here.
 */
const PULLED_BY = {
  chart: ['helm', 'helm_airgap'],
  image: ['helm', 'helm_airgap'],
} as const satisfies Record<string, readonly InstallType[]>;

/** Whether a license with these install types may pull this repository of the app (its chart or an image). */
export function mayPullFromRegistry(
  installTypes: readonly InstallType[],
  path: { app: string; repository: string },
): boolean {
  const allowed: readonly InstallType[] = PULLED_BY[isChart(path.repository, path.app) ? 'chart' : 'image'];
  return allowed.some((type) => installTypes.includes(type));
}
