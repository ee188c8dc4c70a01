import type { Instance, InstanceStatus, InstallMethod, InstallOptions } from './installs';

/** The fields whose changes an instance's history keeps, as `InstanceDetails` names them. */
export const trackedFields = [
  'versionLabel',
  'channelId',
  'channelName',
  'k8sVersion',
  'k8sDistribution',
  'sdkVersion',
  'embeddedClusterVersion',
] as const;
export type TrackedField = (typeof trackedFields)[number];

/**
 * One entry of the status timeline: a status change, or a check-in that came after a gap longer
 * than the inactivity threshold (the instance reported nothing from `since` until `at`).
 */
export type TimelineEntry =
  | { kind: 'status'; at: string; from: InstanceStatus | null; to: InstanceStatus }
  | { kind: 'gap'; at: string; since: string };

export type FieldChange = { at: string; field: TrackedField; from: string | null; to: string | null };

/** Milliseconds of one UTC day spent up, down, or without data; today counts up to now. */
export type UptimeDay = { date: string; up: number; down: number; noData: number };

/** The last 14 days; `ratio` is up / (up + down), null when there is no data at all. */
export type Uptime = { days: UptimeDay[]; ratio: number | null };

export type MetricValue = string | number | boolean;

/** A custom metric: its latest value, and the numeric samples kept for it, oldest first. */
export type CustomMetricSeries = {
  name: string;
  latest: MetricValue | null;
  series: { at: string; value: number }[];
};

/** Durations in milliseconds; null when the instance has not been ready yet, or the start is unknown. */
export type TimeToInstall = {
  licenseCreatedToFirstReady: number | null;
  firstEventToFirstReady: number | null;
};

/** `GET /api/instances/:id`: an instance with its history, newest first, bounded. */
export type InstanceDetailsView = {
  instance: Instance;
  firstReadyAt: string | null;
  timeline: TimelineEntry[];
  fieldChanges: FieldChange[];
  uptime: Uptime;
  customMetrics: CustomMetricSeries[];
  customMetricsReceivedAt: string | null;
  timeToInstall: TimeToInstall;
  /** The install attempt it came from: its method and options are how it upgrades. */
  attempt: { id: string; name: string; method: InstallMethod; options: InstallOptions } | null;
};
