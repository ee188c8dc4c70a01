import type { ReleaseImage } from '../../../../contract/catalogue';
import type { InstallMethod, InstallOptions } from '../../../../contract/installs';

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
  token: string;
  /** Helm air gap: the customer's own registry, typed in the page; a placeholder until then. */
  registryUri?: string;
  images?: ReleaseImage[];
};

export const REGISTRY_PLACEHOLDER = '<your.registry.com>';

/**
 * The commands of each install step, in the shapes the customer's tools expect, pointing at this
 * portal (PUBLIC_URL), never at a vendor cloud. Pure: the page re-renders them on every change.
 */
export function installSteps(input: CommandInput): Step[] {
  return input.method === 'embedded' ? embeddedSteps(input) : helmSteps(input);
}

function embeddedSteps({ options, version, appSlug, channelSlug, portalUrl, token }: CommandInput): Step[] {
  const airgap = options.network === 'airgap';
  const proxy = options.network === 'proxy' && options.proxyUrl ? options.proxyUrl : null;
  const archive = `${appSlug}-${channelSlug}.tgz`;
  const url = `${portalUrl}/embedded/${appSlug}/${channelSlug}/${version}${airgap ? '?airgap=true' : ''}`;
  const install = [`sudo ./${appSlug} install --license license.yaml`];
  if (airgap) install.push(`--airgap-bundle ${appSlug}.airgap`);
  if (proxy) install.push(`--https-proxy=${proxy}`);
  return [
    {
      id: 'download',
      commands: [`curl -f "${url}" -H "Authorization: ${token}" -o ${archive}${proxy ? ` --proxy ${proxy}` : ''}`],
    },
    { id: 'extract', commands: [`tar -xvzf ${archive}`] },
    { id: 'install', commands: [install.join(' ')] },
  ];
}

function helmSteps(input: CommandInput): Step[] {
  const { options, version, appSlug, channelSlug, portalUrl, email, token } = input;
  const host = new URL(portalUrl).host;
  // Helm speaks HTTPS to registries unless told otherwise; a portal served over plain HTTP
  // (a trial on localhost) needs the flags, or every helm command would fail.
  const plain = portalUrl.startsWith('http:');
  const chart = `oci://${host}/${appSlug}/${channelSlug}/${appSlug}`;
  const login = `helm registry login ${host}${plain ? ' --insecure' : ''} --username ${email} --password ${token}`;
  const helmFlags = plain ? ' --plain-http' : '';
  const steps: Step[] = [];
  if (options.network === 'proxy' && options.proxyUrl) {
    steps.push({ id: 'proxy', commands: [`export HTTPS_PROXY=${options.proxyUrl}`] });
  }
  if (options.network !== 'airgap') {
    steps.push(
      { id: 'login', commands: [login] },
      { id: 'preflight', commands: [`helm template ${chart} --version ${version}${helmFlags} | kubectl preflight -`] },
      { id: 'install_chart', commands: [`helm install ${appSlug} ${chart} --version ${version}${helmFlags}`] },
    );
    return steps;
  }
  const registry = input.registryUri?.trim().replace(/\/+$/, '') || REGISTRY_PLACEHOLDER;
  const images = (input.images ?? []).flatMap(({ repository, tag }) => {
    const source = `${host}/${appSlug}/${channelSlug}/${repository}:${tag}`;
    const target = `${registry}/${repository}:${tag}`;
    return [`docker pull ${source}`, `docker tag ${source} ${target}`, `docker push ${target}`];
  });
  steps.push(
    { id: 'login', commands: [`docker login ${host} --username ${email} --password ${token}`, login] },
    { id: 'images', commands: images },
    { id: 'pull_chart', commands: [`helm pull ${chart} --version ${version}${helmFlags}`] },
    {
      id: 'install_chart',
      commands: [
        `helm install ${appSlug} ./${appSlug}-${version}.tgz --set replicated.isAirgap=true --set global.imageRegistry=${registry}`,
      ],
    },
  );
  return steps;
}

/** The same commands with the token hidden, for showing on screen until the user reveals it. */
export function maskToken(command: string, token: string): string {
  return token ? command.replaceAll(token, '•'.repeat(12)) : command;
}
