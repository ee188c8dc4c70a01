import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { TeamMember } from '../../contract/catalogue';
import { memberships, users } from '../db/schema';
import type { AppEnv } from '../http/env';

/** The signed-in team's members. */
export function teamRoutes() {
  return new Hono<AppEnv>().get('/members', async (c) => {
    const { db } = c.get('deps');
    const rows = await db
      .select({ id: users.id, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.teamId, c.get('session').teamId))
      .orderBy(users.email);
    const body: TeamMember[] = rows.map((r) => ({ ...r, joinedAt: r.joinedAt.toISOString() }));
    return c.json(body);
  });
}
