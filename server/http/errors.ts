import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../contract/errors';

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
