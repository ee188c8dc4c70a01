import { and, desc, eq } from 'drizzle-orm';
import type { ReleaseList } from '../../contract/catalogue';
import { apps, releases } from '../db/schema';
import { notFound } from '../http/errors';
import { releaseImages } from './images';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { currentTeam } from '../teams/current-team';

/** Releases on the team's channel, newest first. */
export function releaseRoutes() {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { db } = c.get('deps');
      const { channel } = await currentTeam(db, c.get('session').teamId);
      const rows = await db
        .select()
        .from(releases)
        .where(eq(releases.channelId, channel.id))
        .orderBy(desc(releases.sequence));
      const body: ReleaseList = {
        channel: { slug: channel.slug, name: channel.name },
        releases: rows.map((r) => ({
          version: r.version,
          sequence: r.sequence,
          required: r.required,
          releasedAt: r.releasedAt.toISOString(),
          notes: r.notes,
        })),
      };
      return c.json(body);
    })
    .get('/:version/images', async (c) => {
      const { db, artifacts } = c.get('deps');
      const { channel } = await currentTeam(db, c.get('session').teamId);
      const version = c.req.param('version');
      const [release] = await db
        .select({ appSlug: apps.slug })
        .from(releases)
        .innerJoin(apps, eq(apps.id, channel.appId))
        .where(and(eq(releases.channelId, channel.id), eq(releases.version, version)));
      if (!release) throw notFound(`Version ${version}`);
      return c.json({ images: await releaseImages(artifacts, release.appSlug, version) });
    });
}
