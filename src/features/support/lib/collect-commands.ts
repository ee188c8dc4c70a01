import type { InstallType } from '../../../../contract/catalogue';
import { shellQuote } from '../../../lib/shell';

export type CollectMethod = 'embedded' | 'helm';
export type CollectStepId = 'ecCollect' | 'helmPlugin' | 'helmCollect';
export type CollectStep = { id: CollectStepId; commands: string[] };

/** The collection instructions a license's install types call for: one set per installer, air gap or not. */
export function collectMethods(installTypes: readonly InstallType[]): CollectMethod[] {
  const methods: CollectMethod[] = [];
  if (installTypes.includes('embedded') || installTypes.includes('airgap')) methods.push('embedded');
  if (installTypes.includes('helm') || installTypes.includes('helm_airgap')) methods.push('helm');
  return methods;
}

/**
 * The commands of reference/support-bundle-and-sdk-formats.md B5: the Embedded Cluster binary
 * collects its own bundle (EC >= 1.17.0); Helm installs troubleshoot's kubectl plugin, then
 * collects with the specs in the cluster (the Replicated SDK's spec Secret). The app slug comes
 * from the catalogue, so it passes through shellQuote like every value in a command.
 */
export function collectSteps(method: CollectMethod, appSlug: string): CollectStep[] {
  if (method === 'embedded') {
    return [{ id: 'ecCollect', commands: [`sudo ${shellQuote(`./${appSlug}`)} support-bundle`] }];
  }
  return [
    { id: 'helmPlugin', commands: ['kubectl krew install support-bundle'] },
    { id: 'helmCollect', commands: ['kubectl support-bundle --load-cluster-specs'] },
  ];
}
