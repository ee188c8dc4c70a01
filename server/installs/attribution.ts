import { and, eq, inArray, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import { installAttempts } from '../db/schema';
import type { Ports } from '../deps';
import type { MachineIdentity } from '../service-accounts/service-accounts';

type Attempt = typeof installAttempts.$inferSelect;

/**
 * What a machine's request tells an install attempt, and so which attempt may be waiting for it.
 * - `download`: the Embedded Cluster bundle was fetched;
 * - `registry`: a registry login or pull;
 * - `installer`: an Embedded Cluster installer on the cluster `clusterId` started;
 * - `check-in`: the instance `instanceId` reported, naming the clusters it runs on.
 */
export type Signal =
  | { kind: 'download' }
  | { kind: 'registry' }
  | { kind: 'installer'; clusterId: string }
  | { kind: 'check-in'; instanceId: string; clusterIds: string[] };

/**
 * The install attempt a machine's request belongs to (decision 008), or null.
 * - An attempt's own token names it.
 * - A license ID names only the team. The machine keeps the attempt it joined before (its claim);
 *   otherwise it joins the one open attempt of the team that awaits this signal, and claims it, so
 *   a second machine cannot join it too. With none, or more than one, the request ticks nothing:
 *   it is never guessed onto the wrong attempt, and the customer can link the instance by hand.
 */
export async function attemptFor(
  deps: Pick<Ports, 'db'>,
  identity: MachineIdentity,
  signal: Signal,
): Promise<Attempt | null> {
  if (identity.credential === 'token') return identity.attempt;
  const teamId = identity.team.id;
  const claims = claimsOf(signal);
  if (claims.length) {
    const claimed = await claimedAttempt(deps, claims, teamId);
    if (claimed) return claimed;
  }
  const candidates = await deps.db
    .select()
    .from(installAttempts)
    .where(
      and(
        eq(installAttempts.teamId, teamId),
        isNull(installAttempts.discardedAt),
        isNull(installAttempts.failedAt),
        isNull(installAttempts.instanceReadyAt),
        isNull(installAttempts.claimedBy),
        awaiting(signal),
      ),
    )
    .limit(2);
  if (candidates.length !== 1) return null;
  const [candidate] = candidates;
  if (!claims.length) return candidate!;
  // Claimed only if still unclaimed: of two machines racing for one attempt, one wins.
  const [won] = await deps.db
    .update(installAttempts)
    .set({ claimedBy: claims[0] })
    .where(and(eq(installAttempts.id, candidate!.id), isNull(installAttempts.claimedBy)))
    .returning();
  return won ?? null;
}

/**
 * The attempt a machine claimed before, found by its cluster or instance alone: the Embedded
 * Cluster installer's later events carry no license ID, only the cluster's. More than one match
 * (a cluster ID reused across teams) is ambiguous, and matches nothing.
 */
export async function claimedAttempt(deps: Pick<Ports, 'db'>, claims: string[], teamId?: string) {
  const rows = await deps.db
    .select()
    .from(installAttempts)
    .where(
      and(
        inArray(installAttempts.claimedBy, claims),
        isNull(installAttempts.discardedAt),
        teamId ? eq(installAttempts.teamId, teamId) : undefined,
      ),
    )
    .limit(2);
  return rows.length === 1 ? rows[0]! : null;
}

export const clusterClaim = (clusterId: string) => `cluster:${clusterId}`;
export const instanceClaim = (instanceId: string) => `instance:${instanceId}`;

function claimsOf(signal: Signal): string[] {
  if (signal.kind === 'installer') return [clusterClaim(signal.clusterId)];
  if (signal.kind === 'check-in') {
    return [instanceClaim(signal.instanceId), ...signal.clusterIds.filter(Boolean).map(clusterClaim)];
  }
  return [];
}

/** The attempts that are at the step just before what this signal shows. */
function awaiting(signal: Signal): SQL | undefined {
  const embedded = eq(installAttempts.method, 'embedded');
  const helm = eq(installAttempts.method, 'helm');
  switch (signal.kind) {
    case 'download':
      return and(embedded, isNull(installAttempts.assetsDownloadedAt));
    case 'registry':
      return and(helm, isNull(installAttempts.imagesPulledAt));
    case 'installer':
      return and(embedded, isNotNull(installAttempts.assetsDownloadedAt));
    case 'check-in':
      return or(
        and(embedded, isNotNull(installAttempts.assetsDownloadedAt)),
        and(helm, isNotNull(installAttempts.registryAuthenticatedAt)),
      );
  }
}

/**
 * Teams seen with no open attempt (none that is neither discarded nor has its instance ready), so
 * the steady check-ins of their many unlinked instances skip the search for one. An attempt only
 * becomes open by being created, which forgets the team here; another replica sharing PostgreSQL
 * would see a new attempt within the TTL, long before any machine of it can report.
 */
const NO_OPEN_ATTEMPT_TTL_MS = 5_000;
const noOpenAttempt = new WeakMap<object, Map<string, number>>();

export async function hasOpenAttempt(deps: Pick<Ports, 'db' | 'now'>, teamId: string): Promise<boolean> {
  const seen = noOpenAttempt.get(deps.db) ?? new Map<string, number>();
  noOpenAttempt.set(deps.db, seen);
  const at = deps.now().getTime();
  if ((seen.get(teamId) ?? 0) > at) return false;
  const [open] = await deps.db
    .select({ id: installAttempts.id })
    .from(installAttempts)
    .where(
      and(
        eq(installAttempts.teamId, teamId),
        isNull(installAttempts.discardedAt),
        isNull(installAttempts.instanceReadyAt),
      ),
    )
    .limit(1);
  if (open) return true;
  if (seen.size > 10_000) seen.clear();
  seen.set(teamId, at + NO_OPEN_ATTEMPT_TTL_MS);
  return false;
}

/** A new attempt is open: the team's check-ins look for attempts again at once. */
export function forgetNoOpenAttempt(deps: Pick<Ports, 'db'>, teamId: string) {
  noOpenAttempt.get(deps.db)?.delete(teamId);
}
