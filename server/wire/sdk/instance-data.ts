import type { Context } from 'hono';
import type { InstanceStatus, ResourceState } from '../../../contract/installs';
import type { AppEnv } from '../../http/env';
import { readJson } from '../../http/validate';
import type { CheckIn } from '../../instances/check-in';
import { rollUpStatus } from '../../instances/status';
import { checkInBodySchema, nodesOf, parseCheckInHeaders, sdkVersionOf } from './report';

/**
 * The instance data the SDK puts on its requests (replicated-sdk pkg/report/util.go,
 * `InjectInstanceDataHeaders` and `InjectInstanceDataPayload`): the check-in posts it, and so does
 * the update check (`/release/:app/pending`), which replicated.app counts as a report too
 * (reference B3). One mapping for both, so they cannot drift apart.
 *
 * `unreported` is the status when the request says nothing about it: the check-in's rule is that
 * nothing watched counts as ready (architecture.md); null keeps whatever was recorded before.
 */
export async function readInstanceData(c: Context<AppEnv>, unreported: InstanceStatus | null): Promise<CheckIn> {
  const headers = parseCheckInHeaders((name) => c.req.header(name));
  // KOTS posts its check-in with no body at all (kots pkg/reporting/app_online.go).
  const body = await readJson(c, checkInBodySchema, { emptyBody: {} });
  return {
    externalId: headers['X-Replicated-InstanceID'],
    status: instanceStatusOf(body.resource_states, headers['X-Replicated-AppStatus'], unreported),
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
      nodes: nodesOf(headers),
    },
  };
}

/**
 * The resource states decide when there are some; otherwise the client's own summary
 * (X-Replicated-AppStatus, which an SDK whose informers report nothing yet still sends); with
 * neither, `unreported`.
 */
function instanceStatusOf(
  states: ResourceState[] | undefined,
  appStatus: InstanceStatus | undefined,
  unreported: InstanceStatus | null,
): InstanceStatus | null {
  if (states?.length) return rollUpStatus(states);
  return appStatus ?? unreported;
}
