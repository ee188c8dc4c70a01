/**
 * The files the facts are read from (A6), by path relative to the bundle's root. Globbed, not
 * fixed, because namespaces and pod names vary (A2).
 */
export const FACT_FILES = {
  version: /^version\.yaml$/,
  analysis: /^analysis\.json$/,
  clusterVersion: /^cluster-info\/cluster_version\.json$/,
  nodes: /^cluster-resources\/nodes\.json$/,
  resources: /^cluster-resources\/resources\.json$/,
  clusterLicense: /^cluster-resources\/license\.json$/,
  sdkReport: /^secrets\/[^/]+\/replicated-instance-report\/report\.json$/,
  kotsReport: /^secrets\/[^/]+\/kotsadm-[^/]+-instance-report\/report\.json$/,
  metricsReport: /^secrets\/[^/]+\/replicated-custom-app-metrics-report\/report\.json$/,
  licenseInfo: /^replicated-sdk\/[^/]+\/[^/]+\/replicated-license-info-stdout\.txt$/,
  appInfo: /^replicated-sdk\/[^/]+\/[^/]+\/replicated-app-info-stdout\.txt$/,
  licenseYaml: /^(kots\/admin_console|host-collectors\/embedded-cluster)\/license\.yaml$/,
} as const;

const patterns = Object.values(FACT_FILES);

export function isFactFile(relativePath: string): boolean {
  return patterns.some((pattern) => pattern.test(relativePath));
}
