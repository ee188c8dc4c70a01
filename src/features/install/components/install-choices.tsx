import { useTranslation } from 'react-i18next';
import type { Release } from '../../../../contract/catalogue';
import {
  allowedNetworks,
  kubernetesDistributions,
  needsProxyUrl,
  registryAccessModesFor,
  type InstallMethod,
  type NetworkMode,
  type RegistryAccess,
} from '../../../../contract/install-options';
import type { InstallOptions } from '../../../../contract/installs';
import { ChoiceGroup } from '../../../components/ui/choice-group';
import { Field, Select } from '../../../components/ui/field';

export type Choices = { method: InstallMethod; version: string; options: InstallOptions };

/**
 * The registry access to keep when the network changes: the current one while the network allows
 * it, else the most self-contained one allowed (registryAccessModes runs from online to offline).
 */
export function registryAccessFor(network: NetworkMode, current: RegistryAccess = 'online'): RegistryAccess {
  const allowed = registryAccessModesFor(network);
  return allowed.includes(current) ? current : allowed[allowed.length - 1]!;
}

/**
 * The choices that shape the commands: network, proxy, Kubernetes distribution, registry access
 * and version. Only what the license allows is offered.
 */
export function InstallChoices({
  value,
  onChange,
  installTypes,
  releases,
  errors = {},
}: {
  value: Choices;
  onChange: (next: Choices) => void;
  installTypes: string[];
  releases: Release[];
  errors?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { method, options } = value;
  const setOptions = (patch: Partial<InstallOptions>) => onChange({ ...value, options: { ...options, ...patch } });

  return (
    <div className="space-y-5">
      <ChoiceGroup
        legend={t('install.choices.network')}
        name="network"
        value={options.network}
        choices={allowedNetworks(method, installTypes).map((n) => ({ value: n, label: t(`install.networks.${n}`) }))}
        onChange={(network) =>
          setOptions({
            network,
            registryAccess: options.registryAccess && registryAccessFor(network, options.registryAccess),
          })
        }
        error={errors['options.network']}
      />
      {needsProxyUrl(options.network) && (
        <Field
          label={t('install.choices.proxyUrl')}
          type="url"
          value={options.proxyUrl ?? ''}
          onChange={(e) => setOptions({ proxyUrl: e.target.value || undefined })}
          placeholder={t('install.choices.proxyPlaceholder')}
          error={errors['options.proxyUrl']}
          controlClassName="w-full max-w-md"
        />
      )}
      {method === 'helm' && (
        <>
          <Select
            label={t('install.choices.distribution')}
            value={options.kubernetesDistribution ?? 'vanilla'}
            onChange={(e) =>
              setOptions({ kubernetesDistribution: e.target.value as InstallOptions['kubernetesDistribution'] })
            }
          >
            {kubernetesDistributions.map((d) => (
              <option key={d} value={d}>
                {t(`install.distributions.${d}`)}
              </option>
            ))}
          </Select>
          <ChoiceGroup
            legend={t('install.choices.registryAccess')}
            name="registryAccess"
            value={options.registryAccess}
            choices={registryAccessModesFor(options.network).map((m) => ({
              value: m,
              label: t(`install.registryAccess.${m}`),
            }))}
            onChange={(registryAccess) => setOptions({ registryAccess })}
            error={errors['options.registryAccess']}
          />
        </>
      )}
      <Select
        label={t('install.choices.version')}
        value={value.version}
        onChange={(e) => onChange({ ...value, version: e.target.value })}
        error={errors.version}
      >
        {releases.map((r) => (
          <option key={r.version} value={r.version}>
            {t(r.required ? 'install.choices.versionRequired' : 'install.choices.versionOption', {
              version: r.version,
              sequence: r.sequence,
            })}
          </option>
        ))}
      </Select>
    </div>
  );
}
