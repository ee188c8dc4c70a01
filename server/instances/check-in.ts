import { and, eq, sql } from 'drizzle-orm';
import type { InstanceDetails, InstanceStatus } from '../../contract/installs';
import { newId } from '../auth/tokens';
import { releases } from '../db/schema';
import type { Ports } from '../deps';
import { recordCheckpointOnce } from '../installs/checkpoints';
import { attemptFor, hasOpenAttempt } from '../installs/attribution';
import type { MachineIdentity } from '../service-accounts/service-accounts';

type Deps = Ports;

/**
 * What one report says about an instance. A null status says nothing about it (the SDK's update
 * check at start-up, before its informers have reported): the status recorded before stays.
 */
export type CheckIn = { externalId: string; status: InstanceStatus | null; details: InstanceDetails };

/**
 * Upserts the instance a check-in describes and moves its install attempt on. Instances are keyed
 * by (team, reported id), so one team's credentials can never reach another team's instance,
 * whatever id it reports. A token names its attempt; a license ID finds it (decision 008).
 */
export async function recordCheckIn(deps: Deps, identity: MachineIdentity, checkIn: CheckIn) {
  const { team, serviceAccount } = identity;
  const now = deps.now();
  const details = { ...checkIn.details, versionLabel: await versionLabelOf(deps, team.channelId, checkIn.details) };
  const defined = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
  // Written as one plain statement: this runs for every check-in of every instance, and the
  // query builder costs as much again as the statement itself (see docs/performance.md).
  const at = now.toISOString();
  const result = await deps.db.execute(sql`
    INSERT INTO instances (id, team_id, external_id, attempt_id, service_account_id, airgap, status, details,
                           first_check_in_at, last_check_in_at)
    VALUES (${newId()}, ${team.id}, ${checkIn.externalId}, ${identity.attempt?.id ?? null},
            ${serviceAccount?.id ?? null}, false, ${checkIn.status}, ${JSON.stringify(defined)}::jsonb,
            ${at}::timestamptz, ${at}::timestamptz)
    ON CONFLICT (team_id, external_id) DO UPDATE SET
      status = COALESCE(excluded.status, instances.status),
      details = excluded.details,
      last_check_in_at = excluded.last_check_in_at,
      first_check_in_at = COALESCE(instances.first_check_in_at, excluded.first_check_in_at),
      service_account_id = excluded.service_account_id,
      attempt_id = COALESCE(excluded.attempt_id, instances.attempt_id)
    RETURNING attempt_id`);
  const ready = checkIn.status === 'ready';

  if (identity.credential === 'token') {
    const { attempt } = identity;
    if (!attempt) return;
    // An instance reporting in means the install ran to the end; ready means it works. Once both
    // are recorded, the steady stream of check-ins has nothing more to tell the attempt.
    await recordCheckpointOnce(deps, attempt, 'installation_completed');
    if (ready) await recordCheckpointOnce(deps, attempt, 'instance_ready');
    return;
  }

  const linked = (result as unknown as { rows: { attempt_id: string | null }[] }).rows[0]?.attempt_id;
  if (linked) return advanceAttempt(deps, linked, ready);
  if (!(await hasOpenAttempt(deps, team.id))) return;
  const attempt = await attemptFor(deps, identity, {
    kind: 'check-in',
    instanceId: checkIn.externalId,
    clusterIds: [checkIn.details.embeddedClusterId, checkIn.details.clusterId].filter((id): id is string => !!id),
  });
  if (!attempt) return;
  await deps.db.execute(sql`
    UPDATE instances SET attempt_id = ${attempt.id}
    WHERE team_id = ${team.id} AND external_id = ${checkIn.externalId} AND attempt_id IS NULL`);
  await advanceAttempt(deps, attempt.id, ready);
}

/**
 * What a check-in tells an attempt found by id: the install completed, and the instance is ready
 * if it says so. One statement that changes nothing once both are recorded, so the steady stream
 * of check-ins costs an index lookup.
 */
async function advanceAttempt(deps: Deps, attemptId: string, ready: boolean) {
  const at = deps.now().toISOString();
  const result = await deps.db.execute(sql`
    UPDATE install_attempts SET
      installation_completed_at = COALESCE(installation_completed_at, ${at}::timestamptz),
      instance_ready_at = CASE WHEN ${ready} THEN COALESCE(instance_ready_at, ${at}::timestamptz)
                               ELSE instance_ready_at END,
      last_progress_at = ${at}::timestamptz
    WHERE id = ${attemptId} AND discarded_at IS NULL
      AND (installation_completed_at IS NULL OR (${ready} AND instance_ready_at IS NULL))
    RETURNING team_id`);
  const row = (result as unknown as { rows: { team_id: string }[] }).rows[0];
  if (row) deps.events.publish({ type: 'attempt.updated', teamId: row.team_id, attemptId });
}

// Releases change only when the catalogue loads; a minute-old answer is right, and cheap.
const versionCache = new WeakMap<object, Map<string, { version: string | undefined; expiresAt: number }>>();
const VERSION_CACHE_MS = 60_000;

/** The release the instance runs, when it reports a sequence on the team's own channel. */
async function versionLabelOf(deps: Deps, teamChannelId: string, details: InstanceDetails) {
  if (details.channelSequence === undefined) return undefined;
  if (details.channelId !== undefined && details.channelId !== teamChannelId) return undefined;
  const cache = versionCache.get(deps.db) ?? new Map();
  versionCache.set(deps.db, cache);
  const key = `${teamChannelId}:${details.channelSequence}`;
  const at = deps.now().getTime();
  const hit = cache.get(key);
  if (hit && hit.expiresAt > at) return hit.version;
  const version = await lookUpVersion(deps, teamChannelId, details.channelSequence);
  cache.set(key, { version, expiresAt: at + VERSION_CACHE_MS });
  return version;
}

async function lookUpVersion(deps: Deps, teamChannelId: string, channelSequence: number) {
  const [release] = await deps.db
    .select({ version: releases.version })
    .from(releases)
    .where(and(eq(releases.channelId, teamChannelId), eq(releases.sequence, channelSequence)));
  return release?.version;
}
