import { and, eq, lt } from 'drizzle-orm';
import { UPLOAD_EXPIRES_AFTER_MS, type BundleSource, type BundleUploaderKind } from '../../contract/support-bundles';
import { newId } from '../auth/tokens';
import type { Database } from '../db/database';
import { apps, instances, supportBundles, teams } from '../db/schema';
import type { Ports } from '../deps';
import { HttpError, notFound } from '../http/errors';
import type { InspectBundle } from './inspection';

export type SupportBundle = typeof supportBundles.$inferSelect;

/** What the bundle functions use of the ports, and the inspector the app was built with. */
export type BundleDeps = Pick<Ports, 'db' | 'blobs' | 'now' | 'logger'> & { inspectBundle: InspectBundle };

/**
 * Who sent a bundle: a user's id, a service account's id, or for a machine that presented the
 * license ID (troubleshoot, KOTS, the SDK), whatever the adapter identifies it by (the instance
 * id it reported, else the team id).
 */
export type Uploader = { kind: BundleUploaderKind; id: string };

export type NewBundle = {
  teamId: string;
  uploadedBy: Uploader;
  source: BundleSource;
  filename: string;
  size: number;
  instanceId?: string | null;
  collectedAt?: Date | null;
};

/** The most bytes one bundle of this team's app may have (portico.yaml `support.max_bundle_bytes`). */
export async function maxBundleBytes(db: Database, teamId: string): Promise<number> {
  const [row] = await db
    .select({ max: apps.maxBundleBytes })
    .from(teams)
    .innerJoin(apps, eq(apps.id, teams.appId))
    .where(eq(teams.id, teamId));
  if (!row) throw notFound('Your team');
  return row.max;
}

export const tooLargeForPortal = (maxBytes: number) =>
  new HttpError(
    413,
    'payload_too_large',
    `This file is larger than ${formatSize(maxBytes)}, the largest support bundle this portal accepts ` +
      `(support.max_bundle_bytes in portico.yaml).`,
    { limitBytes: maxBytes },
  );

function formatSize(bytes: number) {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(2))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** Starts a bundle: its row (status 'uploading', not yet listed) and an empty blob. */
export async function createBundle(deps: Pick<BundleDeps, 'db' | 'blobs' | 'now'>, bundle: NewBundle) {
  const limit = await maxBundleBytes(deps.db, bundle.teamId);
  if (bundle.size > limit) throw tooLargeForPortal(limit);
  if (bundle.instanceId) await requireTeamInstance(deps.db, bundle.teamId, bundle.instanceId);
  const now = deps.now();
  const [row] = await deps.db
    .insert(supportBundles)
    .values({
      id: newId(),
      teamId: bundle.teamId,
      instanceId: bundle.instanceId ?? null,
      uploadedBy: bundle.uploadedBy.id,
      uploadedByKind: bundle.uploadedBy.kind,
      source: bundle.source,
      filename: bundle.filename,
      size: bundle.size,
      collectedAt: bundle.collectedAt ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await deps.blobs.create(row!.id);
  return row!;
}

async function requireTeamInstance(db: Database, teamId: string, instanceId: string) {
  const [found] = await db
    .select({ id: instances.id })
    .from(instances)
    .where(and(eq(instances.id, instanceId), eq(instances.teamId, teamId)));
  if (!found) {
    const message = 'Choose one of your instances.';
    throw new HttpError(400, 'validation_failed', message, { fields: { instanceId: message } });
  }
}

/** A bundle of the team's, in any status; 404 for anyone else's. */
export async function findBundle(db: Database, teamId: string, id: string): Promise<SupportBundle> {
  const [row] = await db
    .select()
    .from(supportBundles)
    .where(and(eq(supportBundles.id, id), eq(supportBundles.teamId, teamId)));
  if (!row) throw notFound('That support bundle');
  return row;
}

export async function recordReceived(deps: Pick<BundleDeps, 'db' | 'now'>, id: string, receivedBytes: number) {
  await deps.db
    .update(supportBundles)
    .set({ receivedBytes, updatedAt: deps.now() })
    .where(and(eq(supportBundles.id, id), eq(supportBundles.status, 'uploading')));
}

/**
 * The last byte has arrived: the blob is completed (its SHA-256 fixed) and the bundle becomes
 * listed, as 'inspecting'. Only one caller wins the change of status; the others get null.
 */
export async function finishUpload(deps: BundleDeps, bundle: SupportBundle): Promise<SupportBundle | null> {
  const { size, sha256 } = await deps.blobs.complete(bundle.id);
  const now = deps.now();
  const [row] = await deps.db
    .update(supportBundles)
    .set({ status: 'inspecting', sha256, size, receivedBytes: size, completedAt: now, updatedAt: now })
    .where(and(eq(supportBundles.id, bundle.id), eq(supportBundles.status, 'uploading')))
    .returning();
  return row ?? null;
}

/**
 * Reads the complete bundle once through the inspector: 'ready' with its facts and files, or
 * 'rejected' with the reason, whose bytes are then deleted (the row stays, with the reason).
 */
export async function inspectStoredBundle(deps: BundleDeps, id: string): Promise<SupportBundle | null> {
  const body = await deps.blobs.open(id);
  let result: Awaited<ReturnType<InspectBundle>>;
  if (!body) {
    result = { ok: false, refusal: { code: 'missing', message: 'The bundle’s bytes were lost before inspection.' } };
  } else {
    result = await deps.inspectBundle(body).catch((error: unknown) => {
      deps.logger.error('support bundle inspection failed', { id, error: String(error) });
      return {
        ok: false,
        refusal: { code: 'inspection_failed', message: 'The portal could not inspect this bundle.' },
      };
    });
  }
  const now = deps.now();
  const [row] = await deps.db
    .update(supportBundles)
    .set(
      result.ok
        ? { status: 'ready', facts: result.facts ?? null, files: result.files, updatedAt: now }
        : { status: 'rejected', rejection: result.refusal, updatedAt: now },
    )
    .where(and(eq(supportBundles.id, id), eq(supportBundles.status, 'inspecting')))
    .returning();
  if (!result.ok) await deps.blobs.delete(id);
  return row ?? null;
}

/**
 * Inspects again the bundles a stopped server left 'inspecting' (their bytes are complete; the
 * inspection ran after the answer and died with the process). The Node host runs it at start.
 */
export async function inspectPending(deps: BundleDeps): Promise<number> {
  const pending = await deps.db
    .select({ id: supportBundles.id })
    .from(supportBundles)
    .where(eq(supportBundles.status, 'inspecting'));
  for (const { id } of pending) await inspectStoredBundle(deps, id);
  return pending.length;
}

/** Removes a bundle: the row first, so nothing lists a bundle whose bytes are going. */
export async function deleteBundle(deps: Pick<BundleDeps, 'db' | 'blobs'>, id: string) {
  await deps.db.delete(supportBundles).where(eq(supportBundles.id, id));
  await deps.blobs.delete(id);
}

/** When an upload started at `createdAt` is given up on (tus Upload-Expires). */
export const uploadExpiresAt = (createdAt: Date) => new Date(createdAt.getTime() + UPLOAD_EXPIRES_AFTER_MS);

/**
 * Removes every upload not completed within a day, row and bytes, so it leaves no record. The
 * Node host runs it at start and every hour. Answers how many were removed.
 */
export async function cleanAbandonedUploads(deps: Pick<BundleDeps, 'db' | 'blobs'>, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - UPLOAD_EXPIRES_AFTER_MS);
  const removed = await deps.db
    .delete(supportBundles)
    .where(and(eq(supportBundles.status, 'uploading'), lt(supportBundles.createdAt, cutoff)))
    .returning({ id: supportBundles.id });
  for (const { id } of removed) await deps.blobs.delete(id);
  return removed.length;
}
