import type {
  BundleInstanceReport,
  BundleMetricValue,
  BundleResourceState,
} from '../../../../contract/support-bundle-facts';
import type { BundleScan } from '../bundle-scan';
import { replayOrder, reportEvents, type ReportEvent } from '../sdk-report';
import { filesMatching, jsonOf, numberAt, record, stringAt } from './parse';
import { FACT_FILES } from './wanted';

/** The report events of one kind, every matching secret decoded (several namespaces: several apps, A6 step 1). */
async function eventsOf(files: BundleScan['files'], pattern: RegExp): Promise<ReportEvent[]> {
  const decoded = await Promise.all(filesMatching(files, pattern).map(([, bytes]) => reportEvents(bytes)));
  return replayOrder(decoded.flatMap((events) => events ?? []));
}

/**
 * One entry per instance from the SDK and KOTS instance reports (A3, A5): events replayed oldest
 * first, each present field overwriting the last, so the latest state wins. Fields the SDK
 * omits when empty (`omitempty`) keep their earlier value.
 */
export async function instanceReports(files: BundleScan['files']): Promise<BundleInstanceReport[]> {
  const sdk = await eventsOf(files, FACT_FILES.sdkReport);
  const kots = new Set(await eventsOf(files, FACT_FILES.kotsReport));
  const metrics = await eventsOf(files, FACT_FILES.metricsReport);
  const appInfos = filesMatching(files, FACT_FILES.appInfo).map(([, bytes]) => jsonOf(bytes));
  const instances = new Map<string, BundleInstanceReport>();
  // KOTS and the SDK may both report one instance: their events interleave by time (A5).
  for (const event of replayOrder([...sdk, ...kots])) {
    const instanceId = stringAt(event, 'instance_id');
    if (!instanceId) continue;
    const at = new Date(event.reported_at).toISOString();
    const source = kots.has(event) ? 'kots' : 'sdk';
    const report = instances.get(instanceId) ?? emptyReport(instanceId, source, at);
    instances.set(instanceId, apply(report, event, at));
  }
  for (const event of metrics) {
    const report = instances.get(stringAt(event, 'instance_id') ?? '');
    const data = scalars(event.data);
    if (report && data) report.customMetrics = data;
  }
  for (const report of instances.values()) {
    const info = appInfos.find((json) => stringAt(json, 'instanceID') === report.instanceId);
    report.appSlug = stringAt(info, 'appSlug');
    report.versionLabel = stringAt(info, 'currentRelease', 'versionLabel');
  }
  return [...instances.values()].sort((a, b) => (a.instanceId < b.instanceId ? -1 : 1));
}

function emptyReport(instanceId: string, source: BundleInstanceReport['source'], at: string): BundleInstanceReport {
  return {
    instanceId,
    source,
    clusterId: null,
    licenseId: null,
    appSlug: null,
    versionLabel: null,
    channelId: null,
    channelName: null,
    channelSequence: null,
    appStatus: null,
    resourceStates: [],
    k8sVersion: null,
    k8sDistribution: null,
    sdkVersion: null,
    tags: {},
    customMetrics: null,
    firstReportedAt: at,
    reportedAt: at,
    eventCount: 0,
  };
}

function apply(report: BundleInstanceReport, event: ReportEvent, at: string): BundleInstanceReport {
  const field = (name: string) => stringAt(event, name);
  const agent = /^(?:Replicated-SDK|KOTS)\/(\S+)/.exec(field('user_agent') ?? '');
  const states = resourceStates(field('resource_states'));
  const tags = record(record(parsed(field('tags')))?.tags);
  return {
    ...report,
    clusterId: field('cluster_id') ?? report.clusterId,
    licenseId: field('license_id') ?? report.licenseId,
    channelId: field('downstream_channel_id') ?? report.channelId,
    channelName: field('downstream_channel_name') ?? report.channelName,
    channelSequence: numberAt(event, 'downstream_channel_sequence') ?? report.channelSequence,
    appStatus: field('app_status') ?? report.appStatus,
    resourceStates: states ?? report.resourceStates,
    k8sVersion: field('k8s_version') ?? report.k8sVersion,
    k8sDistribution: field('k8s_distribution') ?? report.k8sDistribution,
    sdkVersion: agent?.[1] ?? report.sdkVersion,
    tags: tags ? stringValues(tags) : report.tags,
    reportedAt: at,
    eventCount: report.eventCount + 1,
  };
}

/** `resource_states` and `tags` are JSON inside a JSON string (A3). */
function parsed(text: string | null): unknown {
  return text === null ? undefined : jsonOf(new TextEncoder().encode(text));
}

function resourceStates(text: string | null): BundleResourceState[] | null {
  const list = parsed(text);
  if (!Array.isArray(list)) return null;
  return list.flatMap((item) => {
    const [kind, name, namespace, state] = ['kind', 'name', 'namespace', 'state'].map((k) => stringAt(item, k));
    return kind && name && state ? [{ kind, name, namespace: namespace ?? '', state }] : [];
  });
}

function stringValues(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function scalars(value: unknown): Record<string, BundleMetricValue> | null {
  const data = record(value);
  if (!data) return null;
  const entries = Object.entries(data).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v));
  return Object.fromEntries(entries) as Record<string, BundleMetricValue>;
}
