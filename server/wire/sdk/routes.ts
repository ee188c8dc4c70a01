import { Hono } from 'hono';
import { rollUpStatus } from '../../instances/status';
import { constantTimeEqual } from '../../auth/tokens';
import type { AppEnv } from '../../http/env';
import { HttpError } from '../../http/errors';
import { readJson } from '../../http/validate';
import { recordCheckIn } from '../../instances/check-in';
import { checkInBodySchema, parseCheckInHeaders, sdkVersionOf } from './report';
import { bodyLimit } from '../../http/body-limit';
import { requireServiceAccount } from '../../service-accounts/credentials';

/** Replicated SDK instance check-ins (issue 3; reference B3). */
export function sdkRoutes() {
  return new Hono<AppEnv>().post('/kots_metrics/license_instance/info', bodyLimit(1024 * 1024), async (c) => {
    const identity = await requireServiceAccount(c, basicToken(c.req.header('authorization')));
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

/**
 * The SDK sends Basic base64("<license>:<license>"); here the license is a service-account token,
 * and both halves must be it.
 */
function basicToken(header: string | undefined): string {
  const unauthenticated = new HttpError(401, 'unauthenticated', 'Send Authorization: Basic base64(token:token).');
  const [scheme, encoded] = header?.split(' ', 2) ?? [];
  if (!scheme || !/^basic$/i.test(scheme) || !encoded) throw unauthenticated;
  let decoded: string;
  try {
    decoded = atob(encoded.trim());
  } catch {
    throw unauthenticated;
  }
  const colon = decoded.indexOf(':');
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (colon < 0 || !password || !constantTimeEqual(user, password)) throw unauthenticated;
  return password;
}
