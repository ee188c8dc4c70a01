import type { BundleFacts } from '../../contract/support-bundle-facts';
import { and, eq, sql } from 'drizzle-orm';
import { can } from '../../contract/permissions';
import type { AnalysisCounts, SupportBundleSummary } from '../../contract/support-bundles';
import { installAttempts, instances, serviceAccounts, supportBundles, users } from '../db/schema';
import { actorOf } from '../http/actor';
import type { SessionContext } from '../http/env';
import { instanceNameSql } from '../instances/name';
import type { SupportBundle, Uploader } from './store';

/** Who uploads in a signed-in request: the person, or the service account whose token it carries. */
export const sessionUploader = (session: SessionContext): Uploader => {
  const { kind, id } = actorOf(session);
  return { kind, id };
};

/** Whether the signed-in person or service account is the one that uploaded the bundle. */
export const uploadedBySession = (
  session: SessionContext,
  bundle: Pick<SupportBundle, 'uploadedBy' | 'uploadedByKind'>,
) => {
  const { kind, id } = actorOf(session);
  return bundle.uploadedByKind === kind && bundle.uploadedBy === id;
};

/**
 * Admins may delete any of the team's bundles; whoever uploaded a bundle, a person or a service
 * account, may always delete it.
 */
export const mayDeleteBundle = (
  session: SessionContext,
  bundle: Pick<SupportBundle, 'uploadedBy' | 'uploadedByKind'>,
) => can(session.role, 'bundles.delete') || uploadedBySession(session, bundle);

/** The columns a summary is made of: the bundle, its instance's name and its uploader's. */
export const summaryColumns = {
  bundle: supportBundles,
  instanceName: sql<string | null>`CASE WHEN ${instances.id} IS NULL THEN NULL ELSE ${instanceNameSql()} END`,
  userEmail: users.email,
  accountName: serviceAccounts.name,
};

/** Joins for summaryColumns, on a select from support_bundles. */
export const summaryJoins = {
  instances: eq(instances.id, supportBundles.instanceId),
  installAttempts: eq(installAttempts.id, instances.attemptId),
  users: and(eq(supportBundles.uploadedByKind, 'user'), eq(users.id, supportBundles.uploadedBy)),
  serviceAccounts: and(
    eq(supportBundles.uploadedByKind, 'service_account'),
    eq(serviceAccounts.id, supportBundles.uploadedBy),
  ),
};

type SummaryRow = {
  bundle: SupportBundle;
  instanceName: string | null;
  userEmail: string | null;
  accountName: string | null;
};

export function presentBundle(row: SummaryRow, session: SessionContext): SupportBundleSummary {
  const { bundle } = row;
  const uploaderName =
    bundle.uploadedByKind === 'user'
      ? (row.userEmail ?? 'A former member')
      : bundle.uploadedByKind === 'service_account'
        ? (row.accountName ?? 'A deleted service account')
        : 'The license ID';
  return {
    id: bundle.id,
    filename: bundle.filename,
    instance: bundle.instanceId ? { id: bundle.instanceId, name: row.instanceName ?? bundle.instanceId } : null,
    source: bundle.source,
    status: bundle.status === 'uploading' ? 'inspecting' : bundle.status,
    rejection: bundle.rejection ?? null,
    size: bundle.size,
    sha256: bundle.sha256,
    uploadedBy: { kind: bundle.uploadedByKind, id: bundle.uploadedBy, name: uploaderName },
    collectedAt: bundle.collectedAt?.toISOString() ?? null,
    uploadedAt: (bundle.completedAt ?? bundle.createdAt).toISOString(),
    analysis: analysisCounts(bundle.facts),
    canDelete: mayDeleteBundle(session, bundle),
  };
}

/**
 * Analyzer results by severity (analysis.json: error = fail, warn, and debug or info = pass), as
 * the inspector counted them; null when the bundle has no analysis.
 */
export function analysisCounts(facts: BundleFacts | null): AnalysisCounts | null {
  const counts = facts?.analysis?.counts;
  if (!counts) return null;
  return { error: counts.error, warn: counts.warn, pass: counts.debug + counts.info };
}
