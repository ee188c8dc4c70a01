import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Release } from '../../../../contract/catalogue';
import {
  allowedNetworks,
  kubernetesDistributions,
  registryAccessModes,
  type InstallMethod,
  type InstallOptions,
} from '../../../../contract/installs';
import { ChoiceGroup } from '../../../components/ui/choice-group';

export type Choices = { method: InstallMethod; version: string; options: InstallOptions };

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
  const proxyId = useId();
  const versionId = useId();
  const distributionId = useId();
  const { method, options } = value;
  const setOptions = (patch: Partial<InstallOptions>) => onChange({ ...value, options: { ...options, ...patch } });
  const networks = allowedNetworks(method, installTypes);
  const registryModes =
    options.network === 'airgap' ? registryAccessModes.filter((m) => m !== 'online') : registryAccessModes;

  return (
    <div className="space-y-5">
      <ChoiceGroup
        legend={t('install.choices.network')}
        name="network"
        value={options.network}
        choices={networks.map((n) => ({ value: n, label: t(`install.networks.${n}`) }))}
        onChange={(network) =>
          setOptions({
            network,
            registryAccess:
              network === 'airgap' && options.registryAccess === 'online' ? 'offline' : options.registryAccess,
          })
        }
        error={errors['options.network']}
      />
      {options.network === 'proxy' && (
        <div>
          <label htmlFor={proxyId} className="block text-sm font-semibold text-slate-900">
            {t('install.choices.proxyUrl')}
          </label>
          <input
            id={proxyId}
            type="url"
            value={options.proxyUrl ?? ''}
            onChange={(e) => setOptions({ proxyUrl: e.target.value || undefined })}
            placeholder={t('install.choices.proxyPlaceholder')}
            aria-invalid={errors['options.proxyUrl'] ? true : undefined}
            className="mt-1 block w-full max-w-md rounded-md border border-slate-400 px-3 py-2"
          />
          {errors['options.proxyUrl'] && <p className="mt-1 text-sm text-red-800">{errors['options.proxyUrl']}</p>}
        </div>
      )}
      {method === 'helm' && (
        <>
          <div>
            <label htmlFor={distributionId} className="block text-sm font-semibold text-slate-900">
              {t('install.choices.distribution')}
            </label>
            <select
              id={distributionId}
              value={options.kubernetesDistribution ?? 'vanilla'}
              onChange={(e) =>
                setOptions({ kubernetesDistribution: e.target.value as InstallOptions['kubernetesDistribution'] })
              }
              className="mt-1 rounded-md border border-slate-400 px-3 py-2"
            >
              {kubernetesDistributions.map((d) => (
                <option key={d} value={d}>
                  {t(`install.distributions.${d}`)}
                </option>
              ))}
            </select>
          </div>
          <ChoiceGroup
            legend={t('install.choices.registryAccess')}
            name="registryAccess"
            value={options.registryAccess}
            choices={registryModes.map((m) => ({ value: m, label: t(`install.registryAccess.${m}`) }))}
            onChange={(registryAccess) => setOptions({ registryAccess })}
            error={errors['options.registryAccess']}
          />
        </>
      )}
      <div>
        <label htmlFor={versionId} className="block text-sm font-semibold text-slate-900">
          {t('install.choices.version')}
        </label>
        <select
          id={versionId}
          value={value.version}
          onChange={(e) => onChange({ ...value, version: e.target.value })}
          className="mt-1 rounded-md border border-slate-400 px-3 py-2"
        >
          {releases.map((r) => (
            <option key={r.version} value={r.version}>
              {t(r.required ? 'install.choices.versionRequired' : 'install.choices.versionOption', {
                version: r.version,
                sequence: r.sequence,
              })}
            </option>
          ))}
        </select>
        {errors.version && <p className="mt-1 text-sm text-red-800">{errors.version}</p>}
      </div>
    </div>
  );
}
