import type { ReleaseImage } from '../../../../contract/catalogue';
import { proxyUrlOf, registryAccessModesFor, type InstallMethod } from '../../../../contract/install-options';
import type { InstallOptions } from '../../../../contract/installs';
import { shellQuote } from '../../../lib/shell';

export type StepId =
  'download' | 'extract' | 'install' | 'proxy' | 'login' | 'preflight' | 'images' | 'pull_chart' | 'install_chart';

export type Step = { id: StepId; commands: string[] };

export type CommandInput = {
  method: InstallMethod;
  options: InstallOptions;
  version: string;
  appSlug: string;
  channelSlug: string;
  portalUrl: string;
  email: string;
  /**
   * What the first steps authenticate with, where the real tools put it (`Authorization:` on the
   * download, `--password` on the registry login): the attempt's service-account token, which
   * names the attempt, or the team's license ID, which joins the one attempt awaiting that step
   * (decision 008). Both are secrets; see maskSecret.
   */
  secret: string;
  /** Helm air gap: the customer's own registry, typed in the page; a placeholder until then. */
  registryUri?: string;
  images?: ReleaseImage[];
};

export const REGISTRY_PLACEHOLDER = '<your.registry.com>';

/**
 * The commands of each install step, in the shapes the customer's tools expect, pointing at this
 * portal (PUBLIC_URL), never at a vendor cloud. Pure: the page re-renders them on every change.
 * Every value in them passes through shellQuote (shell.ts): the customer pastes them into a root
 * shell, and a value could come from anyone on the team (issue 6).
 */
export function installSteps(input: CommandInput): Step[] {
  return input.method === 'embedded' ? embeddedSteps(input) : helmSteps(input);
}

/** Helm from a network that cannot reach the vendor's registry copies the images to the customer's. */
export const relocatesImages = ({ method, options }: Pick<CommandInput, 'method' | 'options'>) =>
  method === 'helm' && !registryAccessModesFor(options.network).includes('online');

function embeddedSteps({ options, version, appSlug, channelSlug, portalUrl, secret }: CommandInput): Step[] {
  const airgap = options.network === 'airgap';
  const proxy = proxyUrlOf(options);
  const archive = shellQuote(`${appSlug}-${channelSlug}.tgz`);
  const path = [appSlug, channelSlug, version].map(encodeURIComponent).join('/');
  const url = `${portalUrl}/embedded/${path}${airgap ? '?airgap=true' : ''}`;
  const download = [`curl -f ${shellQuote(url)} -H ${shellQuote(`Authorization: ${secret}`)} -o ${archive}`];
  const install = [`sudo ${shellQuote(`./${appSlug}`)} install --license license.yaml`];
  if (airgap) install.push(`--airgap-bundle ${shellQuote(`${appSlug}.airgap`)}`);
  if (proxy) {
    download.push(`--proxy ${shellQuote(proxy)}`);
    install.push(`--https-proxy=${shellQuote(proxy)}`);
  }
  return [
    { id: 'download', commands: [download.join(' ')] },
    { id: 'extract', commands: [`tar -xvzf ${archive}`] },
    { id: 'install', commands: [install.join(' ')] },
  ];
}

function helmSteps(input: CommandInput): Step[] {
  const { options, portalUrl, email, secret } = input;
  const host = new URL(portalUrl).host;
  // Helm speaks HTTPS to registries unless told otherwise; a portal served over plain HTTP
  // (a trial on localhost) needs the flags, or every helm command would fail.
  const plain = portalUrl.startsWith('http:');
  const app = shellQuote(input.appSlug);
  const chart = shellQuote(`oci://${host}/${input.appSlug}/${input.channelSlug}/${input.appSlug}`);
  const version = `--version ${shellQuote(input.version)}${plain ? ' --plain-http' : ''}`;
  const credentials = `--username ${shellQuote(email)} --password ${shellQuote(secret)}`;
  const login = `helm registry login ${shellQuote(host)}${plain ? ' --insecure' : ''} ${credentials}`;
  const steps: Step[] = [];
  const proxy = proxyUrlOf(options);
  if (proxy) steps.push({ id: 'proxy', commands: [`export HTTPS_PROXY=${shellQuote(proxy)}`] });
  if (!relocatesImages(input)) {
    steps.push(
      { id: 'login', commands: [login] },
      { id: 'preflight', commands: [`helm template ${chart} ${version} | kubectl preflight -`] },
      { id: 'install_chart', commands: [`helm install ${app} ${chart} ${version}`] },
    );
    return steps;
  }
  const registry = input.registryUri?.trim().replace(/\/+$/, '') || REGISTRY_PLACEHOLDER;
  const images = (input.images ?? []).flatMap(({ repository, tag }) => {
    const source = shellQuote(`${host}/${input.appSlug}/${input.channelSlug}/${repository}:${tag}`);
    const target = shellQuote(`${registry}/${repository}:${tag}`);
    return [`docker pull ${source}`, `docker tag ${source} ${target}`, `docker push ${target}`];
  });
  const archive = shellQuote(`./${input.appSlug}-${input.version}.tgz`);
  const imageRegistry = shellQuote(`global.imageRegistry=${registry}`);
  steps.push(
    { id: 'login', commands: [`docker login ${shellQuote(host)} ${credentials}`, login] },
    { id: 'images', commands: images },
    { id: 'pull_chart', commands: [`helm pull ${chart} ${version}`] },
    {
      id: 'install_chart',
      commands: [`helm install ${app} ${archive} --set replicated.isAirgap=true --set ${imageRegistry}`],
    },
  );
  return steps;
}
