import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../contract/instance-details';
import { useFormatters } from '../../../lib/format';

/** Status changes and silences, newest first. */
export function StatusTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  if (entries.length === 0) return <p className="text-sm text-slate-600">{t('instanceDetails.noData')}</p>;
  return (
    <ol className="space-y-2 border-l-2 border-slate-200 pl-4 text-sm">
      {entries.map((entry) => (
        <li key={`${entry.kind}-${entry.at}`}>
          <time dateTime={entry.at} className="block text-xs text-slate-600">
            {dateTime(entry.at)}
          </time>
          {entry.kind === 'gap'
            ? t('instanceDetails.timeline.gap', { since: dateTime(entry.since) })
            : entry.from
              ? t('instanceDetails.timeline.change', {
                  from: t(`instances.status.${entry.from}`),
                  to: t(`instances.status.${entry.to}`),
                })
              : t('instanceDetails.timeline.first', { to: t(`instances.status.${entry.to}`) })}
        </li>
      ))}
    </ol>
  );
}
