import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Instance } from '../../../../contract/installs';
import { Badge } from '../../../components/ui/badge';

const statusTone = {
  ready: 'success',
  updating: 'neutral',
  degraded: 'warning',
  unavailable: 'danger',
  missing: 'danger',
} as const;

/** The columns of the list and of its header, so the two line up. */
export const rowColumns =
  'grid grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.5fr)] items-center gap-4';

/** An instance on one line of fixed height: the list renders only the lines on screen. */
export function InstanceRow({
  instance,
  lastSeen,
  dateTime,
}: {
  instance: Instance;
  lastSeen: boolean;
  /** The page's formatter, made once for all rows rather than once per row. */
  dateTime: (iso: string) => string;
}) {
  const { t } = useTranslation();
  const name =
    instance.name ?? t('instanceList.list.unnamed', { id: (instance.externalId ?? instance.id).slice(0, 7) });
  const checkInLabel = lastSeen ? t('instanceList.list.lastSeen') : t('instanceList.list.lastCheckIn');
  return (
    <div className={`${rowColumns} h-full px-4 text-sm`}>
      <Link to={`/instances/${instance.id}`} className="truncate font-semibold text-slate-900 underline">
        {name}
      </Link>
      <span>
        {instance.status ? (
          <Badge tone={statusTone[instance.status]}>{t(`instances.status.${instance.status}`)}</Badge>
        ) : (
          <span className="text-slate-600">{t('instanceList.list.noStatus')}</span>
        )}
      </span>
      <span className="truncate">
        <span className="sr-only">{t('instanceList.list.version')}: </span>
        {instance.versionLabel ?? <span className="text-slate-600">{t('instanceList.list.noVersion')}</span>}
      </span>
      <span className="truncate text-slate-700">
        <span className="sr-only">{checkInLabel}: </span>
        {instance.lastCheckInAt ? dateTime(instance.lastCheckInAt) : t('instanceList.list.never')}
      </span>
    </div>
  );
}
