import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { switchTeamInputSchema, updatePreferencesInputSchema, type Me } from '../../contract/me';
import type { Database } from '../db/database';
import { memberships, sessions, teams, users } from '../db/schema';
import { personSession } from '../http/actor';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { readJson } from '../http/validate';
import { myInviteRoutes } from '../teams/accept';

export async function loadMe(db: Database, userId: string, teamId: string): Promise<Me> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  const teamRows = await db
    .select({ id: teams.id, name: teams.name, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(teams.name));
  const team = teamRows.find((t) => t.id === teamId);
  if (!user || !team) throw notFound('Your account');
  return { user: { id: user.id, email: user.email, locale: user.locale }, team, teams: teamRows };
}

export function meRoutes() {
  return new Hono<AppEnv>()
    .route('/invites', myInviteRoutes())
    .get('/', async (c) => {
      const { userId, teamId } = personSession(c);
      return c.json(await loadMe(c.get('deps').db, userId, teamId));
    })
    .put('/team', async (c) => {
      const { userId, tokenHash } = personSession(c);
      const { teamId } = await readJson(c, switchTeamInputSchema);
      const { db } = c.get('deps');
      const [membership] = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.teamId, teamId)));
      // Another team's id is answered exactly like an id that does not exist.
      if (!membership) throw notFound('That team');
      await db.update(sessions).set({ teamId }).where(eq(sessions.tokenHash, tokenHash));
      return c.json(await loadMe(db, userId, teamId));
    })
    .put('/preferences', async (c) => {
      const { userId, teamId } = personSession(c);
      const { locale } = await readJson(c, updatePreferencesInputSchema);
      const { db } = c.get('deps');
      await db.update(users).set({ locale }).where(eq(users.id, userId));
      return c.json(await loadMe(db, userId, teamId));
    });
}
