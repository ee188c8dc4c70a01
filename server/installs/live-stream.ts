import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { findSession } from '../http/session';
import { liveStream } from '../live/live-stream';
import { findAttempt, findAttempts } from './attempts';

/**
 * GET /api/installs/:id/events: the attempt as server-sent events, so its checkboxes tick as
 * install traffic arrives, for as long as the session may see it.
 */
export async function attemptEvents(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const { tokenHash, teamId } = c.get('session');
  const attemptId = c.req.param('id')!;
  await findAttempt(deps, teamId, attemptId); // 404 before the stream starts.
  return liveStream(c, {
    teamId,
    concerns: (event) => event.attemptId === attemptId,
    load: async () => {
      const [attempt] = await findAttempts(deps, teamId, attemptId);
      // Checked after loading, so what is sent was read while the session could still see it;
      // a session switched to another team no longer sees this team's attempt.
      const session = await findSession(deps.db, tokenHash, deps.now());
      return attempt && session?.teamId === teamId ? { event: 'attempt', data: attempt } : null;
    },
  });
}
