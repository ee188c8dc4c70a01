import { instanceStatuses, type Instance } from './installs';
import { z } from './zod';

export type { Instance } from './installs';

/** The Instances page's tabs; archived records are only reached through their own filter (issue 8). */
export const instanceTabs = ['active', 'inactive', 'airgap', 'archived'] as const;
export type InstanceTab = (typeof instanceTabs)[number];

export const instanceSorts = ['last_check_in', 'name'] as const;
export type InstanceSort = (typeof instanceSorts)[number];

export const INSTANCE_PAGE_DEFAULT = 50;
export const INSTANCE_PAGE_MAX = 100;

/** An optional text parameter: blank is the same as absent, so an emptied search box clears it. */
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters for the ${what}.`)
    .optional()
    .transform((value) => value || undefined);

/**
 * The query of `GET /api/instances` (and of its CSV export, which takes the same filters):
 * the SPA builds its URLs from it and the BFF answers 400 naming the parameter it refuses.
 */
export const instanceListQuerySchema = z.object({
  tab: z.enum(instanceTabs, { error: `tab must be one of ${instanceTabs.join(', ')}.` }).default('active'),
  q: optionalText(100, 'search'),
  status: z.enum(instanceStatuses, { error: `status must be one of ${instanceStatuses.join(', ')}.` }).optional(),
  version: optionalText(64, 'version'),
  sort: z.enum(instanceSorts, { error: `sort must be one of ${instanceSorts.join(', ')}.` }).default('last_check_in'),
  cursor: z.string().max(512, 'The cursor is not one this portal handed out.').optional(),
  limit: z.coerce
    .number({ error: `limit must be a whole number from 1 to ${INSTANCE_PAGE_MAX}.` })
    .int(`limit must be a whole number from 1 to ${INSTANCE_PAGE_MAX}.`)
    .min(1, `limit must be a whole number from 1 to ${INSTANCE_PAGE_MAX}.`)
    .max(INSTANCE_PAGE_MAX, `limit must be a whole number from 1 to ${INSTANCE_PAGE_MAX}.`)
    .default(INSTANCE_PAGE_DEFAULT),
});
export type InstanceListQuery = z.input<typeof instanceListQuerySchema>;
export type InstanceListFilters = z.output<typeof instanceListQuerySchema>;

/** How many of the team's instances each tab holds, whatever the search: the dashboard shows the same. */
export type InstanceCounts = { active: number; inactive: number; airgap: number; archived: number };

/** One page of the list, newest check-in (or name) first; `nextCursor` fetches the next page. */
export type InstancePage = { instances: Instance[]; nextCursor: string | null; counts: InstanceCounts };
