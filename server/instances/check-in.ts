import { and, eq, sql } from 'drizzle-orm';
import type { InstanceDetails, InstanceStatus } from '../../contract/installs';
import { newId } from '../auth/tokens';
import { releases } from '../db/schema';
import type { Ports } from '../deps';
import { recordCheckpointOnce } from '../installs/checkpoints';
import type { ServiceAccountIdentity } from '../service-accounts/service-accounts';

type Deps = Ports;

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
  // Written as one plain statement: this runs for every check-in of every instance, and the
  // query builder costs as much again as the statement itself (see docs/performance.md).
  const at = now.toISOString();
  await deps.db.execute(sql`
    INSERT INTO instances (id, team_id, external_id, attempt_id, service_account_id, airgap, status, details,
                           first_check_in_at, last_check_in_at)
    VALUES (${newId()}, ${team.id}, ${checkIn.externalId}, ${attempt?.id ?? null}, ${serviceAccount.id}, false,
            ${checkIn.status}, ${JSON.stringify(defined)}::jsonb, ${at}::timestamptz, ${at}::timestamptz)
    ON CONFLICT (team_id, external_id) DO UPDATE SET
      status = excluded.status,
      details = excluded.details,
      last_check_in_at = excluded.last_check_in_at,
      first_check_in_at = COALESCE(instances.first_check_in_at, excluded.first_check_in_at),
      service_account_id = excluded.service_account_id,
      attempt_id = COALESCE(excluded.attempt_id, instances.attempt_id)`);
  if (!attempt) return;
  // An instance reporting in means the install ran to the end; ready means it works. Once both
  // are recorded, the steady stream of check-ins has nothing more to tell the attempt.
  await recordCheckpointOnce(deps, attempt, 'installation_completed');
  if (checkIn.status === 'ready') await recordCheckpointOnce(deps, attempt, 'instance_ready');
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
