import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Without SMTP the server writes each email to $DATA_DIR/outbox/<iso>-<email>.eml
 * (server/node/mailer.ts). Waits for the newest one to `email` written at or after `since` and
 * returns the sign-in link in it.
 */
export async function readLoginLink(dataDir: string, email: string, since: Date, timeoutMs = 10_000) {
  const outbox = join(dataDir, 'outbox');
  const suffix = `-${email.replace(/[^a-z0-9@._-]/gi, '_')}.eml`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = await readdir(outbox).catch(() => [] as string[]);
    const newest = names
      .filter((name) => name.endsWith(suffix) && sentAt(name) >= since.getTime())
      .sort()
      .at(-1);
    const text = newest ? plainTextOf(await readFile(join(outbox, newest), 'utf8')) : null;
    const link = text?.match(/https?:\/\/\S+\/login\/verify#token=[\w-]+/)?.[0];
    if (link) return link;
    if (Date.now() > deadline)
      throw new Error(`No sign-in email to ${email} in ${outbox} since ${since.toISOString()}; it holds: ${names}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** "2026-11-22T21-58-06-783Z-…" → the instant it names. */
function sentAt(fileName: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z-/.exec(fileName);
  return m ? Date.parse(`${m[1]}:${m[2]}:${m[3]}.${m[4]}Z`) : NaN;
}

/** The decoded text/plain part of an RFC 5322 message, or null while the file is still being written. */
export function plainTextOf(eml: string): string | null {
  const { headers, body } = splitEntity(eml);
  const boundary = /boundary="?([^";\n]+)"?/i.exec(headers)?.[1];
  if (!boundary) return decodeBody(headers, body);
  if (!body.includes(`--${boundary}--`)) return null;
  for (const part of body.split(`--${boundary}`).slice(1, -1)) {
    const entity = splitEntity(part.replace(/^\r?\n/, ''));
    if (/^content-type:\s*text\/plain/im.test(entity.headers)) return decodeBody(entity.headers, entity.body);
  }
  return null;
}

function splitEntity(text: string) {
  const normalized = text.replace(/\r\n/g, '\n');
  const end = normalized.indexOf('\n\n');
  return end < 0
    ? { headers: normalized, body: '' }
    : { headers: normalized.slice(0, end), body: normalized.slice(end + 2) };
}

function decodeBody(headers: string, body: string): string {
  const encoding = /^content-transfer-encoding:\s*([\w-]+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;
  // Soft line breaks join lines; =XX are bytes of the UTF-8 text (RFC 2045 §6.7).
  const bytes = body
    .replace(/=\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
