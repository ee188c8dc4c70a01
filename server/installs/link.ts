import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { linkInstanceInputSchema, type LinkCandidateList } from '../../contract/installs';
import { installAttempts, instances } from '../db/schema';
import type { AppEnv } from '../http/env';
import { HttpError, notFound } from '../http/errors';
import { readJson } from '../http/validate';
import { instanceName } from '../instances/name';
import { findAttempt } from './attempts';
import { instanceClaim } from './attribution';

/** Enough to find one's own machine among those that reported while the attempt ran. */
const MAX_CANDIDATES = 20;

const conflict = (message: string) => new HttpError(409, 'conflict', message);

/**
 * GET /api/installs/:id/link-candidates: the team's instances that reported with the license
 * since the attempt started but joined no attempt, because none or several awaited them
 * (decision 008). None once the attempt is discarded or has its instance.
 */
export async function linkCandidates(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const teamId = c.get('session').teamId;
  const attempt = await findAttempt(deps, teamId, c.req.param('id')!);
  const [linked] = await deps.db
    .select({ id: instances.id })
    .from(instances)
    .where(eq(instances.attemptId, attempt.id))
    .limit(1);
  const body: LinkCandidateList = { instances: [] };
  if (attempt.status === 'discarded' || linked) return c.json(body);
  const rows = await deps.db
    .select()
    .from(instances)
    .where(
      and(
        eq(instances.teamId, teamId),
        isNull(instances.attemptId),
        gte(instances.lastCheckInAt, new Date(attempt.startedAt)),
      ),
    )
    .orderBy(desc(instances.lastCheckInAt))
    .limit(MAX_CANDIDATES);
  body.instances = rows.map((instance) => ({
    id: instance.id,
    externalId: instance.externalId,
    name: instanceName(instance.details, null),
    status: instance.status,
    lastCheckInAt: instance.lastCheckInAt!.toISOString(),
    ...(instance.details.clusterId ? { clusterId: instance.details.clusterId } : {}),
  }));
  return c.json(body);
}

/**
 * POST /api/installs/:id/link: the customer says which instance an attempt installed. The
 * instance joins the attempt as if it had claimed it (its later check-ins find it through
 * `instances.attempt_id`), and the attempt ticks what the instance's check-ins showed.
 * An attempt has one instance: of two links to it at once, one wins and the other is refused.
 */
export async function linkInstance(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const teamId = c.get('session').teamId;
  const attemptId = c.req.param('id')!;
  const { instanceId } = await readJson(c, linkInstanceInputSchema);
  const changed = await deps.db.transaction(async (tx) => {
    // The attempt's row lock makes links to one attempt take turns: the second sees the first.
    const [attempt] = await tx
      .select()
      .from(installAttempts)
      .where(and(eq(installAttempts.id, attemptId), eq(installAttempts.teamId, teamId)))
      .for('update');
    if (!attempt) throw notFound('That installation');
    if (attempt.discardedAt) throw conflict('This installation was discarded.');
    const [instance] = await tx
      .select()
      .from(instances)
      .where(and(eq(instances.id, instanceId), eq(instances.teamId, teamId)));
    if (!instance) throw notFound('That instance');
    if (instance.attemptId === attempt.id) return false;
    if (instance.attemptId) throw conflict('This instance is already linked to another installation.');
    const [other] = await tx
      .select({ id: instances.id })
      .from(instances)
      .where(eq(instances.attemptId, attempt.id))
      .limit(1);
    if (other) throw conflict('This installation is already linked to another instance.');
    const [joined] = await tx
      .update(instances)
      .set({ attemptId: attempt.id })
      .where(and(eq(instances.id, instance.id), isNull(instances.attemptId)))
      .returning({ id: instances.id });
    if (!joined) throw conflict('This instance is already linked to another installation.');

    const at = sql`${deps.now().toISOString()}::timestamptz`;
    await tx
      .update(installAttempts)
      .set({
        // Claimed as a check-in would have, unless a machine claimed it first (its cluster).
        claimedBy: instance.externalId
          ? sql`COALESCE(${installAttempts.claimedBy}, ${instanceClaim(instance.externalId)})`
          : undefined,
        // What a check-in tells its attempt (server/instances/check-in.ts): the install
        // completed, and the instance is ready if it said so; an earlier time stays.
        installationCompletedAt: sql`COALESCE(${installAttempts.installationCompletedAt}, ${at})`,
        instanceReadyAt:
          instance.status === 'ready' ? sql`COALESCE(${installAttempts.instanceReadyAt}, ${at})` : undefined,
        lastProgressAt: deps.now(),
      })
      .where(eq(installAttempts.id, attempt.id));
    return true;
  });
  if (changed) deps.events.publish({ type: 'attempt.updated', teamId, attemptId });
  return c.json(await findAttempt(deps, teamId, attemptId));
}
