import { and, eq, type Column } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TeamActor, TeamActorKind } from '../../contract/actors';
import { serviceAccounts, users } from './schema';

/**
 * Names for a doer stored as kind and id (migration 0016): left-join both aliases with
 * `actorJoins`, select `actorNames`, and hand the row to `presentActor`. Aliased, so a query that
 * already joins service_accounts for another reason can name its doer too.
 */
const actorUsers = alias(users, 'actor_users');
const actorAccounts = alias(serviceAccounts, 'actor_accounts');

export const actorNames = { actorEmail: actorUsers.email, actorAccountName: actorAccounts.name };
export type ActorNames = { actorEmail: string | null; actorAccountName: string | null };

/** `.leftJoin(...joins.user).leftJoin(...joins.account)` for the doer in columns `kind` and `id`. */
export function actorJoins(kind: Column, id: Column) {
  return {
    user: [actorUsers, and(eq(kind, 'user'), eq(actorUsers.id, id))] as const,
    account: [actorAccounts, and(eq(kind, 'service_account'), eq(actorAccounts.id, id))] as const,
  };
}

/** The doer as shown; one no longer found is named by its id, as the audit log does. */
export function presentActor(kind: TeamActorKind, id: string, names: ActorNames): TeamActor {
  const name = kind === 'user' ? names.actorEmail : names.actorAccountName;
  return { kind, id, name: name ?? id };
}
