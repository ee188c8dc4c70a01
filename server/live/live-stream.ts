import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../http/env';
import type { LiveEvent } from './event-bus';

/**
 * An open stream re-checks its session at least this often, so it ends within this long of a
 * sign-out, an expiry or a lost membership (issue 6, defect 8). The same beat resends the data,
 * which carries time-based changes such as an attempt becoming stalled.
 */
export const LIVE_RECHECK_MS = 15_000;

export type LiveStreamOptions = {
  teamId: string;
  /** Which of the team's events concern this stream. */
  concerns: (event: LiveEvent) => boolean;
  /** The current data to send, or null once the session may no longer see it, which ends the stream. */
  load: () => Promise<{ event: string; data: unknown } | null>;
};

/**
 * Server-sent events that follow one thing for as long as the reader may see it: sent on open,
 * on every event that concerns it and on the re-check beat. Every send loads the data and then
 * checks access (load's job), so no data read after access ended is ever written.
 */
export function liveStream(c: Context<AppEnv>, { teamId, concerns, load }: LiveStreamOptions) {
  const { events, liveRecheckMs, logger } = c.get('deps');
  return streamSSE(c, async (stream) => {
    let ended = false;
    let wake = () => {};
    const end = () => {
      ended = true;
      wake();
    };
    stream.onAbort(end);

    // Sends are chained so two quick events cannot interleave their writes.
    let sending = Promise.resolve();
    const send = () => {
      sending = sending
        .then(async () => {
          if (ended) return;
          const message = await load();
          if (!message) return end();
          if (!ended) await stream.writeSSE({ event: message.event, data: JSON.stringify(message.data) });
        })
        .catch((error: unknown) => {
          logger.error('live stream failed', { path: c.req.path, error: String(error) });
          end();
        });
      return sending;
    };

    const unsubscribe = events.subscribe(teamId, (event) => {
      if (concerns(event)) void send();
    });
    try {
      await send();
      while (!ended) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, liveRecheckMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        await send();
      }
    } finally {
      unsubscribe();
    }
    // Returning closes the stream: EventSource reconnects, and a signed-out reader then gets 401.
  });
}
