import { Hono } from 'hono';
import { instanceListQuerySchema, type InstanceCounts, type InstancePage } from '../../contract/instances';
import type { Database } from '../db/database';
import type { AppEnv } from '../http/env';
import { readQuery } from '../http/validate';
import { countInstances } from './counts';
import { INSTANCE_CSV_HEADER, instanceCsvRow } from './csv';
import { instanceDetails } from './details';
import { findInstancePage } from './list';

/** How long the pages after the first may show the first page's counts. */
const COUNTS_REUSE_MS = 30_000;
const countsCache = new WeakMap<object, Map<string, { counts: InstanceCounts; at: number }>>();

async function freshCounts(db: Database, teamId: string, now: Date) {
  const counts = await countInstances(db, teamId, now);
  const cache = countsCache.get(db) ?? new Map();
  countsCache.set(db, cache);
  cache.set(teamId, { counts, at: now.getTime() });
  return counts;
}

async function recentCounts(db: Database, teamId: string, now: Date) {
  const hit = countsCache.get(db)?.get(teamId);
  const age = hit ? now.getTime() - hit.at : Infinity;
  return hit && age >= 0 && age < COUNTS_REUSE_MS ? hit.counts : freshCounts(db, teamId, now);
}

/** How many instances the export reads from the database at a time. */
const EXPORT_PAGE = 500;

/** The team's instances, a page at a time, and the same list as CSV (issue 8). */
export function instanceRoutes() {
  return (
    new Hono<AppEnv>()
      .get('/', async (c) => {
        const { db, now } = c.get('deps');
        const teamId = c.get('session').teamId;
        const { cursor, limit, ...filters } = readQuery(c, instanceListQuerySchema);
        const at = now();
        // The first page counts afresh; the pages after it, fetched as the list scrolls, may
        // reuse those counts for a while: each count reads every instance of the team.
        const counts = cursor ? await recentCounts(db, teamId, at) : await freshCounts(db, teamId, at);
        const page = await findInstancePage(db, teamId, at, filters, { cursor, limit });
        const body: InstancePage = { ...page, counts };
        return c.json(body);
      })
      // Before any /:id route, which would otherwise take "export.csv" for an id.
      .get('/export.csv', async (c) => {
        const { db, now } = c.get('deps');
        const teamId = c.get('session').teamId;
        // The whole filtered list, whatever page the screen was on: cursor and limit are not used.
        const { tab, q, status, version, sort } = readQuery(c, instanceListQuerySchema);
        const filters = { tab, q, status, version, sort };
        const at = now();
        const encoder = new TextEncoder();
        // Pages are read as the client takes them, so a large export never sits whole in memory.
        let cursor: string | null | undefined;
        let started = false;
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            if (!started) {
              started = true;
              controller.enqueue(encoder.encode(INSTANCE_CSV_HEADER));
            }
            if (cursor === null) return controller.close();
            const page = await findInstancePage(db, teamId, at, filters, { cursor, limit: EXPORT_PAGE });
            controller.enqueue(encoder.encode(page.instances.map(instanceCsvRow).join('')));
            cursor = page.nextCursor;
          },
        });
        const date = at.toISOString().slice(0, 10);
        return c.body(body, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="instances-${filters.tab}-${date}.csv"`,
          'cache-control': 'no-store',
        });
      })
      .get('/:id', instanceDetails)
  );
}
