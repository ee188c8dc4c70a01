import { and, count, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Role } from '../../contract/me';
import { updateMemberInputSchema, type TeamMember } from '../../contract/team';
import { recordAudit, sessionActor } from '../audit/record';
import type { Database } from '../db/database';
import { membershipRemovals, memberships, sessions, users } from '../db/schema';
import type { AppEnv } from '../http/env';
import { HttpError, notFound } from '../http/errors';
import { requirePermission } from '../http/permissions';
import { readJson } from '../http/validate';

const memberColumns = {
  id: users.id,
  email: users.email,
  role: memberships.role,
  joinedAt: memberships.createdAt,
  lastSeenAt: memberships.lastSeenAt,
  source: memberships.source,
};

const toMember = (r: Awaited<ReturnType<typeof findMember>>): TeamMember => ({
  ...r,
  joinedAt: r.joinedAt.toISOString(),
  lastSeenAt: r.lastSeenAt?.toISOString() ?? null,
});

async function findMember(db: Database, teamId: string, userId: string) {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)));
  if (!row) throw notFound('That member');
  return row;
}

/** The last admin stays: a team with no admin could never invite, promote or remove again. */
async function refuseLastAdmin(db: Database, teamId: string, member: { email: string; role: Role }, what: string) {
  if (member.role !== 'admin') return;
  const [admins] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.role, 'admin')));
  if ((admins?.n ?? 0) <= 1) {
    throw new HttpError(
      409,
      'conflict',
      `${member.email} is the team's last admin and cannot be ${what}. Make someone else an admin first.`,
      { reason: 'last_admin' },
    );
  }
}

/** GET, PATCH and DELETE /api/team/members: the team's people, their roles, and removing them. */
export function memberRoutes() {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const rows = await c
        .get('deps')
        .db.select(memberColumns)
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.teamId, c.get('session').teamId))
        .orderBy(users.email);
      return c.json(rows.map(toMember));
    })
    .patch('/:id', requirePermission('team.manage'), async (c) => {
      const { role } = await readJson(c, updateMemberInputSchema);
      const { db, now } = c.get('deps');
      const { teamId, actor, clientAddress } = sessionActor(c);
      const member = await db.transaction(async (tx) => {
        const member = await findMember(tx, teamId, c.req.param('id'));
        if (member.role === role) return member;
        if (role !== 'admin') await refuseLastAdmin(tx, teamId, member, 'demoted');
        await tx
          .update(memberships)
          .set({ role })
          .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, member.id)));
        await recordAudit(tx, now(), {
          teamId,
          actor,
          clientAddress,
          action: 'member.role_changed',
          target: { kind: 'user', id: member.id, label: member.email },
          details: { from: member.role, to: role },
        });
        return { ...member, role };
      });
      return c.json(toMember(member));
    })
    .delete('/:id', requirePermission('team.manage'), async (c) => {
      const { db, now } = c.get('deps');
      const { teamId, actor, clientAddress } = sessionActor(c);
      await db.transaction(async (tx) => {
        const member = await findMember(tx, teamId, c.req.param('id'));
        await refuseLastAdmin(tx, teamId, member, 'removed');
        const at = now();
        await tx.delete(memberships).where(and(eq(memberships.teamId, teamId), eq(memberships.userId, member.id)));
        // Their sessions on this team end now; findSession would refuse them anyway, this is tidy.
        await tx.delete(sessions).where(and(eq(sessions.teamId, teamId), eq(sessions.userId, member.id)));
        await tx
          .insert(membershipRemovals)
          .values({ teamId, email: member.email, removedAt: at })
          .onConflictDoUpdate({
            target: [membershipRemovals.teamId, membershipRemovals.email],
            set: { removedAt: at },
          });
        await recordAudit(tx, at, {
          teamId,
          actor,
          clientAddress,
          action: 'member.removed',
          target: { kind: 'user', id: member.id, label: member.email },
          details: { role: member.role },
        });
      });
      return c.body(null, 204);
    });
}
