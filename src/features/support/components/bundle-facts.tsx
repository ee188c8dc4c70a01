import { useTranslation } from 'react-i18next';
import {
  bundleSeverities,
  type BundleAnalyzerResult,
  type BundleFacts as Facts,
  type BundleSeverity,
} from '../../../../contract/support-bundle-facts';
import { Badge } from '../../../components/ui/badge';
import { useFormatters } from '../../../lib/format';

const severityTones: Record<BundleSeverity, 'danger' | 'warning' | 'neutral' | 'success'> = {
  error: 'danger',
  warn: 'warning',
  info: 'neutral',
  debug: 'success',
};

/** Errors first, then warnings: what calls for action leads (a stable sort keeps the bundle's order within one). */
const bySeverity = (results: BundleAnalyzerResult[]) =>
  [...results].sort((a, b) => bundleSeverities.indexOf(a.severity) - bundleSeverities.indexOf(b.severity));

/** What the inspector read out of the bundle (reference A6); "Unknown" where the bundle did not say. */
export function BundleFacts({ facts }: { facts: Facts }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const unknown = t('support.history.unknown');
  const rows: [string, string][] = [
    [t('support.facts.k8sVersion'), facts.k8sVersion ?? unknown],
    [t('support.facts.distribution'), facts.k8sDistribution ?? unknown],
    [
      t('support.facts.nodes'),
      facts.nodes ? t('support.facts.nodesReady', { ready: facts.nodes.ready, total: facts.nodes.total }) : unknown,
    ],
    [t('support.facts.troubleshoot'), facts.troubleshootVersion ?? unknown],
    [t('support.facts.collectedAt'), facts.collectedAt ? dateTime(facts.collectedAt) : unknown],
  ];
  return (
    <>
      <section aria-labelledby="facts-heading" className="mb-8">
        <h2 id="facts-heading" className="mb-3 text-lg font-semibold text-slate-900">
          {t('support.facts.title')}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
          {rows.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-semibold text-slate-700">{term}</dt>
              <dd className="text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="analysis-heading" className="mb-8">
        <h2 id="analysis-heading" className="mb-3 text-lg font-semibold text-slate-900">
          {t('support.analysis.title')}
        </h2>
        {!facts.analysis || facts.analysis.results.length === 0 ? (
          <p className="text-sm text-slate-600">{t('support.analysis.empty')}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {bySeverity(facts.analysis.results).map((r, index) => (
              <li key={`${r.name}-${index}`} className="flex items-start gap-3 p-3 text-sm">
                <span className="shrink-0">
                  <Badge tone={severityTones[r.severity]}>{t(`support.severity.${r.severity}`)}</Badge>
                </span>
                <div>
                  <p className="font-semibold text-slate-900">{r.title || r.name}</p>
                  <p className="whitespace-pre-wrap text-slate-700">{r.message}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {facts.instanceReports.length > 0 && (
        <section aria-labelledby="reports-heading" className="mb-8">
          <h2 id="reports-heading" className="mb-3 text-lg font-semibold text-slate-900">
            {t('support.reports.title')}
          </h2>
          <ul className="space-y-2">
            {facts.instanceReports.map((r) => (
              <li key={r.instanceId} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <p className="font-semibold text-slate-900">{r.instanceId}</p>
                <p className="text-slate-700">
                  {t('support.reports.line', {
                    version: r.versionLabel ?? unknown,
                    status: r.appStatus ?? unknown,
                    sdk: r.sdkVersion ?? unknown,
                    events: r.eventCount,
                    at: dateTime(r.reportedAt),
                  })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
