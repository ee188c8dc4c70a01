import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cookie } from 'playwright-core';

/**
 * The session each demo user was last signed in with, by email. Every e2e sign-in comes from
 * 127.0.0.1, and the BFF gives a client five links per address and thirty in all per quarter
 * hour (server/auth/login-limits.ts): against the run's shared server, a user signed in by one
 * file is handed to the next through a folder global-setup.ts made. A file's own server keeps its
 * sessions in memory, for that file alone.
 */
export class SessionStore {
  private readonly known = new Map<string, Cookie>();

  constructor(private readonly folder: string | null) {}

  async get(email: string): Promise<Cookie | undefined> {
    const known = this.known.get(email);
    if (known || !this.folder) return known;
    const saved = await readFile(this.fileOf(email), 'utf8').catch(() => null);
    return saved === null ? undefined : (JSON.parse(saved) as Cookie);
  }

  async set(email: string, session: Cookie) {
    this.known.set(email, session);
    if (this.folder) await writeFile(this.fileOf(email), JSON.stringify(session));
  }

  private fileOf(email: string) {
    return join(this.folder!, `${encodeURIComponent(email)}.json`);
  }
}
