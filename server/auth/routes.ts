import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { createSessionInputSchema, requestLoginLinkInputSchema, type InvalidLinkReason } from '../../contract/auth';
import { hashToken, newToken } from './tokens';
import { apps, loginLinks, memberships, sessions, teams, users } from '../db/schema';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/errors';
import { RateLimiter } from '../http/rate-limit';
import { clearSessionCookie, requireSession, SESSION_TTL_MS, setSessionCookie } from '../http/session';
import { readJson } from '../http/validate';
import { loginLinkEmail } from '../mail/login-link-email';
import { loadMe } from './me';

export const LOGIN_LINK_TTL_MS = 15 * 60_000;
const WINDOW_MS = 15 * 60_000;

export function authRoutes() {
  // Per app instance, so every test app starts with fresh limits.
  const perAddress = new RateLimiter(5, WINDOW_MS);
  const perClient = new RateLimiter(30, WINDOW_MS);

  return new Hono<AppEnv>()
    .post('/login-links', async (c) => {
      const { email, locale } = await readJson(c, requestLoginLinkInputSchema);
      const { db, now, mailer, publicUrl, logger } = c.get('deps');
      const at = now().getTime();
      const wait = perClient.hit(c.env?.clientAddress ?? 'unknown', at) ?? perAddress.hit(email, at);
      if (wait !== null) {
        c.header('Retry-After', String(wait));
        throw new HttpError(429, 'rate_limited', 'Too many sign-in requests. Wait a few minutes and try again.', {
          retryAfterSeconds: wait,
        });
      }

      const token = newToken();
      await db.insert(loginLinks).values({
        tokenHash: await hashToken(token),
        email,
        expiresAt: new Date(at + LOGIN_LINK_TTL_MS),
      });
      const [known] = await db
        .select({ locale: users.locale })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .where(eq(users.email, email))
        .limit(1);
      if (known) {
        const [app] = await db.select({ branding: apps.branding }).from(apps).limit(1);
        const url = `${publicUrl}/login/verify#token=${token}`;
        const message = loginLinkEmail(email, app?.branding.title ?? 'Portico', url, known.locale ?? locale ?? 'en');
        // Not awaited: the answer must not reveal, by its timing, whether the address is known.
        mailer
          .send(message)
          .catch((error: unknown) => logger.error('login link email failed', { error: String(error) }));
      }
      // The same answer for known and unknown addresses, so nobody can probe who has an account.
      return c.json({ sent: true }, 202);
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
      setSessionCookie(c, sessionToken);
      return c.json(await loadMe(db, membership.userId, membership.teamId), 201);
    })
    .delete('/session', requireSession, async (c) => {
      await c
        .get('deps')
        .db.delete(sessions)
        .where(eq(sessions.tokenHash, c.get('session').tokenHash));
      clearSessionCookie(c);
      return c.body(null, 204);
    });
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
