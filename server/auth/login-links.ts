import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { requestLoginLinkInputSchema } from '../../contract/auth';
import { LOGIN_LINK_TTL_MS } from '../../contract/constants';
import { apps, loginLinks, memberships, users } from '../db/schema';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/errors';
import { readJson } from '../http/validate';
import { loginLinkEmail } from '../mail/login-link-email';
import { LoginLinkLimits, MAIL_CAP } from './login-limits';
import { hashToken, newToken } from './tokens';

/** POST /api/auth/login-links: emails a single-use sign-in link to an address with an account. */
export function loginLinkRoutes() {
  const limits = new LoginLinkLimits(); // per app, so every test app starts with fresh limits

  return new Hono<AppEnv>().post('/', async (c) => {
    const { email, locale } = await readJson(c, requestLoginLinkInputSchema);
    const { db, now, mailer, publicUrl, logger, defer } = c.get('deps');
    const at = now().getTime();
    const verdict = limits.check(c.env?.clientAddress ?? 'unknown', email, at);
    if (verdict.retryAfterSeconds !== null) {
      c.header('Retry-After', String(verdict.retryAfterSeconds));
      throw new HttpError(429, 'rate_limited', 'Too many sign-in requests. Wait a few minutes and try again.', {
        retryAfterSeconds: verdict.retryAfterSeconds,
      });
    }

    // Known and unknown addresses take one path, with the same queries and the email rendered
    // either way, so the answer's timing does not tell them apart (issue 6, defect 6).
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
    const [app] = await db.select({ branding: apps.branding }).from(apps).limit(1);
    const message = loginLinkEmail({
      to: email,
      title: app?.branding.title ?? 'Portico',
      url: `${publicUrl}/login/verify#token=${token}`,
      locale: known?.locale ?? locale ?? 'en',
      validForMs: LOGIN_LINK_TTL_MS,
    });
    // Sending starts after the answer: however slow the mail server, and whatever the mailer does
    // before its first await, none of it shows in the response time.
    defer(async () => {
      if (!known) return;
      if (!verdict.mail) {
        logger.info('sign-in email not sent: the address reached its cap', { email, cap: MAIL_CAP });
        return;
      }
      await mailer
        .send(message)
        .catch((error: unknown) => logger.error('login link email failed', { error: String(error) }));
    });
    // The same answer for known and unknown addresses, so nobody can probe who has an account.
    return c.json({ sent: true }, 202);
  });
}
