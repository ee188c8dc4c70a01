import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { createSessionInputSchema, type SessionStatus } from '../../contract/auth';
import type { InvalidLinkReason } from '../../contract/constants';
import { hashToken, newToken } from './tokens';
import { recordAudit } from '../audit/record';
import { loginLinks, memberships, sessions, teams, users } from '../db/schema';
import { personSession } from '../http/actor';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/errors';
import {
  clearSessionCookie,
  findSession,
  requireSession,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  setSessionCookie,
} from '../http/session';
import { readJson } from '../http/validate';
import { loginLinkRoutes } from './login-links';
import { loadMe } from './me';

export function authRoutes() {
  return (
    new Hono<AppEnv>()
      .route('/login-links', loginLinkRoutes())
      // Answered 200 either way: a signed-out visitor of the sign-in page is the normal case, not an
      // error (a 401 here would be a console error on every visit to it).
      .get('/session', async (c) => {
        const token = getCookie(c, SESSION_COOKIE);
        const { db, now } = c.get('deps');
        const found = token ? await findSession(db, await hashToken(token), now()) : undefined;
        c.header('Cache-Control', 'no-store');
        const body: SessionStatus = { signedIn: found !== undefined };
        return c.json(body);
      })
      .post('/sessions', async (c) => {
        const { token } = await readJson(c, createSessionInputSchema);
        const { db, now } = c.get('deps');
        const tokenHash = await hashToken(token);
        const at = now();
        const [link] = await db
          .update(loginLinks)
          .set({ usedAt: at })
          .where(and(eq(loginLinks.tokenHash, tokenHash), isNull(loginLinks.usedAt), gt(loginLinks.expiresAt, at)))
          .returning({ email: loginLinks.email });
        if (!link) throw invalidLink(await whyInvalid(c.get('deps').db, tokenHash));

        const [membership] = await db
          .select({ userId: users.id, teamId: memberships.teamId })
          .from(users)
          .innerJoin(memberships, eq(memberships.userId, users.id))
          .innerJoin(teams, eq(teams.id, memberships.teamId))
          .where(eq(users.email, link.email))
          .orderBy(asc(teams.name))
          .limit(1);
        if (!membership) throw invalidLink('unknown');

        const sessionToken = newToken();
        await db.insert(sessions).values({
          tokenHash: await hashToken(sessionToken),
          userId: membership.userId,
          teamId: membership.teamId,
          expiresAt: new Date(at.getTime() + SESSION_TTL_MS),
        });
        await recordAudit(db, at, {
          teamId: membership.teamId,
          actor: { kind: 'user', id: membership.userId, label: link.email },
          action: 'session.signed_in',
          clientAddress: c.env?.clientAddress ?? null,
        });
        setSessionCookie(c, sessionToken);
        return c.json(await loadMe(db, membership.userId, membership.teamId), 201);
      })
      .delete('/session', requireSession, async (c) => {
        // A service account's token has no session to end: it is revoked or rotated instead.
        const { tokenHash } = personSession(c);
        await c.get('deps').db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
        clearSessionCookie(c);
        return c.body(null, 204);
      })
  );
}

async function whyInvalid(db: AppEnv['Variables']['deps']['db'], tokenHash: string): Promise<InvalidLinkReason> {
  const [link] = await db.select().from(loginLinks).where(eq(loginLinks.tokenHash, tokenHash));
  if (!link) return 'unknown';
  return link.usedAt ? 'used' : 'expired';
}

const messages: Record<InvalidLinkReason, string> = {
  expired: 'This sign-in link has expired. Ask for a new one.',
  used: 'This sign-in link has already been used. Ask for a new one.',
  unknown: 'This sign-in link is not valid. Ask for a new one.',
};

const invalidLink = (reason: InvalidLinkReason) => new HttpError(400, 'invalid_link', messages[reason], { reason });
