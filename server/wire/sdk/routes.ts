import { Hono } from 'hono';
import type { AppEnv } from '../../http/env';
import { recordCheckIn } from '../../instances/check-in';
import { bodyLimit } from '../../http/body-limit';
import { requireMachine } from '../../service-accounts/credentials';
import { CUSTOM_METRICS_BODY_LIMIT, receiveCustomMetrics } from './custom-metrics';
import { readInstanceData } from './instance-data';
import { pendingReleases } from './pending';
import { createUploadUrl, markUploaded, receiveAtUploadUrl } from './support-bundle';

const CHECK_IN_BODY_LIMIT = 1024 * 1024;

/** What the Replicated SDK calls upstream (issues 3 and 7; reference B3). */
export function sdkRoutes() {
  return (
    new Hono<AppEnv>()
      .post('/kots_metrics/license_instance/info', bodyLimit(CHECK_IN_BODY_LIMIT), async (c) => {
        // The SDK sends Basic base64("<license>:<license>"); the license is its ID or a service-account token.
        const { identity } = await requireMachine(c, 'sdk');
        // Nothing watched counts as ready (architecture.md).
        await recordCheckIn(c.get('deps'), identity, await readInstanceData(c, 'ready'));
        return c.json({});
      })
      .get('/release/:app/pending', pendingReleases)
      .post('/release/:app/pending', bodyLimit(CHECK_IN_BODY_LIMIT), pendingReleases)
      .post('/application/custom-metrics', bodyLimit(CUSTOM_METRICS_BODY_LIMIT), receiveCustomMetrics)
      .patch('/application/custom-metrics', bodyLimit(CUSTOM_METRICS_BODY_LIMIT), receiveCustomMetrics)
      // The bytes stream to the bundle store under its own limit: no body limit on the PUT.
      .post('/v3/supportbundle/upload-url', bodyLimit(CHECK_IN_BODY_LIMIT), createUploadUrl)
      .put('/v3/supportbundle/upload/:id/:token', receiveAtUploadUrl)
      .post('/v3/supportbundle/:id/uploaded', bodyLimit(CHECK_IN_BODY_LIMIT), markUploaded)
  );
}
