import { and, eq, sql } from 'drizzle-orm';
import type { InstanceDetails, InstanceStatus } from '../../contract/installs';
import { newId } from '../auth/tokens';
import { instances, releases } from '../db/schema';
import type { AppEnv } from '../http/env';
import { recordCheckpoint } from '../installs/checkpoints';
import type { ServiceAccountIdentity } from '../installs/service-accounts';

type Deps = AppEnv['Variables']['deps'];

export type CheckIn = { externalId: string; status: InstanceStatus; details: InstanceDetails };

/**
 * Upserts the instance a check-in describes and moves its install attempt on. Instances are keyed
 * by (team, reported id), so one team's token can never reach another team's instance, whatever
 * id it reports.
 */
export async function recordCheckIn(deps: Deps, identity: ServiceAccountIdentity, checkIn: CheckIn) {
  const { team, serviceAccount, attempt } = identity;
  const now = deps.now();
  const details = { ...checkIn.details, versionLabel: await versionLabelOf(deps, team.channelId, checkIn.details) };
  const defined = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
  await deps.db
    .insert(instances)
    .values({
      id: newId(),
      teamId: team.id,
      externalId: checkIn.externalId,
      attemptId: attempt?.id ?? null,
      serviceAccountId: serviceAccount.id,
      airgap: false,
      status: checkIn.status,
      details: defined,
      firstCheckInAt: now,
      lastCheckInAt: now,
    })
    .onConflictDoUpdate({
      target: [instances.teamId, instances.externalId],
      set: {
        status: checkIn.status,
        // Each check-in reports the whole picture, so it replaces the last one.
        details: defined,
        lastCheckInAt: now,
        firstCheckInAt: sql`COALESCE(${instances.firstCheckInAt}, excluded.first_check_in_at)`,
        serviceAccountId: serviceAccount.id,
        attemptId: sql`COALESCE(excluded.attempt_id, ${instances.attemptId})`,
      },
    });
  if (!attempt) return;
  // An instance reporting in means the install ran to the end; ready means it works.
  await recordCheckpoint(deps, attempt.id, 'installation_completed');
  if (checkIn.status === 'ready') await recordCheckpoint(deps, attempt.id, 'instance_ready');
}

/** The release the instance runs, when it reports a sequence on the team's own channel. */
async function versionLabelOf(deps: Deps, teamChannelId: string, details: InstanceDetails) {
  if (details.channelSequence === undefined) return undefined;
  if (details.channelId !== undefined && details.channelId !== teamChannelId) return undefined;
  const [release] = await deps.db
    .select({ version: releases.version })
    .from(releases)
    .where(and(eq(releases.channelId, teamChannelId), eq(releases.sequence, details.channelSequence)));
  return release?.version;
}
