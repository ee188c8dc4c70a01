import { Hono } from 'hono';
import { instanceListQuerySchema, type InstancePage } from '../../contract/instances';
import type { AppEnv } from '../http/env';
import { readQuery } from '../http/validate';
import { countInstances } from './counts';
import { INSTANCE_CSV_HEADER, instanceCsvRow } from './csv';
import { findInstancePage } from './list';

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
        const [page, counts] = await Promise.all([
          findInstancePage(db, teamId, at, filters, { cursor, limit }),
          countInstances(db, teamId, at),
        ]);
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
  );
}
