import { sql, type SQL } from 'drizzle-orm';
import type { InstanceDetails } from '../../contract/installs';
import { installAttempts, instances } from '../db/schema';

/**
 * What the team calls an instance: the name of a record entered by hand, else the name it was
 * tagged with, else its installation's.
 */
export const instanceName = (
  details: InstanceDetails,
  attemptName: string | null,
  recordName: string | null = null,
): string | null => recordName || details.tags?.name || attemptName;

/**
 * `instanceName` in SQL, over instances left-joined to their install attempt, for searching and
 * sorting in the database; name.test.ts holds the two to the same answers. The page shows an
 * unnamed instance by its reported id, so that is what it sorts and is found by.
 */
export const instanceNameSql = (): SQL =>
  sql`COALESCE(NULLIF(${instances.name}, ''), NULLIF(${instances.details}->'tags'->>'name', ''), ${installAttempts.name}, ${instances.externalId}, ${instances.id})`;
