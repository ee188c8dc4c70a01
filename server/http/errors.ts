import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../contract/errors';
import { databaseErrorOf } from '../db/errors';
import type { Logger } from '../deps';

/** An error the client is meant to see, rendered as { error: { code, message, details? } }. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = 'That resource') => new HttpError(404, 'not_found', `${what} was not found.`);

export function errorResponse(c: Context, error: HttpError) {
  const body = {
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  };
  return c.json(body, error.status);
}

/**
 * The client's fault, as an answer, for an error a handler did not expect: the safety net behind
 * the validators (issue 6, defect 4). PostgreSQL's data exceptions (class 22: a NUL byte, an
 * invalid byte sequence, a value too long or of the wrong form) and program limits (class 54:
 * an index row too large) come from what the request carried, never from a fault of ours; a
 * unique violation is a conflict with data that exists. Null for a real failure (a 500).
 */
export function clientErrorOf(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof HTTPException && error.status < 500) {
    return new HttpError(error.status, 'bad_request', error.message || 'The request could not be read.');
  }
  const database = databaseErrorOf(error);
  if (database?.code.startsWith('22') || database?.code.startsWith('54')) {
    return new HttpError(400, 'bad_request', 'The request holds a value the portal cannot store or look up.');
  }
  if (database?.code === '23505') {
    return new HttpError(409, 'conflict', 'This conflicts with something that already exists. Reload and try again.');
  }
  return null;
}

/**
 * Logs a refusal that `clientErrorOf` made of an unexpected error: one line, in the driver's own
 * words (a Drizzle error's message would carry the query), since a stack trace would bury the
 * real failures. An HttpError is an answer, not an incident, and is not logged.
 */
export function logRefusal(logger: Logger, c: Context, error: Error) {
  if (error instanceof HttpError) return;
  const reason = databaseErrorOf(error)?.message ?? error.message.split('\n')[0];
  logger.info('request refused', { method: c.req.method, path: c.req.path, reason });
}
