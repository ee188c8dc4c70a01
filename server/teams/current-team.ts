import { eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { channels, teams } from '../db/schema';
import { notFound } from '../http/errors';

/** The signed-in team with its channel; every team-scoped read starts here. */
export async function currentTeam(db: Database, teamId: string) {
  const [row] = await db
    .select({ team: teams, channel: channels })
    .from(teams)
    .innerJoin(channels, eq(channels.id, teams.channelId))
    .where(eq(teams.id, teamId));
  if (!row) throw notFound('Your team');
  return row;
}
