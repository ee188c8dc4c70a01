import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { plainTextOf } from './outbox';

/** Waits for an invite email to `email` in $DATA_DIR/outbox and returns the accept link in it. */
export async function readInviteLink(dataDir: string, email: string, timeoutMs = 10_000) {
  const outbox = join(dataDir, 'outbox');
  const suffix = `-${email.replace(/[^a-z0-9@._-]/gi, '_')}.eml`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = (await readdir(outbox).catch(() => [] as string[])).filter((n) => n.endsWith(suffix)).sort();
    for (const name of names.reverse()) {
      const text = plainTextOf(await readFile(join(outbox, name), 'utf8'));
      const link = text?.match(/https?:\/\/\S+\/invites\/accept#token=[\w-]+/)?.[0];
      if (link) return link;
    }
    if (Date.now() > deadline) throw new Error(`No invite email to ${email} in ${outbox}; it holds: ${names}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
