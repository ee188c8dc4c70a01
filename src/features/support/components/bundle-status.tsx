import { useTranslation } from 'react-i18next';
import { bundleRefusalCodes, type BundleRefusalCode } from '../../../../contract/support-bundle-facts';
import type { AnalysisCounts, BundleRejection, SupportBundleSummary } from '../../../../contract/support-bundles';
import { Badge } from '../../../components/ui/badge';

const tones = { inspecting: 'neutral', ready: 'success', rejected: 'danger' } as const;

const isKnownRefusal = (code: string): code is BundleRefusalCode =>
  (bundleRefusalCodes as readonly string[]).includes(code);

/** The status, and for a refused bundle why, in the reader's language when the code is known. */
export function BundleStatus({ bundle }: { bundle: Pick<SupportBundleSummary, 'status' | 'rejection'> }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-1">
      <Badge tone={tones[bundle.status]}>{t(`support.status.${bundle.status}`)}</Badge>
      {bundle.rejection && <p className="text-sm text-red-900">{rejectionText(t, bundle.rejection)}</p>}
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

export function rejectionText(t: T, rejection: BundleRejection): string {
  if (!isKnownRefusal(rejection.code)) return rejection.message;
  const reason = t(`support.refusals.${rejection.code}`);
  return rejection.path ? t('support.refusals.withPath', { reason, path: rejection.path }) : reason;
}

/** Analyzer results by severity: errors and warnings first, as they call for action. */
export function AnalysisSummary({ analysis }: { analysis: AnalysisCounts | null }) {
  const { t } = useTranslation();
  if (!analysis) return <span className="text-slate-600">{t('support.analysis.none')}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      <Badge tone={analysis.error > 0 ? 'danger' : 'neutral'}>
        {t('support.analysis.errors', { count: analysis.error })}
      </Badge>
      <Badge tone={analysis.warn > 0 ? 'warning' : 'neutral'}>
        {t('support.analysis.warnings', { count: analysis.warn })}
      </Badge>
      <Badge tone="success">{t('support.analysis.passes', { count: analysis.pass })}</Badge>
    </span>
  );
}
