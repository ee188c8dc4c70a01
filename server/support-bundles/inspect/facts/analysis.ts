import {
  bundleSeverities,
  MAX_ANALYZER_RESULTS,
  type BundleFacts,
  type BundleSeverity,
} from '../../../../contract/support-bundle-facts';
import type { BundleScan } from '../bundle-scan';
import { filesMatching, jsonOf, stringAt } from './parse';
import { FACT_FILES } from './wanted';

/** analysis.json (A3): an array of results; `[]` when no analyzer ran. Unknown severities are left out. */
export function analysisOf(files: BundleScan['files']): BundleFacts['analysis'] {
  const [file] = filesMatching(files, FACT_FILES.analysis);
  const json = jsonOf(file?.[1]);
  if (!Array.isArray(json)) return null;
  const counts = Object.fromEntries(bundleSeverities.map((s) => [s, 0])) as Record<BundleSeverity, number>;
  const results: NonNullable<BundleFacts['analysis']>['results'] = [];
  for (const item of json) {
    const severity = (stringAt(item, 'severity') ?? stringAt(item, 'insight', 'severity')) as BundleSeverity | null;
    if (!severity || !bundleSeverities.includes(severity)) continue;
    counts[severity] += 1;
    if (results.length < MAX_ANALYZER_RESULTS)
      results.push({
        name: stringAt(item, 'name') ?? stringAt(item, 'insight', 'name') ?? '',
        title: stringAt(item, 'insight', 'primary') ?? '',
        severity,
        message: stringAt(item, 'insight', 'detail') ?? '',
      });
  }
  return { counts, results };
}
