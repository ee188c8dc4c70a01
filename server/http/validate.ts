import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from './errors';

/** Parses the JSON body with the contract's schema; a 400 names each field at fault. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpError(400, 'bad_request', 'The request body must be valid JSON.');
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = result.error.issues[0]?.message ?? 'The request is invalid.';
  throw new HttpError(400, 'validation_failed', first, { fields });
}
