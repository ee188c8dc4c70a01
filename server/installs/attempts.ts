import { and, desc, eq, sql } from 'drizzle-orm';
import type { InstallAttempt } from '../../contract/installs';
import { actorJoins, actorNames } from '../db/actors';
import { installAttempts, serviceAccounts } from '../db/schema';
import type { Ports } from '../deps';
import { notFound } from '../http/errors';
import { presentAttempt } from './present';

type Deps = Ports;

const starter = actorJoins(installAttempts.startedByKind, installAttempts.startedBy);

/** A team's attempts, newest first, or one of them; another team's id is simply not found. */
export async function findAttempts(deps: Deps, teamId: string, attemptId?: string): Promise<InstallAttempt[]> {
  const rows = await deps.db
    .select({ attempt: installAttempts, serviceAccountName: serviceAccounts.name, ...actorNames })
    .from(installAttempts)
    // Left joins: an attempt is listed whoever started it, a person or a service account.
    .leftJoin(...starter.user)
    .leftJoin(...starter.account)
    .leftJoin(serviceAccounts, eq(serviceAccounts.id, installAttempts.serviceAccountId))
    .where(and(eq(installAttempts.teamId, teamId), attemptId ? eq(installAttempts.id, attemptId) : sql`true`))
    .orderBy(desc(installAttempts.startedAt));
  const now = deps.now();
  return rows.map((r) => presentAttempt(r.attempt, r, now, deps.stallAfterMs));
}

export async function findAttempt(deps: Deps, teamId: string, attemptId: string): Promise<InstallAttempt> {
  const [attempt] = await findAttempts(deps, teamId, attemptId);
  if (!attempt) throw notFound('That installation');
  return attempt;
}
