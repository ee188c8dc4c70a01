import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Instance } from '../../../../contract/installs';
import { Badge } from '../../../components/ui/badge';
import { InstanceResources } from './instance-resources';
import { instanceFacts } from './instance-facts';
import { statusTone } from './status-tone';

/** The columns of the list and of its header, so the two line up. */
export const rowColumns =
  'grid grid-cols-[minmax(0,2fr)_minmax(0,1.2fr)_minmax(0,1.3fr)_minmax(0,1.5fr)] items-center gap-4';

/** Two lines: what to act on, then every other fact known; the list renders only the rows on screen. */
export const ROW_HEIGHT = 76;

/** An instance on a row of fixed height. */
export function InstanceRow({
  instance,
  behind,
  lastSeen,
  dateTime,
  date,
}: {
  instance: Instance;
  /** How many releases on the team's channel are newer; null when unknown (or not loaded yet). */
  behind: number | null;
  lastSeen: boolean;
  /** The page's formatters, made once for all rows rather than once per row. */
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
}) {
  const { t } = useTranslation();
  const name =
    instance.name ?? t('instanceList.list.unnamed', { id: (instance.externalId ?? instance.id).slice(0, 7) });
  const checkInLabel = lastSeen ? t('instanceList.list.lastSeen') : t('instanceList.list.lastCheckIn');
  const states = instance.details.resourceStates ?? [];
  const facts = instanceFacts(instance, t, date);
  return (
    <div className="flex h-full flex-col justify-center gap-1 px-4 text-sm">
      <div className={rowColumns}>
        <Link to={`/instances/${instance.id}`} className="truncate font-semibold text-slate-900 underline">
          {name}
        </Link>
        <span className="flex flex-wrap items-center gap-x-2">
          {instance.status ? (
            <Badge tone={statusTone[instance.status]}>{t(`instances.status.${instance.status}`)}</Badge>
          ) : (
            <span className="text-slate-600">{t('instanceList.list.noStatus')}</span>
          )}
          {states.length > 0 && <InstanceResources name={name} states={states} />}
        </span>
        <span className="flex min-w-0 flex-wrap items-center gap-x-2">
          <span className="truncate">
            <span className="sr-only">{t('instanceList.list.version')}: </span>
            {instance.versionLabel ?? <span className="text-slate-600">{t('instanceList.list.noVersion')}</span>}
          </span>
          {behind !== null && behind > 0 && (
            <Link
              to={`/instances/${instance.id}?upgrade=1`}
              className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 underline"
            >
              {t('upgrades.updateAvailable', { count: behind })}
              <span className="sr-only"> {t('upgrades.openTarget', { name })}</span>
            </Link>
          )}
        </span>
        <span className="truncate text-slate-700">
          <span className="sr-only">{checkInLabel}: </span>
          {instance.lastCheckInAt ? dateTime(instance.lastCheckInAt) : t('instanceList.list.never')}
        </span>
      </div>
      {facts.length > 0 && (
        <p className="truncate text-xs text-slate-600" title={facts.join(' · ')}>
          {facts.join(' · ')}
        </p>
      )}
    </div>
  );
}
