import { sql } from 'drizzle-orm';
import type { Database } from './database';

// Bundled at build time, so the core needs no filesystem to migrate.
const files = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

export const migrations = Object.entries(files)
  .map(([path, text]) => ({ name: path.slice(path.lastIndexOf('/') + 1), statements: splitStatements(text) }))
  .sort((a, b) => a.name.localeCompare(b.name));

function splitStatements(text: string): string[] {
  return text
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Applies every migration not yet recorded, all in one transaction. Safe to run at every start. */
export async function migrate(db: Database): Promise<string[]> {
  return db.transaction(async (tx) => {
    // Replicas starting together on one PostgreSQL must not apply the same migration twice.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(4242001)`);
    await tx.execute(sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    // Both drivers (PGlite, node-postgres) answer raw queries with { rows }.
    const done = (await tx.execute(sql`SELECT name FROM schema_migrations`)) as unknown as { rows: { name: string }[] };
    const applied = new Set(done.rows.map((r) => r.name));
    const pending = migrations.filter((m) => !applied.has(m.name));
    for (const migration of pending) {
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO schema_migrations (name) VALUES (${migration.name})`);
    }
    return pending.map((m) => m.name);
  });
}
