import { eq } from 'drizzle-orm';
import type { AirgapRecord } from '../../contract/airgap';
import type { KubernetesDistribution } from '../../contract/installs';
import { actorJoins, actorNames, presentActor, type ActorNames } from '../db/actors';
import type { Database } from '../db/database';
import { apps, instances } from '../db/schema';
import { presentInstance } from './present';

const DAY_MS = 86_400_000;

/**
 * The age of an air-gap record's newest data against the vendor's cadence (portico.yaml
 * `app.airgap_report_cadence_days`): stale once it is older than that many days.
 */
export function airgapFreshness(dataAt: Date, cadenceDays: number, now: Date) {
  const ageMs = Math.max(0, now.getTime() - dataAt.getTime());
  return { dataAgeDays: Math.floor(ageMs / DAY_MS), stale: ageMs > cadenceDays * DAY_MS };
}

/** The vendor's cadence for the app a team belongs to. */
export async function airgapCadenceDays(db: Database, appId: string): Promise<number> {
  const [app] = await db.select({ days: apps.airgapReportCadenceDays }).from(apps).where(eq(apps.id, appId));
  return app!.days;
}

const recorder = actorJoins(instances.recordedByKind, instances.recordedBy);

/** Instances with the names of who recorded them (a person or a service account), to present. */
export const selectWithRecorder = (db: Database) =>
  db
    .select({ instance: instances, ...actorNames })
    .from(instances)
    .leftJoin(...recorder.user)
    .leftJoin(...recorder.account);

export type RecordRow = ActorNames & { instance: typeof instances.$inferSelect };

/** A manual record as the team sees it: an `Instance`, plus what was entered and how old it is. */
export function presentAirgapRecord(row: RecordRow, cadenceDays: number, now: Date): AirgapRecord {
  const { instance } = row;
  const dataAt = instance.dataAt ?? instance.createdAt;
  return {
    ...presentInstance(instance, null, now),
    source: 'manual',
    method: instance.installMethod,
    kubernetesDistribution: (instance.details.k8sDistribution as KubernetesDistribution | undefined) ?? null,
    adminConsoleUrl: instance.adminConsoleUrl,
    archivedAt: instance.archivedAt?.toISOString() ?? null,
    recordedBy:
      instance.recordedBy && instance.recordedByKind
        ? presentActor(instance.recordedByKind, instance.recordedBy, row)
        : null,
    dataAt: dataAt.toISOString(),
    updatedAt: instance.updatedAt?.toISOString() ?? null,
    ...airgapFreshness(dataAt, cadenceDays, now),
    cadenceDays,
  };
}
