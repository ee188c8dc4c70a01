import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { z } from 'zod';
import { UNSAFE_TEXT, UNSAFE_TEXT_MESSAGE } from '../../contract/text';
import { HttpError, notFound } from './errors';
const UNSAFE_TEXT_ALL = new RegExp(UNSAFE_TEXT.source, 'g');

/** The path of the first string (value or key) in a parsed JSON value that holds unsafe text. */
function unsafeTextAt(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return UNSAFE_TEXT.test(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    // A key is named by itself, made printable, so the answer never carries the bad character.
    if (UNSAFE_TEXT.test(key)) return [...path, key.replace(UNSAFE_TEXT_ALL, '\ufffd')];
    const found = unsafeTextAt(child, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** Whether text nested in a value parsed from JSON the route received holds NUL or a lone surrogate. */
export const holdsUnsafeText = (value: unknown) => unsafeTextAt(value) !== null;

const fieldName = (path: string[]) => path.join('.') || '_';

/**
 * Parses the JSON body with the contract's schema; a 400 names each field at fault. `emptyBody`
 * stands in for a body with nothing in it, for routes where that has a meaning (a PATCH that
 * changes nothing); elsewhere an empty body is not JSON.
 */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: { emptyBody?: unknown } = {},
): Promise<z.output<S>> {
  const text = await c.req.text();
  let body: unknown = options.emptyBody;
  if (text.trim() !== '' || options.emptyBody === undefined) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'bad_request', 'The request body must be valid JSON.');
    }
  }
  const unsafe = unsafeTextAt(body);
  if (unsafe) {
    throw new HttpError(400, 'validation_failed', `${fieldName(unsafe)}: ${UNSAFE_TEXT_MESSAGE}`, {
      fields: { [fieldName(unsafe)]: UNSAFE_TEXT_MESSAGE },
    });
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    fields[fieldName(issue.path.map(String))] ??= issue.message;
  }
  const first = result.error.issues[0]?.message ?? 'The request is invalid.';
  throw new HttpError(400, 'validation_failed', first, { fields });
}

/**
 * No resource is named with a control character, so a path holding one (a decoded %00 or CRLF)
 * is nobody's: 404 before any handler, whose lookups PostgreSQL could not even run with a NUL.
 * The registry answers for /v2 itself, in its own error shape and name grammar.
 */
export const refuseControlCharacters = createMiddleware(async (c, next) => {
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(c.req.path) && !/^\/v2(\/|$)/.test(c.req.path)) {
    throw notFound('That resource');
  }
  await next();
});

/**
 * Parses the query string with the contract's schema; a 400 names each parameter at fault. A
 * parameter given twice is refused rather than one of its values silently chosen.
 */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const all = c.req.queries();
  const fields: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const [name, values] of Object.entries(all)) {
    const value = values[0] ?? '';
    if (values.length > 1) fields[name] = `Give ${name} once.`;
    else if (UNSAFE_TEXT.test(value)) fields[name] = UNSAFE_TEXT_MESSAGE;
    else query[name] = value;
  }
  const result = schema.safeParse(query);
  if (!result.success) {
    for (const issue of result.error.issues) fields[fieldName(issue.path.map(String))] ??= issue.message;
  }
  const [first] = Object.entries(fields);
  if (first) throw new HttpError(400, 'validation_failed', `${first[0]}: ${first[1]}`, { fields });
  return (result as { data: z.output<S> }).data;
}
