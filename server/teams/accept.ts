import { and, eq, gt, isNull, notInArray, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { acceptInviteInputSchema, type InvalidInviteReason, type MyInvite } from '../../contract/team';
import { recordAudit } from '../audit/record';
import { loadMe } from '../auth/me';
import { hashToken, newId, newToken } from '../auth/tokens';
import type { Database } from '../db/database';
import { invites, membershipRemovals, memberships, sessions, teams, users } from '../db/schema';
import { personSession } from '../http/actor';
import type { AppEnv } from '../http/env';
import { HttpError, notFound } from '../http/errors';
import { SESSION_TTL_MS, setSessionCookie } from '../http/session';
import { readJson } from '../http/validate';
import { joinedEmail } from '../mail/invite-email';

type InviteRow = typeof invites.$inferSelect;

const openAt = (at: Date) => and(isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, at));

/** Puts the invited person on the team (an existing membership stays as it is) and records it. */
async function join(tx: Database, invite: InviteRow, at: Date, clientAddress: string | null) {
  const [user] = await tx
    .insert(users)
    .values({ id: newId(), email: invite.email })
    .onConflictDoUpdate({ target: users.email, set: { email: sql`excluded.email` } })
    .returning({ id: users.id });
  await tx
    .insert(memberships)
    .values({ teamId: invite.teamId, userId: user!.id, role: invite.role, source: 'invite' })
    .onConflictDoNothing();
  await tx
    .delete(membershipRemovals)
    .where(and(eq(membershipRemovals.teamId, invite.teamId), eq(membershipRemovals.email, invite.email)));
  await recordAudit(tx, at, {
    teamId: invite.teamId,
    actor: { kind: 'user', id: user!.id, label: invite.email },
    clientAddress,
    action: 'invite.accepted',
    target: { kind: 'invite', id: invite.id, label: invite.email },
    details: { role: invite.role },
  });
  return user!.id;
}

/**
 * Emails the team's admins (after the answer) that someone joined: each in the language they chose
 * for themselves, or else in the team's.
 */
async function tellAdmins(c: Context<AppEnv>, invite: InviteRow) {
  const { db, mailer, logger, defer } = c.get('deps');
  const [team] = await db
    .select({ name: teams.name, locale: teams.locale })
    .from(teams)
    .where(eq(teams.id, invite.teamId));
  const admins = await db
    .select({ email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.teamId, invite.teamId), eq(memberships.role, 'admin')));
  const messages = admins
    .filter((a) => a.email !== invite.email)
    .map((a) =>
      joinedEmail({
        to: a.email,
        email: invite.email,
        team: team?.name ?? '',
        role: invite.role,
        locale: a.locale ?? team?.locale ?? 'en',
      }),
    );
  defer(async () => {
    for (const message of messages) {
      await mailer
        .send(message)
        .catch((error: unknown) => logger.error('joined email failed', { error: String(error) }));
    }
  });
}

async function whyInvalid(db: Database, tokenHash: string): Promise<InvalidInviteReason> {
  const [invite] = await db.select().from(invites).where(eq(invites.tokenHash, tokenHash));
  if (!invite) return 'unknown';
  if (invite.revokedAt) return 'revoked';
  return invite.acceptedAt ? 'used' : 'expired';
}

const messages: Record<InvalidInviteReason, string> = {
  expired: 'This invitation has expired. Ask a team admin to send a new one.',
  revoked: 'This invitation was withdrawn. Ask a team admin to send a new one.',
  used: 'This invitation has already been accepted. Sign in instead.',
  unknown: 'This invitation link is not valid. Ask a team admin to send a new one.',
};

/** POST /api/invites/accept: anyone holding a live invite link joins its team and is signed in there. */
export function acceptRoutes() {
  return new Hono<AppEnv>().post('/accept', async (c) => {
    const { token } = await readJson(c, acceptInviteInputSchema);
    const { db, now } = c.get('deps');
    const tokenHash = await hashToken(token);
    const at = now();
    const joined = await db.transaction(async (tx) => {
      // Single use: the UPDATE … RETURNING takes the link, so two tabs cannot both accept it.
      const [invite] = await tx
        .update(invites)
        .set({ acceptedAt: at })
        .where(and(eq(invites.tokenHash, tokenHash), openAt(at)))
        .returning();
      if (!invite) return null;
      return { invite, userId: await join(tx, invite, at, c.env?.clientAddress ?? null) };
    });
    if (!joined) {
      const reason = await whyInvalid(db, tokenHash);
      throw new HttpError(400, 'invalid_link', messages[reason], { reason });
    }
    const sessionToken = newToken();
    await db.insert(sessions).values({
      tokenHash: await hashToken(sessionToken),
      userId: joined.userId,
      teamId: joined.invite.teamId,
      expiresAt: new Date(at.getTime() + SESSION_TTL_MS),
    });
    setSessionCookie(c, sessionToken);
    await tellAdmins(c, joined.invite);
    return c.json(await loadMe(db, joined.userId, joined.invite.teamId), 201);
  });
}

/** /api/me/invites: invites waiting for the signed-in address, accepted without the emailed link. */
export function myInviteRoutes() {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { db, now } = c.get('deps');
      const { email, userId } = personSession(c);
      const mine = db.select({ teamId: memberships.teamId }).from(memberships).where(eq(memberships.userId, userId));
      const rows = await db
        .select({ id: invites.id, teamName: teams.name, role: invites.role, expiresAt: invites.expiresAt })
        .from(invites)
        .innerJoin(teams, eq(teams.id, invites.teamId))
        .where(and(eq(invites.email, email), openAt(now()), notInArray(invites.teamId, mine)))
        .orderBy(teams.name);
      const body: MyInvite[] = rows.map((r) => ({ ...r, expiresAt: r.expiresAt.toISOString() }));
      return c.json(body);
    })
    .post('/:id/accept', async (c) => {
      const { db, now } = c.get('deps');
      const { email, userId, tokenHash } = personSession(c);
      const at = now();
      const invite = await db.transaction(async (tx) => {
        const [invite] = await tx
          .update(invites)
          .set({ acceptedAt: at })
          .where(and(eq(invites.id, c.req.param('id')), eq(invites.email, email), openAt(at)))
          .returning();
        if (!invite) throw notFound('That invite');
        await join(tx, invite, at, c.env?.clientAddress ?? null);
        // The session moves to the team just joined, as a team switch would.
        await tx.update(sessions).set({ teamId: invite.teamId }).where(eq(sessions.tokenHash, tokenHash));
        return invite;
      });
      await tellAdmins(c, invite);
      return c.json(await loadMe(db, userId, invite.teamId));
    });
}
