import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';

/**
 * A fingerprint per table of everything the portal stores, so a test can tell that a request
 * changed nothing without comparing whole dumps. `ignore` names columns ("table.column") that a
 * refused request may still legitimately touch, such as when a token was last used.
 */
export async function databaseFingerprint(db: Database, ignore: readonly string[] = []) {
  const columns = await rows<{ table_name: string; column_name: string }>(
    db,
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
     ORDER BY table_name, ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table_name: table, column_name: column } of columns) {
    if (ignore.includes(`${table}.${column}`)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), `"${column}"`]);
  }
  const query = [...byTable]
    .map(([table, cols]) => {
      const row = `ROW(${cols.join(', ')})::text`;
      return `SELECT '${table}' AS name, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS hash FROM "${table}"`;
    })
    .join(' UNION ALL ');
  const hashes = await rows<{ name: string; hash: string }>(db, query);
  return Object.fromEntries(hashes.map((h) => [h.name, h.hash]));
}

/** The tables whose fingerprints differ. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);

async function rows<T>(db: Database, text: string): Promise<T[]> {
  const result = (await db.execute(sql.raw(text))) as unknown as { rows: T[] };
  return result.rows;
}
