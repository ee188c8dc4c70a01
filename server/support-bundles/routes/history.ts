import { and, desc, eq, ne } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import {
  bundleFileQuerySchema,
  type BundleFileView,
  type SupportBundleDetails,
  type SupportBundleList,
} from '../../../contract/support-bundles';
import { installAttempts, instances, serviceAccounts, supportBundles, users } from '../../db/schema';
import { bundleTarget } from '../../audit/bundles';
import { recordAudit, sessionActor } from '../../audit/record';
import type { AppEnv } from '../../http/env';
import { HttpError, notFound } from '../../http/errors';
import { readQuery } from '../../http/validate';
import type { BundleReader } from '../inspection';
import { mayDeleteBundle, presentBundle, summaryColumns, summaryJoins } from '../present';
import { deleteBundle } from '../store';
import { attachmentDisposition } from './disposition';

/** The most of one file the viewer shows; the rest is cut (`truncated`). */
export const FILE_VIEW_MAX_BYTES = 1024 * 1024;
const HISTORY_LIMIT = 100;

/**
 * The team's support bundles once complete (issue 9): the history, one bundle with its facts
 * and file tree, its bytes, one file read as text for the viewer, and deleting it.
 */
export function historyRoutes(reader: BundleReader) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const rows = await summaries(c)
        .orderBy(desc(supportBundles.completedAt), desc(supportBundles.id))
        .limit(HISTORY_LIMIT);
      const body: SupportBundleList = { bundles: rows.map((row) => presentBundle(row, c.get('session'))) };
      return c.json(body);
    })
    .get('/:id', async (c) => {
      const row = await completeBundle(c);
      const body: SupportBundleDetails = {
        ...presentBundle(row, c.get('session')),
        facts: row.bundle.facts ?? null,
        files: row.bundle.files ?? [],
      };
      return c.json(body);
    })
    .get('/:id/download', async (c) => {
      const { bundle } = await completeBundle(c);
      const body = bundle.status === 'rejected' ? null : await c.get('deps').blobs.open(bundle.id);
      if (!body) throw new HttpError(404, 'not_found', 'This bundle was rejected, so its file was not kept.');
      c.header('Content-Type', 'application/gzip');
      c.header('Content-Length', String(bundle.size));
      c.header('Content-Disposition', attachmentDisposition(bundle.filename));
      c.header('Cache-Control', 'private, no-store');
      return c.body(body);
    })
    .get('/:id/file', async (c) => {
      const { path } = readQuery(c, bundleFileQuerySchema);
      const { bundle } = await completeBundle(c);
      if (bundle.status !== 'ready') throw new HttpError(409, 'conflict', 'This bundle has not been inspected yet.');
      const body = await c.get('deps').blobs.open(bundle.id);
      const file = body && (await reader.readBundleFile(body, path, FILE_VIEW_MAX_BYTES));
      if (!file) throw notFound('That file');
      const view: BundleFileView = { size: file.size, text: file.text, truncated: file.truncated, binary: file.binary };
      return c.json(view);
    })
    .delete('/:id', async (c) => {
      const { bundle } = await completeBundle(c);
      if (!mayDeleteBundle(c.get('session'), bundle)) {
        throw new HttpError(403, 'forbidden', 'Only an admin or whoever uploaded a bundle may delete it.');
      }
      await deleteBundle(c.get('deps'), bundle.id);
      await recordAudit(c.get('deps').db, c.get('deps').now(), {
        ...sessionActor(c),
        action: 'bundle.deleted',
        target: bundleTarget(bundle),
      });
      return c.body(null, 204);
    });
}

/** The team's complete bundles (an upload in progress is not listed), with names for display. */
function summaries(c: Context<AppEnv>) {
  return c
    .get('deps')
    .db.select(summaryColumns)
    .from(supportBundles)
    .leftJoin(instances, summaryJoins.instances)
    .leftJoin(installAttempts, summaryJoins.installAttempts)
    .leftJoin(users, summaryJoins.users)
    .leftJoin(serviceAccounts, summaryJoins.serviceAccounts)
    .where(and(eq(supportBundles.teamId, c.get('session').teamId), ne(supportBundles.status, 'uploading')))
    .$dynamic();
}

async function completeBundle(c: Context<AppEnv>) {
  const [row] = await summaries(c).where(
    and(
      eq(supportBundles.teamId, c.get('session').teamId),
      ne(supportBundles.status, 'uploading'),
      eq(supportBundles.id, c.req.param('id')!),
    ),
  );
  if (!row) throw notFound('That support bundle');
  return row;
}
