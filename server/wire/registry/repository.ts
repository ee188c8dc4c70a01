import { eq } from 'drizzle-orm';
import { apps, channels, releases, teams } from '../../db/schema';
import type { AppEnv } from '../../http/env';
import { nameUnknown } from './errors';
import { readLayout, type LayoutEntry } from '../../releases/oci-layout';

type Deps = AppEnv['Variables']['deps'];

/** One repository as one team sees it. */
export type RepositoryView = {
  /** As the client names it: <app>/<channel>/<repository>. */
  name: string;
  appSlug: string;
  channelSlug: string;
  /** Its manifests whose tag is a release on the team's channel. */
  entries: LayoutEntry[];
  /** The whole layout, for what spans repositories (all the images of a version). */
  layout: LayoutEntry[];
};

/**
 * Resolves <app>/<channel>/<repository> for a team: the app must be the vendor's and the channel
 * the team's own, and only tags released on that channel exist. Anything else is NAME_UNKNOWN,
 * never DENIED, so a token cannot be used to learn which other channels or repositories exist.
 */
export async function openRepository(
  deps: Deps,
  teamId: string,
  path: { app: string; channel: string; repository: string },
): Promise<RepositoryView> {
  const [team] = await deps.db
    .select({ appSlug: apps.slug, channelId: channels.id, channelSlug: channels.slug })
    .from(teams)
    .innerJoin(apps, eq(apps.id, teams.appId))
    .innerJoin(channels, eq(channels.id, teams.channelId))
    .where(eq(teams.id, teamId));
  if (!team || team.appSlug !== path.app || team.channelSlug !== path.channel) throw nameUnknown();
  const released = await deps.db
    .select({ version: releases.version })
    .from(releases)
    .where(eq(releases.channelId, team.channelId));
  const versions = new Set(released.map((r) => r.version));
  const layout = await readLayout(deps.artifacts);
  const entries = layout.filter((e) => e.repository === path.repository && versions.has(e.tag));
  if (entries.length === 0) throw nameUnknown();
  return {
    name: `${path.app}/${path.channel}/${path.repository}`,
    appSlug: team.appSlug,
    channelSlug: team.channelSlug,
    entries,
    layout,
  };
}
