import { and, eq, gte, isNull, lt, or, type SQL } from 'drizzle-orm';
import { instances } from '../db/schema';

/**
 * An online instance is inactive after 24 h without a check-in; air-gap instances never check in,
 * so they never go inactive (architecture.md). The rule is written twice, once for rows in hand
 * and once as SQL for counts, and `activity.test.ts` holds the two to the same answers.
 */
export const INACTIVE_AFTER_MS = 24 * 3_600_000;

export function isActive(instance: { airgap: boolean; lastCheckInAt: Date | null }, now: Date): boolean {
  if (instance.airgap) return true;
  return instance.lastCheckInAt !== null && now.getTime() - instance.lastCheckInAt.getTime() <= INACTIVE_AFTER_MS;
}

/** `isActive` as a condition on the instances table, for counting in the database. */
export function activeWhere(now: Date, active = true): SQL {
  const staleBefore = new Date(now.getTime() - INACTIVE_AFTER_MS);
  const condition = or(eq(instances.airgap, true), gte(instances.lastCheckInAt, staleBefore))!;
  const negated = and(
    eq(instances.airgap, false),
    or(isNull(instances.lastCheckInAt), lt(instances.lastCheckInAt, staleBefore)),
  )!;
  return active ? condition : negated;
}
