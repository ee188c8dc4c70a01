import { sql } from 'drizzle-orm';
import type { InstanceCounts } from '../../contract/instances';
import type { Database } from '../db/database';
import { instances } from '../db/schema';
import { tabWhere } from './tabs';

/** How many of the team's instances each tab of the Instances page holds now, in one pass. */
export async function countInstances(db: Database, teamId: string, now: Date): Promise<InstanceCounts> {
  const count = (tab: keyof InstanceCounts) => sql`count(*) FILTER (WHERE ${tabWhere(tab, now)})::int`;
  const result = await db.execute(sql`
    SELECT ${count('active')} AS active, ${count('inactive')} AS inactive,
           ${count('airgap')} AS airgap, ${count('archived')} AS archived
    FROM ${instances} WHERE ${instances.teamId} = ${teamId}`);
  const row = (result as unknown as { rows: InstanceCounts[] }).rows[0];
  return {
    active: Number(row?.active ?? 0),
    inactive: Number(row?.inactive ?? 0),
    airgap: Number(row?.airgap ?? 0),
    archived: Number(row?.archived ?? 0),
  };
}
