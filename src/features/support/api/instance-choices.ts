import { queryOptions } from '@tanstack/react-query';
import type { InstancePage } from '../../../../contract/instances';
import { instancesKey } from '../../../app/team/instances';
import { api } from '../../../lib/api-client';

export type InstanceChoice = { id: string; name: string };

/** The tabs a bundle may come from: an archived instance sends no more bundles. */
const TABS = ['active', 'inactive', 'airgap'] as const;
const PER_TAB = 100;

/**
 * The team's instances a bundle may belong to, for the upload's optional chooser: the first page
 * of each tab (the instances API, issue 8), by name. A team with more picks "none" and the
 * bundle's own facts still name its instance when the SDK's reports are in it.
 */
export const instanceChoicesQueryOptions = (teamId: string) =>
  queryOptions({
    queryKey: [...instancesKey(teamId), 'support-choices'] as const,
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        TABS.map((tab) =>
          api<InstancePage>(`/api/instances?${new URLSearchParams({ tab, sort: 'name', limit: String(PER_TAB) })}`, {
            signal,
          }),
        ),
      );
      const choices = pages.flatMap((page) =>
        page.instances.map((i) => ({ id: i.id, name: i.name ?? i.externalId ?? i.id.slice(0, 8) })),
      );
      return choices.sort((a, b) => a.name.localeCompare(b.name));
    },
  });
