import type { InstanceSort } from '../../contract/instances';
import { HttpError } from '../http/errors';

/**
 * Where a page ends: the sort key of its last instance and that instance's id (keyset paging, so
 * a page costs the same however deep it is, and check-ins arriving meanwhile neither repeat nor
 * skip the instances not yet seen). Opaque to the client; the sort is in it so a cursor cannot be
 * replayed under another order.
 */
export type Cursor = { sort: InstanceSort; key: string; id: string };

/** A timestamp as the database writes it for the cursor, to the microsecond. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString('base64url');

const badCursor = () => {
  const message = 'The cursor is not one this portal handed out for this sort. Start from the first page.';
  return new HttpError(400, 'validation_failed', message, { fields: { cursor: message } });
};

export function decodeCursor(text: string, sort: InstanceSort): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string')) {
    throw badCursor();
  }
  const [cursorSort, key, id] = parsed as [string, string, string];
  if (cursorSort !== sort || (sort === 'last_check_in' && !TIMESTAMP.test(key))) throw badCursor();
  // eslint-disable-next-line no-control-regex -- PostgreSQL cannot compare text holding NUL
  if (/\u0000/.test(key + id) || id.length > 64 || key.length > 300) throw badCursor();
  return { sort, key, id };
}
