import { HttpError } from '../http/errors';

/**
 * Where a page of the audit log ends: the id of its last entry. Ids only grow, so the log reads
 * newest first by id, and entries written while someone pages are neither repeated nor skipped.
 * Opaque to the client, like the instance list's cursor (server/instances/cursor.ts).
 */
const PREFIX = 'audit:';

export const encodeAuditCursor = (id: number) => Buffer.from(`${PREFIX}${id}`).toString('base64url');

export function decodeAuditCursor(text: string): number {
  const decoded = /^[A-Za-z0-9_-]+$/.test(text) ? Buffer.from(text, 'base64url').toString('utf8') : '';
  const digits = decoded.startsWith(PREFIX) ? decoded.slice(PREFIX.length) : '';
  const id = /^[1-9]\d{0,15}$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(id)) {
    const message = 'The cursor is not one this portal handed out. Start from the first page.';
    throw new HttpError(400, 'validation_failed', message, { fields: { cursor: message } });
  }
  return id;
}
