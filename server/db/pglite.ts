import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database } from './database';
import * as schema from './schema';

/**
 * Opens PGlite (in memory, or in dataDir). A template, a dumped data directory made at build
 * time, skips initdb, which costs seconds on small machines; it is used only for an empty dataDir.
 */
export async function openPglite(options: { dataDir?: string; template?: Blob } = {}) {
  const client = new PGlite({ dataDir: options.dataDir, loadDataDir: options.template });
  await client.waitReady;
  const db: Database = drizzle(client, { schema });
  return { client, db };
}
