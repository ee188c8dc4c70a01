import type { TFunction } from 'i18next';
import type { Instance } from '../../../../contract/installs';

/**
 * The cloud a managed Kubernetes distribution runs in: the only place the portal learns it from.
 * Replicated infers it from the reporting address, which a self-hosted portal has no map for
 * (decision 011).
 */
const cloudOfDistribution: Record<string, string> = {
  eks: 'AWS',
  gke: 'Google Cloud',
  aks: 'Azure',
  digitalocean: 'DigitalOcean',
  oke: 'Oracle Cloud',
};

/**
 * The second line of an instance's row: each fact the portal knows about it, in a fixed order,
 * and nothing for what it does not know. Tags other than the name (which is the row's title).
 */
export function instanceFacts(instance: Instance, t: TFunction, date: (iso: string) => string): string[] {
  const { details } = instance;
  const facts: string[] = [];
  if (instance.installMethod) facts.push(t(`upgrades.methods.${instance.installMethod}`));
  const kubernetes = [details.k8sDistribution, details.k8sVersion].filter(Boolean).join(' ');
  if (kubernetes) facts.push(t('instanceList.facts.kubernetes', { kubernetes }));
  if (details.nodes)
    facts.push(t('instanceList.facts.nodes', { ready: details.nodes.ready, count: details.nodes.total }));
  if (details.sdkVersion) facts.push(t('instanceList.facts.sdk', { version: details.sdkVersion }));
  const cloud = details.k8sDistribution && cloudOfDistribution[details.k8sDistribution.toLowerCase()];
  if (cloud) facts.push(t('instanceList.facts.cloud', { cloud }));
  if (instance.firstCheckInAt) facts.push(t('instanceList.facts.firstCheckIn', { at: date(instance.firstCheckInAt) }));
  if (instance.firstReadyAt) facts.push(t('instanceList.facts.firstReady', { at: date(instance.firstReadyAt) }));
  for (const [key, value] of Object.entries(details.tags ?? {})) {
    if (key !== 'name') facts.push(t('instanceList.facts.tag', { key, value }));
  }
  return facts;
}
