import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { instances } from '../db/schema';
import { activeWhere } from './activity';
import { notArchivedWhere } from './archived';

/** How many of the team's instances are active and inactive now. */
export async function countInstances(db: Database, teamId: string, now: Date) {
  const countWhere = async (active: boolean) => {
    const [row] = await db
      .select({ n: count() })
      .from(instances)
      .where(and(eq(instances.teamId, teamId), activeWhere(now, active), notArchivedWhere));
    return row?.n ?? 0;
  };
  const [active, inactive] = await Promise.all([countWhere(true), countWhere(false)]);
  return { active, inactive };
}
