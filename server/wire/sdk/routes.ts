import { Hono } from 'hono';
import { rollUpStatus } from '../../instances/status';
import type { AppEnv } from '../../http/env';
import { readJson } from '../../http/validate';
import { recordCheckIn } from '../../instances/check-in';
import { checkInBodySchema, parseCheckInHeaders, sdkVersionOf } from './report';
import { bodyLimit } from '../../http/body-limit';
import { requireMachine } from '../../service-accounts/credentials';

/** Replicated SDK instance check-ins (issue 3; reference B3). */
export function sdkRoutes() {
  return new Hono<AppEnv>().post('/kots_metrics/license_instance/info', bodyLimit(1024 * 1024), async (c) => {
    // The SDK sends Basic base64("<license>:<license>"); here the license is a service-account token.
    const { identity } = await requireMachine(c, 'sdk');
    const headers = parseCheckInHeaders((name) => c.req.header(name));
    const body = await readJson(c, checkInBodySchema);

    const resourceStates = body.resource_states;
    // The states decide; without them, the SDK's own summary; with neither, no informers: ready.
    const status = resourceStates ? rollUpStatus(resourceStates) : (headers['X-Replicated-AppStatus'] ?? 'ready');
    await recordCheckIn(c.get('deps'), identity, {
      externalId: headers['X-Replicated-InstanceID'],
      status,
      details: {
        clusterId: headers['X-Replicated-ClusterID'] ?? headers['X-Replicated-EmbeddedClusterID'],
        appStatus: headers['X-Replicated-AppStatus'],
        k8sVersion: headers['X-Replicated-K8sVersion'],
        k8sDistribution: headers['X-Replicated-K8sDistribution'],
        channelId: headers['X-Replicated-DownstreamChannelID'],
        channelSequence: headers['X-Replicated-DownstreamChannelSequence'],
        sdkVersion: sdkVersionOf(c.req.header('user-agent')),
        resourceStates,
        runningImages: body.running_images,
      },
    });
    return c.json({});
  });
}
