import type { BundleFacts, BundleInstanceReport } from '../../../../contract/support-bundle-facts';
import type { BundleScan } from '../bundle-scan';
import { analysisOf } from './analysis';
import { clusterVersion, inferDistribution, nodeCounts } from './cluster';
import { instanceReports } from './instances';
import { filesMatching, jsonOf, stringAt, yamlOf } from './parse';
import { FACT_FILES } from './wanted';

/** A license ID as the vendor platform issues them: letters and digits (A5 validates 20–30; ours are shorter). */
const LICENSE_ID = /^[A-Za-z0-9]{8,64}$/;

/** The facts of A6 from the files the scan kept. Each is read on its own: one bad file nulls one fact. */
export async function bundleFacts(scan: BundleScan): Promise<BundleFacts> {
  const { files } = scan;
  const reports = await instanceReports(files);
  const latest = latestReport(reports);
  const k8sVersion = clusterVersion(files) ?? latest?.k8sVersion ?? null;
  return {
    collectedAt: collectedAt(scan),
    troubleshootVersion: stringAt(yamlOf(filesMatching(files, FACT_FILES.version)[0]?.[1]), 'spec', 'versionNumber'),
    k8sVersion,
    k8sDistribution: latest?.k8sDistribution ?? inferDistribution(files, k8sVersion),
    nodes: nodeCounts(scan),
    analysis: analysisOf(files),
    licenseIds: licenseIds(files, reports),
    instanceReports: reports,
  };
}

/**
 * version.yaml's modification time in the tar, which is UTC: the top folder's timestamp is the
 * collector's local time with no zone (A1, B6), and the baseline's folder has none at all.
 */
function collectedAt(scan: BundleScan): string | null {
  const version = scan.entries.get(scan.root ? `${scan.root}/version.yaml` : 'version.yaml');
  // Some writers leave mtimes at 0: 1970 is "unknown", not a collection time.
  const time = version?.mtime?.getTime() ?? NaN;
  return Number.isFinite(time) && time > 0 ? new Date(time).toISOString() : null;
}

function latestReport(reports: BundleInstanceReport[]): BundleInstanceReport | null {
  return reports.reduce<BundleInstanceReport | null>(
    (latest, report) => (!latest || report.reportedAt > latest.reportedAt ? report : latest),
    null,
  );
}

/** Every source A6 lists for the license binding; the caller compares them with the uploader's license. */
function licenseIds(files: BundleScan['files'], reports: BundleInstanceReport[]): string[] {
  const ids = [
    ...filesMatching(files, FACT_FILES.licenseInfo).map(([, bytes]) => stringAt(jsonOf(bytes), 'licenseID')),
    ...filesMatching(files, FACT_FILES.clusterLicense).map(([, bytes]) => stringAt(jsonOf(bytes), 'licenseID')),
    ...reports.map((report) => report.licenseId),
    ...filesMatching(files, FACT_FILES.licenseYaml).map(([, bytes]) => stringAt(yamlOf(bytes), 'spec', 'licenseID')),
  ];
  return [...new Set(ids.filter((id): id is string => id !== null && LICENSE_ID.test(id)))].sort();
}
