import { Hono } from 'hono';
import type { InstanceStatus, ResourceState } from '../../../contract/installs';
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
    // KOTS posts its check-in with no body at all (kots pkg/reporting/app_online.go).
    const body = await readJson(c, checkInBodySchema, { emptyBody: {} });

    await recordCheckIn(c.get('deps'), identity, {
      externalId: headers['X-Replicated-InstanceID'],
      status: instanceStatusOf(body.resource_states, headers['X-Replicated-AppStatus']),
      details: {
        clusterId: headers['X-Replicated-ClusterID'] ?? headers['X-Replicated-EmbeddedClusterID'],
        embeddedClusterId: headers['X-Replicated-EmbeddedClusterID'],
        embeddedClusterVersion: headers['X-Replicated-EmbeddedClusterVersion'],
        appStatus: headers['X-Replicated-AppStatus'],
        k8sVersion: headers['X-Replicated-K8sVersion'],
        k8sDistribution: headers['X-Replicated-K8sDistribution'],
        channelId: headers['X-Replicated-DownstreamChannelID'],
        channelName: headers['X-Replicated-DownstreamChannelName'],
        channelSequence: headers['X-Replicated-DownstreamChannelSequence'],
        sdkVersion: sdkVersionOf(c.req.header('user-agent')),
        resourceStates: body.resource_states,
        runningImages: body.running_images,
        tags: headers['X-Replicated-InstanceTagData'],
      },
    });
    return c.json({});
  });
}

/**
 * The resource states decide when there are some; otherwise the client's own summary
 * (X-Replicated-AppStatus, which an SDK whose informers report nothing yet still sends); with
 * neither, nothing is watched, which counts as ready (architecture.md).
 */
function instanceStatusOf(states: ResourceState[] | undefined, appStatus: InstanceStatus | undefined): InstanceStatus {
  if (states?.length) return rollUpStatus(states);
  return appStatus ?? 'ready';
}
