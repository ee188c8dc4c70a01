import { desc, eq } from 'drizzle-orm';
import type { ReleaseList } from '../../contract/catalogue';
import { releases } from '../db/schema';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { currentTeam } from './current-team';

/** Releases on the team's channel, newest first. */
export function releaseRoutes() {
  return new Hono<AppEnv>().get('/', async (c) => {
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
  });
}
