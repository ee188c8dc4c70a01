import { useTranslation } from 'react-i18next';
import type { CustomMetricSeries, MetricValue } from '../../../../contract/instance-details';
import { useFormatters } from '../../../lib/format';
import { Sparkline } from './sparkline';

/** Each custom metric with its latest value and, for numbers, its recent samples. */
export function CustomMetrics({ metrics, receivedAt }: { metrics: CustomMetricSeries[]; receivedAt: string | null }) {
  const { t } = useTranslation();
  const { dateTime, number } = useFormatters();
  if (metrics.length === 0) return <p className="text-sm text-slate-600">{t('instanceDetails.noData')}</p>;
  const show = (value: MetricValue | null) =>
    value === null
      ? t('instanceDetails.fields.none')
      : typeof value === 'number'
        ? number(value)
        : typeof value === 'boolean'
          ? t(value ? 'instanceDetails.metrics.true' : 'instanceDetails.metrics.false')
          : value;
  return (
    <>
      {receivedAt && (
        <p className="mb-3 text-xs text-slate-600">
          {t('instanceDetails.metrics.receivedAt', { date: dateTime(receivedAt) })}
        </p>
      )}
      <dl className="grid gap-3 sm:grid-cols-2">
        {metrics.map((metric) => {
          const values = metric.series.map((s) => s.value);
          return (
            <div key={metric.name} className="rounded-md border border-slate-200 p-3">
              <dt className="text-xs font-semibold break-all text-slate-600">{metric.name}</dt>
              <dd className="mt-1 flex items-center justify-between gap-3">
                <span className="text-lg font-semibold break-all text-slate-900">{show(metric.latest)}</span>
                {values.length > 0 && (
                  <Sparkline
                    values={values}
                    label={t('instanceDetails.metrics.sparkline', {
                      count: values.length,
                      formatted: number(values.length),
                      from: dateTime(metric.series[0]!.at),
                      to: dateTime(metric.series.at(-1)!.at),
                      min: number(Math.min(...values)),
                      max: number(Math.max(...values)),
                    })}
                  />
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}
