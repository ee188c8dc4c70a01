import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Uptime } from '../../../../contract/instance-details';
import { useFormatters } from '../../../lib/format';
import { useDurationFormat } from '../lib/durations';

const BAR = 16;
const GAP = 6;
const HEIGHT = 64;

/**
 * One bar per day, stacked up (green), down (red) and no data (grey), in plain SVG. The picture
 * is hidden from assistive technology; the table after it says the same in words.
 */
export function UptimeGraph({ uptime }: { uptime: Uptime }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const { duration, percent } = useDurationFormat();
  const captionId = useId();
  const width = uptime.days.length * (BAR + GAP) - GAP;
  return (
    <figure aria-labelledby={captionId}>
      <p id={captionId} className="text-sm text-slate-700">
        {uptime.ratio === null
          ? t('instanceDetails.uptime.noData')
          : t('instanceDetails.uptime.ratio', { ratio: percent(uptime.ratio) })}
      </p>
      <svg
        aria-hidden="true"
        focusable="false"
        viewBox={`0 0 ${width} ${HEIGHT}`}
        className="mt-3 h-16 w-full max-w-md"
        preserveAspectRatio="none"
      >
        {uptime.days.map((day, i) => {
          const total = day.up + day.down + day.noData || 1;
          const up = (day.up / total) * HEIGHT;
          const down = (day.down / total) * HEIGHT;
          const x = i * (BAR + GAP);
          return (
            <g key={day.date}>
              <rect x={x} y={0} width={BAR} height={HEIGHT} className="fill-slate-200" />
              <rect x={x} y={HEIGHT - up} width={BAR} height={up} className="fill-green-600" />
              <rect x={x} y={HEIGHT - up - down} width={BAR} height={down} className="fill-red-600" />
            </g>
          );
        })}
      </svg>
      <ul className="mt-2 flex gap-4 text-xs text-slate-600" aria-hidden="true">
        <li>
          <span className="mr-1 inline-block h-2 w-2 bg-green-600" />
          {t('instanceDetails.uptime.up')}
        </li>
        <li>
          <span className="mr-1 inline-block h-2 w-2 bg-red-600" />
          {t('instanceDetails.uptime.down')}
        </li>
        <li>
          <span className="mr-1 inline-block h-2 w-2 bg-slate-200" />
          {t('instanceDetails.uptime.noDataLegend')}
        </li>
      </ul>
      <table className="sr-only">
        <caption>{t('instanceDetails.uptime.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('instanceDetails.uptime.day')}</th>
            <th scope="col">{t('instanceDetails.uptime.up')}</th>
            <th scope="col">{t('instanceDetails.uptime.down')}</th>
            <th scope="col">{t('instanceDetails.uptime.noDataLegend')}</th>
          </tr>
        </thead>
        <tbody>
          {uptime.days.map((day) => (
            <tr key={day.date}>
              <th scope="row">{date(`${day.date}T12:00:00Z`)}</th>
              <td>{duration(day.up)}</td>
              <td>{duration(day.down)}</td>
              <td>{duration(day.noData)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
