import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { sessionHolds } from '../http/session';
import { liveStream } from '../live/live-stream';
import { findAttempt, findAttempts } from './attempts';

/**
 * GET /api/installs/:id/events: the attempt as server-sent events, so its checkboxes tick as
 * install traffic arrives, for as long as the session (a person's, or a service account's token)
 * may see it.
 */
export async function attemptEvents(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const session = c.get('session');
  const { teamId } = session;
  const attemptId = c.req.param('id')!;
  await findAttempt(deps, teamId, attemptId); // 404 before the stream starts.
  return liveStream(c, {
    teamId,
    concerns: (event) => event.attemptId === attemptId,
    load: async () => {
      const [attempt] = await findAttempts(deps, teamId, attemptId);
      // Checked after loading, so what is sent was read while the session could still see it;
      // a session switched to another team no longer sees this team's attempt, and a service
      // account's stream ends once its token is rotated, revoked or expired.
      const holds = await sessionHolds(deps.db, session, deps.now());
      return attempt && holds ? { event: 'attempt', data: attempt } : null;
    },
  });
}
