import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/env';
import { notFound } from '../../http/errors';
import { readJson } from '../../http/validate';
import { recordCheckpoint, recordFailure, recordProgress } from '../../installs/checkpoints';
import { requireMachine } from '../../service-accounts/credentials';

/** Events the Embedded Cluster installer sends (reference B3); only the install ones are tracked. */
const trackedEvents = ['InstallationStarted', 'InstallationSucceeded', 'InstallationFailed'] as const;
const otherEvents = new Set([
  'UpgradeStarted',
  'UpgradeSucceeded',
  'UpgradeFailed',
  'JoinStarted',
  'JoinSucceeded',
  'JoinFailed',
  'PreflightsFailed',
  'PreflightsBypassed',
  'HostPreflightsFailed',
  'HostPreflightsBypassed',
  'HostPreflightsSucceeded',
  'AppPreflightsFailed',
  'AppPreflightsBypassed',
  'AppPreflightsSucceeded',
  'SignalAborted',
]);

const text = (max: number) => z.string().max(max, `Use at most ${max} characters.`);

/** The generic event body of Embedded Cluster v2 (`pkg/metrics/types`). */
export const installEventSchema = z.object({
  executionID: text(128).min(1, 'executionID is required.'),
  clusterID: text(128).min(1, 'clusterID is required.'),
  version: text(128).min(1, 'version is required.'),
  hostname: text(253).optional(),
  entryCommand: text(256).optional(),
  flags: text(4096).optional(),
  eventType: text(128).optional(),
  isExitEvent: z.boolean().optional(),
  reason: text(4096).optional(),
});

/** POST /embedded_cluster_metrics/:event */
export async function receiveInstallerEvent(c: Context<AppEnv>) {
  const event = c.req.param('event') ?? '';
  const tracked = trackedEvents.find((name) => name === event);
  if (!tracked && !otherEvents.has(event)) throw notFound(`The event ${event}`);
  const { identity } = await requireMachine(c, 'any');
  // Other events have bodies of their own shapes, and nothing here reads them.
  if (!tracked) return c.json({});

  const body = await readJson(c, installEventSchema);
  const deps = c.get('deps');
  const attemptId = identity.attempt?.id;
  if (!attemptId) return c.json({});
  if (tracked === 'InstallationStarted') await recordProgress(deps, attemptId);
  if (tracked === 'InstallationSucceeded') await recordCheckpoint(deps, attemptId, 'installation_completed');
  if (tracked === 'InstallationFailed') {
    await recordFailure(deps, attemptId, body.reason?.trim() || 'The installer reported a failure without a reason.');
  }
  return c.json({});
}
