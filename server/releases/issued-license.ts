import { and, desc, eq } from 'drizzle-orm';
import type { Ports } from '../deps';
import { apps, channels, releases, teams } from '../db/schema';
import { notFound } from '../http/errors';
import { licenseYaml } from './license-yaml';

/**
 * The license a team's machines run with, as Portico hands it out: in the Embedded Cluster
 * bundle, at GET /license/:app, and in the Helm chart's injected values. One function, so all
 * three are the same bytes.
 */
export type IssuedLicense = {
  /** The license file, byte for byte as served. */
  yaml: string;
  licenseId: string;
  appSlug: string;
  channelId: string;
  channelName: string;
};

export async function issuedLicense(
  deps: Pick<Ports, 'db' | 'publicUrl'>,
  teamId: string,
): Promise<IssuedLicense> {
  const [row] = await deps.db
    .select({ team: teams, app: apps, channel: channels })
    .from(teams)
    .innerJoin(apps, eq(apps.id, teams.appId))
    .innerJoin(channels, eq(channels.id, teams.channelId))
    .where(eq(teams.id, teamId));
  if (!row) throw notFound('Your team');
  const { team, app, channel } = row;
  const [release] = await deps.db
    .select()
    .from(releases)
    .where(and(eq(releases.channelId, channel.id)))
    .orderBy(desc(releases.sequence))
    .limit(1);
  const yaml = licenseYaml({
    team,
    app,
    channel,
    release: release ?? { version: '', sequence: 0 },
    endpoint: deps.publicUrl,
  });
  return { yaml, licenseId: team.licenseId, appSlug: app.slug, channelId: channel.id, channelName: channel.name };
}
