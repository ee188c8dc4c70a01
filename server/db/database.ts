import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

/** The BFF's database port: Drizzle over PGlite or node-postgres, both PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
