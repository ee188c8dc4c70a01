import { sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { createTestPortal } from '../testing/test-portal';
import * as schema from './schema';

type Column = { type: string; notNull: boolean; hasDefault: boolean; primaryKey: boolean };

/** The migrations are the source of truth; the Drizzle schema must describe exactly what they make. */
describe('the Drizzle schema matches the migrated database', () => {
  it('has the same tables, columns, types, nullability, defaults and primary keys', async () => {
    const portal = await createTestPortal();
    const result = await portal.db.execute(sql`
      SELECT c.table_name, c.column_name, format_type(a.atttypid, a.atttypmod) AS type, c.is_nullable,
             c.column_default,
             EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary
                     AND a.attnum = ANY (i.indkey)) AS primary_key
      FROM information_schema.columns c
      JOIN pg_attribute a ON a.attrelid = ('public.' || c.table_name)::regclass AND a.attname = c.column_name
      WHERE c.table_schema = 'public' AND c.table_name <> 'schema_migrations'`);
    const rows = (result as unknown as { rows: unknown[] }).rows as {
      table_name: string;
      column_name: string;
      type: string;
      is_nullable: 'YES' | 'NO';
      column_default: string | null;
      primary_key: boolean;
    }[];
    const migrated: Record<string, Record<string, Column>> = {};
    for (const r of rows) {
      (migrated[r.table_name] ??= {})[r.column_name] = {
        type: r.type,
        notNull: r.is_nullable === 'NO',
        hasDefault: r.column_default !== null,
        primaryKey: r.primary_key,
      };
    }

    const declared: Record<string, Record<string, Column>> = {};
    for (const table of Object.values(schema)) {
      if (!(table instanceof PgTable)) continue;
      const config = getTableConfig(table);
      const compositeKey = new Set(config.primaryKeys.flatMap((k) => k.columns.map((c) => c.name)));
      declared[config.name] = Object.fromEntries(
        config.columns.map((c) => [
          c.name,
          {
            type: c.getSQLType(),
            notNull: c.notNull || c.primary || compositeKey.has(c.name),
            // A JS-side default ($defaultFn) is not a database default.
            hasDefault: c.hasDefault && c.default !== undefined,
            primaryKey: c.primary || compositeKey.has(c.name),
          },
        ]),
      );
    }
    expect(declared).toEqual(migrated);
  });
});
