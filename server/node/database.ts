import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from '../db/database';
import { openPglite } from '../db/pglite';
import * as schema from '../db/schema';

export type OpenDatabase = { db: Database; kind: string; close(): Promise<void> };

/** PostgreSQL when DATABASE_URL is set; otherwise PGlite with its files under DATA_DIR. */
export async function openDatabase(options: {
  databaseUrl: string | null;
  dataDir: string;
  templateFile: string;
}): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    await pool.query('SELECT 1');
    return { db: drizzle(pool, { schema }), kind: 'PostgreSQL', close: () => pool.end() };
  }
  const dataDir = join(options.dataDir, 'pglite');
  const fresh = !existsSync(dataDir) || readdirSync(dataDir).length === 0;
  await mkdir(dataDir, { recursive: true });
  // A fresh directory starts from the template made at build time instead of running initdb.
  const template =
    fresh && existsSync(options.templateFile) ? new Blob([await readFile(options.templateFile)]) : undefined;
  const { client, db } = await openPglite({ dataDir, template });
  return { db, kind: `PGlite (${dataDir})`, close: () => client.close() };
}
