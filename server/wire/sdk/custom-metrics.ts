import { sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { z } from 'zod';
import type { CustomMetrics } from '../../../contract/installs';
import type { AppEnv } from '../../http/env';
import { HttpError } from '../../http/errors';
import { readJson } from '../../http/validate';
import { recordMetricSamples } from '../../instances/history';
import { requireMachine } from '../../service-accounts/credentials';
import { parseCheckInHeaders } from './report';

/** Bounds on what an instance may keep: SDK data is untrusted (reference B6). */
export const CUSTOM_METRICS_BODY_LIMIT = 64 * 1024;
const MAX_METRICS = 100;
const MAX_NAME_LENGTH = 128;
const MAX_TEXT_LENGTH = 1024;

const NO_DATA = 'no data provided';
// The SDK's own words for what it refuses (replicated-sdk pkg/handlers/app.go, validateCustomAppMetricsData).
const notScalar = (name: string, what: string) => `${name} value is ${what}, only scalar values are allowed`;

/**
 * `{"data": {name: scalar}}`: strings, numbers and booleans only. null is refused as the SDK
 * refuses it (its docs list it as a value; a key is removed only through the SDK's DELETE, which
 * then posts the whole set without it).
 */
const customMetricsBody = z.object({ data: z.unknown().optional() }, { error: NO_DATA }).transform((body, ctx) => {
  const refuse = (message: string, path: string[] = ['data']) => {
    ctx.addIssue({ code: 'custom', message, path });
    return z.NEVER;
  };
  const { data } = body;
  if (data === undefined || data === null) return refuse(NO_DATA);
  if (typeof data !== 'object' || Array.isArray(data)) return refuse('data must be an object of {name: value}.');
  const entries = Object.entries(data);
  if (entries.length === 0) return refuse(NO_DATA);
  if (entries.length > MAX_METRICS) return refuse(`data holds at most ${MAX_METRICS} metrics.`);
  for (const [name, value] of entries) {
    const at = ['data', name];
    if (name === '' || name.length > MAX_NAME_LENGTH) {
      refuse(`Metric names are 1 to ${MAX_NAME_LENGTH} characters long.`, at);
    } else if (value === null) refuse(notScalar(name, 'nil'), at);
    else if (Array.isArray(value)) refuse(notScalar(name, 'an array'), at);
    else if (typeof value === 'object') refuse(notScalar(name, 'a map'), at);
    else if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH) {
      refuse(`${name} value is longer than ${MAX_TEXT_LENGTH} characters.`, at);
    } else if (typeof value === 'number' && !Number.isFinite(value)) {
      // JSON.parse reads 1e400 as Infinity, which JSON cannot carry back out.
      refuse(`${name} value is too large a number.`, at);
    }
  }
  return data as CustomMetrics;
});

/**
 * `POST` (replace) and `PATCH` (merge) `/application/custom-metrics`: an instance's custom metrics
 * (reference B3). The SDK merges in the cluster and posts the whole set (replicated-sdk
 * pkg/report/custom_app_metrics.go); PATCH is the same merge done here. The instance is the one
 * X-Replicated-InstanceID names, among the license's team's own instances only.
 *
 * An instance that never checked in is refused (404), not created: the reference does not say
 * that replicated.app creates instances from metrics, and the real SDK cannot send metrics before
 * its start-up update check, which records the instance, has succeeded (its API serves nothing
 * before, pkg/apiserver/server.go). Anything else in the cluster could otherwise mint instances
 * through the SDK's unauthenticated API (reference B6).
 */
export async function receiveCustomMetrics(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const { identity } = await requireMachine(c, 'sdk');
  const instanceId = parseCheckInHeaders((name) => c.req.header(name))['X-Replicated-InstanceID'];
  const posted = await readJson(c, customMetricsBody);
  const metrics = JSON.stringify(posted);
  const now = deps.now();
  const at = now.toISOString();
  const merged =
    c.req.method === 'PATCH'
      ? sql`COALESCE(instances.custom_metrics, '{}'::jsonb) || ${metrics}::jsonb`
      : sql`${metrics}::jsonb`;
  const result = await deps.db.execute(sql`
    UPDATE instances SET custom_metrics = ${merged}, custom_metrics_received_at = ${at}::timestamptz
    WHERE team_id = ${identity.team.id} AND external_id = ${instanceId}
      AND (SELECT count(*) FROM jsonb_object_keys(${merged})) <= ${MAX_METRICS}
    RETURNING id`);
  const [stored] = (result as unknown as { rows: { id: string }[] }).rows;
  if (!stored) return refuseUnstored(c, identity.team.id, instanceId);
  await recordMetricSamples(deps.db, { instanceId: stored.id, teamId: identity.team.id, at: now, metrics: posted });
  return c.json({});
}

/** Why nothing was stored: no such instance of this team, or a merge past the bound. */
async function refuseUnstored(c: Context<AppEnv>, teamId: string, instanceId: string): Promise<never> {
  const found = await c.get('deps').db.execute(sql`
    SELECT 1 FROM instances WHERE team_id = ${teamId} AND external_id = ${instanceId}`);
  if ((found as unknown as { rows: unknown[] }).rows.length === 0) {
    throw new HttpError(
      404,
      'not_found',
      `No instance ${instanceId} has checked in with this license. Custom metrics are kept for instances that have.`,
    );
  }
  const message = `The instance would hold more than ${MAX_METRICS} metrics.`;
  throw new HttpError(400, 'validation_failed', message, { fields: { data: message } });
}
