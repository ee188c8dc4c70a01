import { and, eq, not, type SQL } from 'drizzle-orm';
import type { InstanceTab } from '../../contract/instances';
import { instances } from '../db/schema';
import { activeWhere } from './activity';
import { archivedWhere } from './archived';

/**
 * Which instances each tab of the Instances page holds (issue 8). Active and Inactive are the
 * online instances on either side of the 24-hour rule (activity.ts); air-gap instances never go
 * inactive and have their own tab; an archived record shows under Archived only.
 */
export function tabWhere(tab: InstanceTab, now: Date): SQL {
  if (tab === 'archived') return archivedWhere();
  const live = not(archivedWhere());
  if (tab === 'airgap') return and(eq(instances.airgap, true), live)!;
  if (tab === 'active') return and(eq(instances.airgap, false), activeWhere(now), live)!;
  return and(activeWhere(now, false), live)!;
}
