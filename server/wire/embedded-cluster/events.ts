import type { Context } from 'hono';
import { z } from '../../../contract/zod';
import type { AppEnv } from '../../http/env';
import { HttpError, notFound } from '../../http/errors';
import { readJson } from '../../http/validate';
import { attemptFor, claimedAttempt, clusterClaim } from '../../installs/attribution';
import { recordCheckpoint, recordFailure, recordProgress } from '../../installs/checkpoints';
import { refuseExpiredLicense } from '../../service-accounts/credentials';
import { authenticateLicense } from '../../service-accounts/service-accounts';

/**
 * The Embedded Cluster installer's lifecycle events, as embedded-cluster sends them
 * (pkg/metrics/util.go @ c40345bb `EventURL`/`EventPayload`, pkg/metrics/types/types.go @
 * 2b178e00): POST /embedded_cluster_metrics/<Title> with no Authorization header and the body
 * `{"event":{…},"versions":{…}}`. Only these events have a path of their own; every other one is a
 * GenericEvent whose `event.eventType` names it. The operator posts the Node* events.
 */
const ownPaths = ['InstallationStarted', 'UpgradeStarted', 'JoinStarted', 'JoinSucceeded', 'JoinFailed'] as const;
const operatorPaths = ['NodeAdded', 'NodeUpdated', 'NodeRemoved'] as const;
const genericTypes = [
  'InstallationSucceeded',
  'InstallationFailed',
  'UpgradeSucceeded',
  'UpgradeFailed',
  'PreflightsFailed',
  'PreflightsBypassed',
  'PreflightsSucceeded',
  'HostPreflightsFailed',
  'HostPreflightsBypassed',
  'HostPreflightsSucceeded',
  'AppPreflightsFailed',
  'AppPreflightsBypassed',
  'AppPreflightsSucceeded',
  'SignalAborted',
] as const;
const paths = new Set<string>([...ownPaths, ...operatorPaths, 'GenericEvent']);

const text = (max: number) => z.string().max(max, `Use at most ${max} characters.`);

/** The fields Portico reads; the installer sends more (binaryName, type, nodeName, …), all kept out. */
export const installerEventSchema = z.object({
  event: z.object({
    clusterID: text(128).min(1, 'event.clusterID is required.'),
    executionID: text(128).optional(),
    version: text(128).optional(),
    hostname: text(253).optional(),
    entryCommand: text(256).optional(),
    flags: text(4096).optional(),
    eventType: text(128).optional(),
    reason: text(4096).optional(),
    isExitEvent: z.boolean().optional(),
    licenseID: text(200).optional(),
    appChannelID: text(128).optional(),
    appVersion: text(128).optional(),
    /** PreflightsFailed: the preflight results as JSON text, `{"pass":[…],"warn":[…],"fail":[…]}`. */
    preflightOutput: text(32 * 1024).optional(),
  }),
  versions: z.record(z.string(), text(128)).optional(),
});
type InstallerEvent = z.infer<typeof installerEventSchema>['event'];

/** POST /embedded_cluster_metrics/:path */
export async function receiveInstallerEvent(c: Context<AppEnv>) {
  const path = c.req.param('path') ?? '';
  if (!paths.has(path)) throw notFound(`The event path ${path}`);
  const { event } = await readJson(c, installerEventSchema);
  const type = eventTypeOf(path, event);
  const deps = c.get('deps');

  if (type === 'InstallationStarted') {
    // The only event that names the license; it joins the installer's cluster to an attempt.
    const identity = event.licenseID && (await authenticateLicense(deps.db, event.licenseID, deps.now()));
    if (!identity) throw new HttpError(401, 'unauthenticated', 'event.licenseID is not a license of this portal.');
    refuseExpiredLicense(identity.team, deps.now());
    const attempt = await attemptFor(deps, identity, { kind: 'installer', clusterId: event.clusterID });
    if (attempt) await recordProgress(deps, attempt.id);
    return c.json({});
  }

  // Later events carry only the cluster: they go to the attempt its installer joined, if any.
  // A failed host preflight ends the install with PreflightsFailed alone: the installer sends no
  // InstallationFailed after it (cmd/installer/cli/install.go @ 2d574e26 `runInstall` wraps the
  // preflight error, a metrics.ErrorNoFail, which pkg/metrics/reporter.go @ cc85f173 skips).
  const hostPreflightsFailed = type === 'PreflightsFailed' && event.entryCommand === 'install';
  const tracked =
    type === 'InstallationSucceeded' ||
    type === 'InstallationFailed' ||
    type === 'SignalAborted' ||
    hostPreflightsFailed;
  if (!tracked) return c.json({});
  const attempt = await claimedAttempt(deps, [clusterClaim(event.clusterID)]);
  if (!attempt) return c.json({});
  if (type === 'InstallationSucceeded') await recordCheckpoint(deps, attempt.id, 'installation_completed');
  else if (hostPreflightsFailed) await recordFailure(deps, attempt.id, preflightFailure(event.preflightOutput));
  else await recordFailure(deps, attempt.id, failureReason(type, event.reason));
  return c.json({});
}

/** The event's name: its path, or for a GenericEvent its eventType, which must be one we know. */
function eventTypeOf(path: string, event: InstallerEvent): string {
  if (path !== 'GenericEvent') {
    if (event.eventType && event.eventType !== path) {
      throw new HttpError(400, 'bad_request', `event.eventType ${event.eventType} does not match the path ${path}.`);
    }
    return path;
  }
  const type = genericTypes.find((name) => name === event.eventType);
  if (!type) {
    throw new HttpError(
      400,
      'bad_request',
      event.eventType ? `Unknown event type ${event.eventType}.` : 'event.eventType is required for a GenericEvent.',
    );
  }
  return type;
}

function failureReason(type: string, reason: string | undefined) {
  const given = reason?.trim();
  if (type === 'SignalAborted') return given ? `The installer was stopped: ${given}` : 'The installer was stopped.';
  return given || 'The installer reported a failure without a reason.';
}

const preflightOutputSchema = z.object({
  fail: z.array(z.object({ title: z.string().optional(), message: z.string().optional() })).nullish(),
});

/** The failed checks' messages (api/types/preflight.go `PreflightsOutput`), or a plain reason. */
function preflightFailure(output: string | undefined) {
  let parsed: unknown;
  try {
    parsed = output ? JSON.parse(output) : undefined;
  } catch {
    parsed = undefined;
  }
  const fails = preflightOutputSchema.safeParse(parsed).data?.fail ?? [];
  const messages = fails.map((check) => check.message?.trim() || check.title?.trim()).filter(Boolean);
  return messages.length ? `host preflight failed: ${messages.join('; ')}` : 'host preflight failed';
}
