import type { BundleScan } from '../bundle-scan';
import { FACT_FILES } from './wanted';
import { filesMatching, jsonOf, record, stringAt } from './parse';

/** cluster-info/cluster_version.json `.info.gitVersion`, else `.string` (A6, Kubernetes version). */
export function clusterVersion(files: BundleScan['files']): string | null {
  const [file] = filesMatching(files, FACT_FILES.clusterVersion);
  const json = jsonOf(file?.[1]);
  return stringAt(json, 'info', 'gitVersion') ?? stringAt(json, 'string');
}

type Node = { spec?: unknown; metadata?: unknown; status?: unknown };

function nodeList(files: BundleScan['files']): Node[] | null {
  const [file] = filesMatching(files, FACT_FILES.nodes);
  const items = record(jsonOf(file?.[1]))?.items;
  return Array.isArray(items) ? items.filter((item): item is Node => record(item) !== null) : null;
}

/**
 * Total and Ready nodes from nodes.json; null when it is missing or unreadable, and when
 * nodes-errors.json says listing them failed (RBAC), because then the count is unknown, not 0 (A6).
 */
export function nodeCounts(scan: BundleScan): { total: number; ready: number } | null {
  const nodes = nodeList(scan.files);
  const errors = scan.root ? `${scan.root}/cluster-resources/nodes-errors.json` : 'cluster-resources/nodes-errors.json';
  if (!nodes || (nodes.length === 0 && scan.entries.has(errors))) return null;
  const ready = nodes.filter((node) => {
    const conditions = record(node.status)?.conditions;
    return (
      Array.isArray(conditions) &&
      conditions.some((c) => stringAt(c, 'type') === 'Ready' && stringAt(c, 'status') === 'True')
    );
  });
  return { total: nodes.length, ready: ready.length };
}

const NODE_LABELS: [test: (key: string, value: unknown) => boolean, distribution: string][] = [
  [(key, value) => key === 'kurl.sh/cluster' && value === 'true', 'kurl'],
  [(key, value) => key === 'microk8s.io/cluster' && value === 'true', 'microk8s'],
  [(key) => key === 'kubernetes.azure.com/role', 'aks'],
  [(key) => key === 'minikube.k8s.io/version', 'minikube'],
  [(key) => key === 'kots.io/embedded-cluster-role', 'embedded-cluster'],
];

const GIT_VERSIONS: [marker: string, distribution: string][] = [
  ['-gke.', 'gke'],
  ['-eks-', 'eks'],
  ['+rke2', 'rke2'],
  ['+k3s', 'k3s'],
  ['+k0s', 'k0s'],
];

/**
 * The SDK's own inference (report/distribution.go, A6), in its order: API groups, the first
 * node's provider ID, node labels, then the version string. null where the SDK says "unknown".
 */
export function inferDistribution(files: BundleScan['files'], gitVersion: string | null): string | null {
  const [resources] = filesMatching(files, FACT_FILES.resources);
  const groups = jsonOf(resources?.[1]);
  if (Array.isArray(groups)) {
    for (const group of groups) {
      const version = stringAt(group, 'groupVersion') ?? '';
      if (version.startsWith('apps.openshift.io/')) return 'openshift';
      if (version.startsWith('run.tanzu.vmware.com/')) return 'tanzu';
    }
  }
  const nodes = nodeList(files) ?? [];
  const providerId = stringAt(nodes[0], 'spec', 'providerID') ?? '';
  if (providerId.startsWith('kind:')) return 'kind';
  if (providerId.startsWith('digitalocean:')) return 'digital-ocean';
  for (const node of nodes) {
    const labels = Object.entries(record(record(node.metadata)?.labels) ?? {});
    for (const [test, distribution] of NODE_LABELS) if (labels.some(([k, v]) => test(k, v))) return distribution;
  }
  return GIT_VERSIONS.find(([marker]) => gitVersion?.includes(marker))?.[1] ?? null;
}
