import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import type { BundleReader } from './inspection';
import { historyRoutes } from './routes/history';
import { tusRoutes } from './routes/tus';

/**
 * /api/support-bundles (issue 9): browser uploads over tus under /uploads, the history beside.
 * The inspector is given by the app (server/app.ts), not chosen here.
 */
export function supportBundleRoutes(reader: BundleReader) {
  return new Hono<AppEnv>().route('/uploads', tusRoutes(reader)).route('/', historyRoutes(reader));
}
