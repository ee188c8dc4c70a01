import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleaseList } from '../../../../../contract/catalogue';
import type { Instance } from '../../../../../contract/installs';
import { newerReleases, suggestedTarget, upgradePath } from '../../../../../contract/upgrades';
import { useBranding } from '../../../../app/branding';
import { useMe } from '../../../../app/session/me';
import { useLicense } from '../../../../app/team/license';
import { Button } from '../../../../components/ui/button';
import { Field, Select } from '../../../../components/ui/field';
import { releaseImagesQueryOptions } from '../api/release-images';
import { upgradeMethodOf, upgradeSteps, type KnownInstall } from '../lib/upgrade-commands';
import { UpgradeSteps } from './upgrade-steps';

type Props = {
  instance: Instance;
  releases: ReleaseList;
  install?: KnownInstall | null;
  target: string;
  onTarget: (version: string) => void;
};

/**
 * The picker and the commands for the next release on the way to the chosen target: a required
 * release in between comes first (contract/upgrades.ts), and once the instance reports it the
 * commands move on by themselves.
 */
export function UpgradeInstructions({ instance, releases, install, target, onTarget }: Props) {
  const { t } = useTranslation();
  const branding = useBranding();
  const me = useMe();
  const license = useLicense();
  const [revealed, setRevealed] = useState(false);
  const [registryUri, setRegistryUri] = useState('');
  const list = releases.releases;
  const choices = [...(newerReleases(list, instance.versionLabel) ?? [])].reverse();
  const suggested = suggestedTarget(list, instance.versionLabel);
  const path = upgradePath(list, instance.versionLabel, target);
  const next = path.ok ? path.path[0] : undefined;
  const how = upgradeMethodOf(instance, install);
  const relocating = how.method === 'helm' && how.airgap;
  const { data: images } = useQuery({
    ...releaseImagesQueryOptions(me.team.id, next?.version ?? target),
    enabled: relocating && next !== undefined,
  });
  const secret = license.licenseId;
  const steps = next
    ? upgradeSteps({
        ...how,
        appSlug: branding.appSlug,
        channelSlug: releases.channel.slug,
        portalUrl: branding.portalUrl,
        email: me.user.email,
        secret,
        target: next.version,
        registryUri,
        images: images?.images,
      })
    : [];
  const methodKey = `${how.method}${how.airgap ? 'Airgap' : ''}` as const;

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {t('upgrades.current', { version: instance.versionLabel, channel: releases.channel.name })}{' '}
        {t('upgrades.method', { method: t(`upgrades.methods.${methodKey}`) })}
      </p>
      <Select
        label={t('upgrades.target')}
        value={target}
        onChange={(e) => onTarget(e.target.value)}
        hint={
          suggested?.requiredFirst ? t('upgrades.requiredFirst', { version: suggested.release.version }) : undefined
        }
      >
        {choices.map((release) => (
          <option key={release.version} value={release.version}>
            {t(release.required ? 'upgrades.optionRequired' : 'upgrades.option', {
              version: release.version,
              sequence: release.sequence,
            })}
          </option>
        ))}
      </Select>
      {path.ok && path.path.length > 1 && (
        <p className="text-sm text-slate-700">
          {t('upgrades.path', { path: path.path.map((r) => r.version).join(' → '), next: next!.version })}
        </p>
      )}
      <p className="text-sm text-slate-700">{t('upgrades.waiting', { version: target })}</p>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>{revealed ? t('upgrades.licenseId.visible') : t('upgrades.licenseId.masked')}</span>
        <Button variant="secondary" aria-pressed={revealed} onClick={() => setRevealed((v) => !v)}>
          {revealed ? t('upgrades.licenseId.hide') : t('upgrades.licenseId.reveal')}
        </Button>
      </div>
      {relocating && (
        <Field
          label={t('upgrades.registryUri')}
          value={registryUri}
          onChange={(e) => setRegistryUri(e.target.value)}
          placeholder={t('upgrades.registryUriPlaceholder')}
          controlClassName="w-full max-w-md"
        />
      )}
      <UpgradeSteps steps={steps} secret={secret} revealed={revealed} />
    </div>
  );
}
