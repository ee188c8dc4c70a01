import type { ReleaseImage } from '../../../../../contract/catalogue';
import { proxyUrlOf, registryAccessModesFor, type InstallMethod } from '../../../../../contract/install-options';
import type { InstallOptions } from '../../../../../contract/installs';
import { shellQuote } from '../../../../lib/shell';

export type UpgradeStepId =
  'proxy' | 'download' | 'extract' | 'upgrade' | 'login' | 'images' | 'pull_chart' | 'values' | 'upgrade_chart';

export type UpgradeStep = { id: UpgradeStepId; commands: string[] };

export type UpgradeInput = {
  method: InstallMethod;
  options: InstallOptions;
  appSlug: string;
  channelSlug: string;
  portalUrl: string;
  /** Helm's registry username: the signed-in customer's email, as in the install steps. */
  email: string;
  /** The team's license ID: the download's `Authorization:` and the registry password. */
  secret: string;
  /** The version to upgrade to (one hop of the upgrade path). */
  target: string;
  /** An air-gap instance upgrades from a bundle whatever the original options said. */
  airgap?: boolean;
  /** Helm air gap: the customer's own registry; a placeholder until typed. */
  registryUri?: string;
  /** Helm air gap: the target release's images, copied to the customer's registry. */
  images?: ReleaseImage[];
};

export const REGISTRY_PLACEHOLDER = '<your.registry.com>';

/**
 * The commands that upgrade an instance to `target`, by the method it was installed with, in the
 * shapes of the product reference §2.7: Embedded Cluster downloads the new version's bundle and
 * runs `upgrade` (with the air gap bundle when offline); Helm logs in again and runs `helm upgrade`,
 * which keeps the release's values. Every value passes through shellQuote (decision 007).
 */
export function upgradeSteps(input: UpgradeInput): UpgradeStep[] {
  const network = input.airgap ? 'airgap' : input.options.network;
  const options = { ...input.options, network };
  return input.method === 'embedded' ? embeddedSteps(input, options) : helmSteps(input, options);
}

function embeddedSteps({ appSlug, channelSlug, portalUrl, secret, target }: UpgradeInput, options: InstallOptions) {
  const airgap = options.network === 'airgap';
  const proxy = proxyUrlOf(options);
  const archive = shellQuote(`${appSlug}-${channelSlug}-${target}.tgz`);
  const path = [appSlug, channelSlug, target].map(encodeURIComponent).join('/');
  const url = `${portalUrl}/embedded/${path}${airgap ? '?airgap=true' : ''}`;
  const download = [`curl -f ${shellQuote(url)} -H ${shellQuote(`Authorization: ${secret}`)} -o ${archive}`];
  if (proxy) download.push(`--proxy ${shellQuote(proxy)}`);
  const upgrade = [`sudo ${shellQuote(`./${appSlug}`)} upgrade --license license.yaml`];
  if (airgap) upgrade.push(`--airgap-bundle ${shellQuote(`${appSlug}.airgap`)}`);
  return [
    { id: 'download', commands: [download.join(' ')] },
    { id: 'extract', commands: [`tar -xvzf ${archive}`] },
    { id: 'upgrade', commands: [upgrade.join(' ')] },
  ] satisfies UpgradeStep[];
}

function helmSteps(input: UpgradeInput, options: InstallOptions): UpgradeStep[] {
  const { portalUrl, email, secret, appSlug, target } = input;
  const host = new URL(portalUrl).host;
  // A portal on plain HTTP (a trial on localhost) needs these flags, as in the install steps.
  const plain = portalUrl.startsWith('http:');
  const release = shellQuote(appSlug);
  const chart = shellQuote(`oci://${host}/${appSlug}/${input.channelSlug}/${appSlug}`);
  const version = `--version ${shellQuote(target)}${plain ? ' --plain-http' : ''}`;
  const credentials = `--username ${shellQuote(email)} --password ${shellQuote(secret)}`;
  const login = `helm registry login ${shellQuote(host)}${plain ? ' --insecure' : ''} ${credentials}`;
  const steps: UpgradeStep[] = [];
  const proxy = proxyUrlOf(options);
  if (proxy) steps.push({ id: 'proxy', commands: [`export HTTPS_PROXY=${shellQuote(proxy)}`] });
  if (registryAccessModesFor(options.network).includes('online')) {
    steps.push(
      { id: 'login', commands: [login] },
      { id: 'upgrade_chart', commands: [`helm upgrade ${release} ${chart} ${version}`] },
    );
    return steps;
  }
  const registry = input.registryUri?.trim().replace(/\/+$/, '') || REGISTRY_PLACEHOLDER;
  const images = (input.images ?? []).flatMap(({ repository, tag }) => {
    const source = shellQuote(`${host}/${appSlug}/${input.channelSlug}/${repository}:${tag}`);
    const copy = shellQuote(`${registry}/${repository}:${tag}`);
    return [`docker pull ${source}`, `docker tag ${source} ${copy}`, `docker push ${copy}`];
  });
  const values = shellQuote(`${appSlug}-values.yaml`);
  const archive = shellQuote(`./${appSlug}-${target}.tgz`);
  const upgrade = [
    `helm upgrade ${release} ${archive} -f ${values}`,
    `--set replicated.isAirgap=true --set ${shellQuote(`global.imageRegistry=${registry}`)}`,
  ];
  steps.push(
    { id: 'login', commands: [`docker login ${shellQuote(host)} ${credentials}`, login] },
    { id: 'images', commands: images },
    { id: 'pull_chart', commands: [`helm pull ${chart} ${version}`] },
    { id: 'values', commands: [`helm get values ${release} -o yaml > ${values}`] },
    { id: 'upgrade_chart', commands: [upgrade.join(' ')] },
  );
  return steps;
}

/** How an instance was installed, as far as the portal knows: its attempt's choices, if linked. */
export type KnownInstall = { method: InstallMethod; options: InstallOptions };

/**
 * The method and network an instance upgrades with: those of the install attempt it came from,
 * else the method the portal knows for it (its record's, or what it reports); an instance that says
 * nothing runs in a cluster of the customer's, so Helm. An air-gap record always upgrades offline.
 */
export function upgradeMethodOf(
  instance: { airgap: boolean; installMethod: InstallMethod | null },
  install?: KnownInstall | null,
): KnownInstall & { airgap: boolean } {
  const method = install?.method ?? instance.installMethod ?? 'helm';
  const options = install?.options ?? { network: 'online' };
  return { method, options, airgap: instance.airgap || options.network === 'airgap' };
}
