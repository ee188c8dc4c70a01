import { and, eq } from 'drizzle-orm';
import { instanceStatuses, type InstanceDetails, type InstanceStatus } from '../../contract/installs';
import type { BundleFacts, BundleInstanceReport } from '../../contract/support-bundle-facts';
import type { BundleRejection } from '../../contract/support-bundles';
import { hashToken, newId } from '../auth/tokens';
import type { Database } from '../db/database';
import { instances, teams } from '../db/schema';
import { holdsUnsafeText } from '../http/validate';
import { rollUpStatus } from '../instances/status';

type Instance = typeof instances.$inferSelect;

export type BundleFactsInput = {
  teamId: string;
  /** The instance the uploader said the bundle belongs to, if any. */
  instanceId: string | null;
  facts: BundleFacts;
  now: Date;
};

/** The bundle's facts are recorded (naming the instance they went to), or it is refused whole. */
export type FactsOutcome = { ok: true; instanceId: string | null } | { ok: false; refusal: BundleRejection };

/**
 * What an inspected bundle tells the team's instances (issue 9, reference A5/A6). A bundle that
 * names a license other than the team's is refused, and nothing is recorded. The Replicated SDK's
 * air-gap reports create or update the instance they name, as an air-gap instance; a bundle
 * without them refreshes the Kubernetes facts of the air-gap instance it was uploaded for. Data
 * no newer than what the instance holds changes nothing, so the same bundle twice is a no-op.
 * Runs in the caller's transaction, with the bundle's status change.
 */
export async function applyBundleFacts(db: Database, input: BundleFactsInput): Promise<FactsOutcome> {
  const { facts } = input;
  // jsonb cannot hold NUL, and nothing the portal shows should hold broken text.
  if (holdsUnsafeText(facts)) return refuse('unsafe_text', 'Its reports hold NUL characters or broken text.');
  if (!(await licenseMatches(db, input.teamId, facts.licenseIds))) {
    return refuse(
      'license_mismatch',
      'It was collected with another customer’s license, not your team’s, so it was not recorded.',
    );
  }
  let recordedOn: string | null = input.instanceId;
  for (const report of facts.instanceReports) {
    const id = await applyReport(db, input, report);
    recordedOn ??= id;
  }
  if (facts.instanceReports.length === 0 && input.instanceId) await applyClusterFacts(db, input);
  return { ok: true, instanceId: recordedOn };
}

const refuse = (code: string, message: string): FactsOutcome => ({
  ok: false,
  refusal: { code, message: `This bundle was refused. ${message}` },
});

async function licenseMatches(db: Database, teamId: string, licenseIds: readonly string[]) {
  if (licenseIds.length === 0) return true;
  const [team] = await db.select({ hash: teams.licenseIdHash }).from(teams).where(eq(teams.id, teamId));
  if (!team?.hash) return false;
  const hashes = await Promise.all(licenseIds.map(hashToken));
  return hashes.every((hash) => hash === team.hash);
}

/** The instance a report names: by its id within the team, else the record it was uploaded for. */
async function reportedInstance(db: Database, input: BundleFactsInput, externalId: string) {
  const [named] = await db
    .select()
    .from(instances)
    .where(and(eq(instances.teamId, input.teamId), eq(instances.externalId, externalId)));
  if (named) return named;
  if (!input.instanceId) return undefined;
  const [chosen] = await db
    .select()
    .from(instances)
    .where(and(eq(instances.teamId, input.teamId), eq(instances.id, input.instanceId)));
  // A record entered by hand has no reported id until its first bundle gives it one.
  return chosen?.airgap && chosen.externalId === null ? chosen : undefined;
}

async function applyReport(db: Database, input: BundleFactsInput, report: BundleInstanceReport) {
  const reportedAt = new Date(report.reportedAt);
  const existing = await reportedInstance(db, input, report.instanceId);
  // An instance that checks in online is told more, and sooner, by its check-ins.
  if (existing && !existing.airgap) return existing.id;
  if (existing?.dataAt && existing.dataAt.getTime() >= reportedAt.getTime()) return existing.id;

  const details: InstanceDetails = { ...existing?.details, ...detailsOf(report, input.facts) };
  const status = statusOf(report);
  const values = {
    externalId: report.instanceId,
    airgap: true,
    details,
    ...(status ? { status } : {}),
    ...(report.customMetrics ? { customMetrics: report.customMetrics, customMetricsReceivedAt: reportedAt } : {}),
    dataAt: reportedAt,
    lastCheckInAt: reportedAt,
    updatedAt: input.now,
  };
  if (existing) {
    await db
      .update(instances)
      .set({ ...values, firstCheckInAt: existing.firstCheckInAt ?? new Date(report.firstReportedAt) })
      .where(eq(instances.id, existing.id));
    return existing.id;
  }
  const id = newId();
  await db.insert(instances).values({
    id,
    teamId: input.teamId,
    ...values,
    firstCheckInAt: new Date(report.firstReportedAt),
    createdAt: input.now,
  });
  return id;
}

/** The report's own fields, and the cluster's from the bundle where the report has none. */
function detailsOf(report: BundleInstanceReport, facts: BundleFacts): InstanceDetails {
  const defined = <T>(value: T | null | undefined) => value ?? undefined;
  const details: InstanceDetails = {
    clusterId: defined(report.clusterId),
    versionLabel: defined(report.versionLabel),
    channelId: defined(report.channelId),
    channelName: defined(report.channelName),
    channelSequence: defined(report.channelSequence),
    appStatus: defined(report.appStatus),
    k8sVersion: defined(report.k8sVersion ?? facts.k8sVersion),
    k8sDistribution: defined(report.k8sDistribution ?? facts.k8sDistribution),
    sdkVersion: defined(report.sdkVersion),
    resourceStates: knownStates(report),
    tags: Object.keys(report.tags).length > 0 ? report.tags : undefined,
    nodes: defined(facts.nodes),
  };
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
}

const isStatus = (state: string): state is InstanceStatus => (instanceStatuses as readonly string[]).includes(state);

function knownStates(report: BundleInstanceReport) {
  const states = report.resourceStates.filter((s) => isStatus(s.state));
  return states.length > 0 ? states.map((s) => ({ ...s, state: s.state as InstanceStatus })) : undefined;
}

/** As a check-in's: the resources decide when there are some, else the reported app status. */
function statusOf(report: BundleInstanceReport): InstanceStatus | null {
  const states = knownStates(report);
  if (states) return rollUpStatus(states);
  return report.appStatus && isStatus(report.appStatus) ? report.appStatus : null;
}

/** A bundle with no reports, uploaded for an air-gap instance: its cluster's facts, if newer. */
async function applyClusterFacts(db: Database, input: BundleFactsInput) {
  const [instance] = await db
    .select()
    .from(instances)
    .where(and(eq(instances.teamId, input.teamId), eq(instances.id, input.instanceId!)));
  if (!instance?.airgap) return;
  const { facts } = input;
  const takenAt = facts.collectedAt ? new Date(facts.collectedAt) : input.now;
  if (instance.dataAt && instance.dataAt.getTime() >= takenAt.getTime()) return;
  const cluster: InstanceDetails = {
    ...(facts.k8sVersion ? { k8sVersion: facts.k8sVersion } : {}),
    ...(facts.k8sDistribution ? { k8sDistribution: facts.k8sDistribution } : {}),
    ...(facts.nodes ? { nodes: facts.nodes } : {}),
  };
  await db
    .update(instances)
    .set({
      details: { ...instance.details, ...cluster },
      dataAt: takenAt,
      updatedAt: input.now,
    } satisfies Partial<Instance>)
    .where(eq(instances.id, instance.id));
}
