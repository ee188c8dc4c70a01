import { Hono } from 'hono';
import type { AppEnv } from '../../http/env';
import { downloadEmbeddedBundle } from './download';
import { receiveInstallerEvent } from './events';
import { bodyLimit } from '../../http/body-limit';

/** Embedded Cluster installer download and lifecycle metrics (issue 3). */
export function embeddedRoutes() {
  return new Hono<AppEnv>()
    .get('/embedded/:app/:channel', downloadEmbeddedBundle)
    .get('/embedded/:app/:channel/:version', downloadEmbeddedBundle)
    .post('/embedded_cluster_metrics/:path', bodyLimit(64 * 1024), receiveInstallerEvent);
}
