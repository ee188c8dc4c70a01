import { Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleaseList } from '../../../../../contract/catalogue';
import type { Instance } from '../../../../../contract/installs';
import { findRelease, suggestedTarget, upgradePath, versionsBehind } from '../../../../../contract/upgrades';
import { Badge } from '../../../../components/ui/badge';
import { Button } from '../../../../components/ui/button';
import { DelayedSpinner } from '../../../../components/ui/delayed-spinner';
import type { KnownInstall } from '../lib/upgrade-commands';
import { UpgradeInstructions } from './upgrade-instructions';

export type UpgradePanelProps = {
  instance: Instance;
  /** The team's channel and its releases (useReleases() in src/app/team/releases.ts). */
  releases: ReleaseList;
  /** The install attempt's method and options, when the instance came from one. */
  install?: KnownInstall | null;
  /** Open the instructions at once (the list's "Update available" leads here). */
  openAtStart?: boolean;
};

/**
 * "Up to date" or "Update available · N versions behind", and the upgrade instructions in a
 * native modal dialog (it traps focus, closes on Escape and returns focus by itself). The parent
 * polls the instance: when it reports the chosen target, the dialog closes and says so.
 */
export function UpgradePanel({ instance, releases, install, openAtStart = false }: UpgradePanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const status = useRef<HTMLDivElement>(null);
  const list = releases.releases;
  const behind = versionsBehind(list, instance.versionLabel);
  const name = instance.name ?? t('instances.unnamed', { id: (instance.externalId ?? instance.id).slice(0, 7) });
  // The version the dialog leads to; the dialog is open while there is one.
  const [target, setTarget] = useState<string | null>(() =>
    openAtStart ? (suggestedTarget(list, instance.versionLabel)?.release.version ?? null) : null,
  );
  const [announcement, setAnnouncement] = useState('');
  const [arrivals, setArrivals] = useState(0);
  const [seen, setSeen] = useState(instance.versionLabel);

  // A newly reported version is noticed while rendering (not in an effect), so the badge, the
  // dialog and the announcement change in the same paint.
  if (seen !== instance.versionLabel) {
    setSeen(instance.versionLabel);
    const now = findRelease(list, instance.versionLabel);
    const goal = target ? findRelease(list, target) : undefined;
    if (now && goal && now.sequence >= goal.sequence) {
      setTarget(null);
      setArrivals((n) => n + 1);
      setAnnouncement(t(behind === 0 ? 'upgrades.reached' : 'upgrades.reachedBehind', { name, version: now.version }));
    } else if (now && target) {
      const path = upgradePath(list, now.version, target);
      if (path.ok) setAnnouncement(t('upgrades.next', { name, version: now.version, next: path.path[0]!.version }));
    }
  }

  useEffect(() => {
    const element = dialog.current;
    if (target && !element?.open) element?.showModal();
    if (!target && element?.open) element.close();
  }, [target]);
  // Closed because the instance arrived: the button that opened it may be gone, so focus the news.
  useEffect(() => {
    if (arrivals > 0) status.current?.focus();
  }, [arrivals]);

  const open = () => {
    const suggested = suggestedTarget(list, instance.versionLabel);
    if (suggested) setTarget(suggested.release.version);
  };

  return (
    <div ref={status} tabIndex={-1} className="flex flex-wrap items-center gap-2 text-sm outline-none">
      {behind === 0 && <Badge tone="success">{t('upgrades.upToDate')}</Badge>}
      {behind !== null && behind > 0 && (
        <>
          <Badge tone="warning">{t('upgrades.updateAvailable', { count: behind })}</Badge>
          <Button variant="secondary" className="px-2 py-1 text-xs" onClick={open}>
            {t('upgrades.open')} <span className="sr-only">{t('upgrades.openTarget', { name })}</span>
          </Button>
        </>
      )}
      {behind === null && <span className="text-slate-600">{t('upgrades.unknownVersion')}</span>}
      <p role="status" className="w-full text-slate-700">
        {announcement}
      </p>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={() => setTarget(null)}
        className="m-auto w-full max-w-3xl rounded-lg p-6 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="mb-4 flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {t('upgrades.title', { name })}
          </h2>
          <Button variant="secondary" onClick={() => setTarget(null)}>
            {t('upgrades.close')}
          </Button>
        </div>
        {target && (
          <Suspense fallback={<DelayedSpinner />}>
            <UpgradeInstructions
              instance={instance}
              releases={releases}
              install={install}
              target={target}
              onTarget={setTarget}
            />
          </Suspense>
        )}
      </dialog>
    </div>
  );
}
