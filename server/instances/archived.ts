import { sql, type SQL } from 'drizzle-orm';

/**
 * Whether an instance record is archived: archived records leave every view but the Archived
 * filter (issue 8). No record can be archived yet: the air-gap records engineer replaces this
 * with `archived_at IS NOT NULL` when migration 0008 adds the column.
 */
export const archivedWhere = (): SQL => sql`false`;
