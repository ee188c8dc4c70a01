import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  createInviteInputSchema,
  domainOf,
  INVITE_TTL_MS,
  type Invite,
  type InviteWithLink,
} from '../../contract/team';
import { recordAudit, sessionActor } from '../audit/record';
import { hashToken, newId, newToken } from '../auth/tokens';
import type { Database } from '../db/database';
import { apps, invites, memberships, teams, users } from '../db/schema';
import { personSession } from '../http/actor';
import type { AppEnv } from '../http/env';
import { HttpError, notFound } from '../http/errors';
import { requirePermission } from '../http/permissions';
import { readJson } from '../http/validate';
import { inviteEmail } from '../mail/invite-email';

type InviteRow = typeof invites.$inferSelect;

const toInvite = (r: InviteRow, invitedBy: string | null, at: Date): Invite => ({
  id: r.id,
  email: r.email,
  role: r.role,
  invitedBy,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
  expired: r.expiresAt <= at,
});

const open = (teamId: string) => and(eq(invites.teamId, teamId), isNull(invites.acceptedAt), isNull(invites.revokedAt));

/** A refusal about the address, named on its field; `reason` lets the SPA say it in the user's language. */
const fieldError = (status: 400 | 409, message: string, reason: 'domain' | 'member', domains?: string[]) =>
  new HttpError(status, status === 409 ? 'conflict' : 'validation_failed', message, {
    fields: { email: message },
    reason,
    ...(domains && { domains }),
  });

/**
 * Gives the invite a fresh link (the old one, if any, dies) and emails it, in the team's language,
 * after the answer.
 */
async function issueLink(c: Context<AppEnv>, tx: Database, invite: InviteRow): Promise<InviteWithLink> {
  const { now, publicUrl, mailer, logger, defer } = c.get('deps');
  const token = newToken();
  const at = now();
  const [row] = await tx
    .update(invites)
    .set({ tokenHash: await hashToken(token), expiresAt: new Date(at.getTime() + INVITE_TTL_MS) })
    .where(eq(invites.id, invite.id))
    .returning();
  const [team] = await tx
    .select({ name: teams.name, locale: teams.locale })
    .from(teams)
    .where(eq(teams.id, invite.teamId));
  const [app] = await tx.select({ branding: apps.branding }).from(apps).limit(1);
  const url = `${publicUrl}/invites/accept#token=${token}`;
  // Only an admin invites, and only a person is one (a service account's token is a member).
  const session = personSession(c);
  const message = inviteEmail({
    to: invite.email,
    inviter: session.email,
    team: team?.name ?? '',
    title: app?.branding.title ?? 'Portico',
    role: invite.role,
    url,
    // Issue 10: "in the language of the inviter's team default"; the invitee has no say yet.
    locale: team?.locale ?? 'en',
    validForMs: INVITE_TTL_MS,
  });
  defer(async () => {
    await mailer.send(message).catch((error: unknown) => logger.error('invite email failed', { error: String(error) }));
  });
  return { invite: toInvite(row!, session.email, at), url };
}

/** /api/team/invites (admins): pending invites, sent, resent and revoked. */
export function inviteRoutes() {
  return new Hono<AppEnv>()
    .use(requirePermission('team.manage'))
    .get('/', async (c) => {
      const rows = await c
        .get('deps')
        .db.select({ invite: invites, invitedBy: users.email })
        .from(invites)
        .leftJoin(users, eq(users.id, invites.invitedBy))
        .where(open(c.get('session').teamId))
        .orderBy(asc(invites.email));
      const at = c.get('deps').now();
      return c.json(rows.map((r) => toInvite(r.invite, r.invitedBy, at)));
    })
    .post('/', async (c) => {
      const { email, role } = await readJson(c, createInviteInputSchema);
      const { db, now } = c.get('deps');
      const { teamId, actor, clientAddress } = sessionActor(c);
      const [team] = await db.select({ allowlist: teams.domainAllowlist }).from(teams).where(eq(teams.id, teamId));
      if (team?.allowlist && !team.allowlist.includes(domainOf(email))) {
        const domains = team.allowlist;
        throw fieldError(400, `This team invites only addresses at ${domains.join(', ')}.`, 'domain', domains);
      }
      const [member] = await db
        .select({ id: users.id })
        .from(users)
        .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.teamId, teamId)))
        .where(eq(users.email, email));
      if (member) throw fieldError(409, `${email} is already a member of this team.`, 'member');

      const created = await db.transaction(async (tx) => {
        const at = now();
        // Inviting an address again replaces its open invite: one link per person, the newest.
        await tx
          .update(invites)
          .set({ revokedAt: at })
          .where(and(open(teamId), eq(invites.email, email)));
        const [row] = await tx
          .insert(invites)
          .values({
            id: newId(),
            teamId,
            email,
            role,
            tokenHash: `pending:${newId()}`,
            invitedBy: actor.id,
            expiresAt: at,
          })
          .returning();
        const result = await issueLink(c, tx, row!);
        await recordAudit(tx, at, {
          teamId,
          actor,
          clientAddress,
          action: 'invite.sent',
          target: { kind: 'invite', id: row!.id, label: email },
          details: { role },
        });
        return result;
      });
      return c.json(created, 201);
    })
    .post('/:id/resend', async (c) => {
      const { db, now } = c.get('deps');
      const { teamId, actor, clientAddress } = sessionActor(c);
      const result = await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(invites)
          .where(and(open(teamId), eq(invites.id, c.req.param('id'))));
        if (!row) throw notFound('That invite');
        const result = await issueLink(c, tx, row);
        await recordAudit(tx, now(), {
          teamId,
          actor,
          clientAddress,
          action: 'invite.resent',
          target: { kind: 'invite', id: row.id, label: row.email },
        });
        return result;
      });
      return c.json(result);
    })
    .delete('/:id', async (c) => {
      const { db, now } = c.get('deps');
      const { teamId, actor, clientAddress } = sessionActor(c);
      await db.transaction(async (tx) => {
        const at = now();
        const [row] = await tx
          .update(invites)
          .set({ revokedAt: at })
          .where(and(open(teamId), eq(invites.id, c.req.param('id'))))
          .returning();
        if (!row) throw notFound('That invite');
        await recordAudit(tx, at, {
          teamId,
          actor,
          clientAddress,
          action: 'invite.revoked',
          target: { kind: 'invite', id: row.id, label: row.email },
        });
      });
      return c.body(null, 204);
    });
}
