import { and, eq, gt } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { hashToken } from '../auth/tokens';
import type { Database } from '../db/database';
import { memberships, sessions, users } from '../db/schema';
import { bearerSession, bearerSessionHolds, isBearerRequest } from './bearer-session';
import type { AppEnv, PersonSession, SessionContext } from './env';
import { HttpError } from './errors';

export const SESSION_COOKIE = 'portico_session';
export const SESSION_TTL_MS = 30 * 86_400_000;
/** A member's "last seen" is written at most this often, so a busy page costs no extra writes. */
const LAST_SEEN_EVERY_MS = 60_000;

/**
 * Loads the signed-in user and team; an unknown, tampered or expired cookie is simply signed out.
 * A request with `Authorization: Bearer <service-account token>` is its team's automation instead
 * (bearer-session.ts). Mounted once per resource, so a nested mount does not load it twice.
 */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('session')) return next();
  if (isBearerRequest(c)) {
    c.set('session', await bearerSession(c));
    return next();
  }
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) throw signedOut();
  const { db, now } = c.get('deps');
  const at = now();
  const found = await findSession(db, await hashToken(token), at);
  if (!found) throw signedOut();
  const { lastSeenAt, ...session } = found;
  if (!lastSeenAt || at.getTime() - lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS) {
    await db
      .update(memberships)
      .set({ lastSeenAt: at })
      .where(and(eq(memberships.userId, session.userId), eq(memberships.teamId, session.teamId)));
  }
  c.set('session', session);
  await next();
});

/**
 * A session that is still good: not signed out, not expired, and its user still on its team.
 * Every request checks it, and so does every open live stream before each send.
 */
export async function findSession(
  db: Database,
  tokenHash: string,
  at: Date,
): Promise<(PersonSession & { lastSeenAt: Date | null }) | undefined> {
  const [row] = await db
    .select({
      userId: sessions.userId,
      teamId: sessions.teamId,
      email: users.email,
      role: memberships.role,
      lastSeenAt: memberships.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.teamId, sessions.teamId)))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, at)));
  return row && { kind: 'user', tokenHash, ...row };
}

/**
 * Whether the session behind a request still holds, on the same team: a person's not signed out,
 * expired or off the team, a service account's token not rotated, revoked or expired. An open
 * live stream asks before each send.
 */
export async function sessionHolds(db: Database, session: SessionContext, at: Date): Promise<boolean> {
  if (session.kind === 'service_account') return bearerSessionHolds(db, session, at);
  return (await findSession(db, session.tokenHash, at))?.teamId === session.teamId;
}

const signedOut = () => new HttpError(401, 'unauthenticated', 'Your session has ended. Sign in again.');

export function setSessionCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').publicUrl.startsWith('https:'),
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
