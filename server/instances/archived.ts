import { sql, type SQL } from 'drizzle-orm';
import { instances } from '../db/schema';

/**
 * Archived instances (air-gap records the customer archived) leave every view but the Archived
 * one, and may be restored (issue 8). Conditions on the instances table, for lists and counts.
 */
export const archivedWhere = (): SQL => sql`${instances.archivedAt} IS NOT NULL`;
export const notArchivedWhere = (): SQL => sql`${instances.archivedAt} IS NULL`;
