import { z } from 'zod';
import { instanceStatuses, type ResourceState } from '../../../contract/installs';
import { HttpError } from '../../http/errors';
import { holdsUnsafeText } from '../../http/validate';

/**
 * What a Replicated SDK (or KOTS) check-in carries, validated before anything is recorded
 * (reference B3). SDK data is untrusted (reference B6): every field has a shape and a bound.
 */

const SANE_ID = /^[A-Za-z0-9._-]+$/;
const saneId = (header: string) =>
  z
    .string()
    .max(64, `${header} must be at most 64 characters.`)
    .regex(SANE_ID, `${header} may only contain letters, digits, dots, dashes and underscores.`);

const TAG_DATA_MESSAGE = 'X-Replicated-InstanceTagData must be base64 of {"force": bool, "tags": {name: value}}.';

/**
 * The instance's tags (the SDK's `POST /app/instance-tags`): base64 of JSON
 * `{"force":bool,"tags":{…}}` (replicated-sdk pkg/meta/types/types.go). The `name` tag is the
 * name the customer gave the instance.
 */
const instanceTagData = z
  .string()
  .max(16 * 1024, 'X-Replicated-InstanceTagData must be at most 16 KiB.')
  .transform((value, ctx): unknown => {
    try {
      const bytes = Uint8Array.from(atob(value), (ch) => ch.charCodeAt(0));
      const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      if (!holdsUnsafeText(parsed)) return parsed;
    } catch {
      // Falls through to the one message below.
    }
    ctx.addIssue({ code: 'custom', message: TAG_DATA_MESSAGE });
    return z.NEVER;
  })
  .pipe(
    z.object(
      {
        force: z.boolean().optional(),
        tags: z
          .record(
            z.string().min(1, 'Tag names may not be empty.').max(64, 'Tag names are at most 64 characters.'),
            z.string({ error: TAG_DATA_MESSAGE }).max(255, 'Tag values are at most 255 characters.'),
            { error: TAG_DATA_MESSAGE },
          )
          .refine((tags) => Object.keys(tags).length <= 50, 'X-Replicated-InstanceTagData holds too many tags.'),
      },
      { error: TAG_DATA_MESSAGE },
    ),
  )
  .transform((data) => data.tags);

const nodeCount = (header: string) =>
  z
    .string()
    .regex(/^\d{1,5}$/, `${header} must be a whole number.`)
    .transform(Number);

export const checkInHeadersSchema = z.object({
  'X-Replicated-InstanceID': z
    .string({ error: 'The X-Replicated-InstanceID header is required.' })
    .pipe(saneId('X-Replicated-InstanceID')),
  'X-Replicated-ClusterID': saneId('X-Replicated-ClusterID').optional(),
  'X-Replicated-EmbeddedClusterID': saneId('X-Replicated-EmbeddedClusterID').optional(),
  'X-Replicated-AppStatus': z
    .enum(instanceStatuses, { error: `X-Replicated-AppStatus must be one of ${instanceStatuses.join(', ')}.` })
    .optional(),
  'X-Replicated-K8sVersion': z
    .string()
    .max(64, 'X-Replicated-K8sVersion must be at most 64 characters.')
    .regex(/^[A-Za-z0-9.+_-]+$/, 'X-Replicated-K8sVersion must be a version like v1.31.4+k0s.')
    .optional(),
  'X-Replicated-K8sDistribution': saneId('X-Replicated-K8sDistribution').optional(),
  'X-Replicated-DownstreamChannelID': saneId('X-Replicated-DownstreamChannelID').optional(),
  'X-Replicated-DownstreamChannelName': z
    .string()
    .max(128, 'X-Replicated-DownstreamChannelName must be at most 128 characters.')
    // eslint-disable-next-line no-control-regex -- control characters are what this refuses
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'X-Replicated-DownstreamChannelName may not hold control characters.')
    .optional(),
  'X-Replicated-DownstreamChannelSequence': z
    .string()
    .regex(/^\d{1,9}$/, 'X-Replicated-DownstreamChannelSequence must be a whole number.')
    .transform(Number)
    .optional(),
  'X-Replicated-EmbeddedClusterVersion': z
    .string()
    .max(64, 'X-Replicated-EmbeddedClusterVersion must be at most 64 characters.')
    .regex(/^[A-Za-z0-9.+_-]+$/, 'X-Replicated-EmbeddedClusterVersion must be a version like 2.4.0+k8s-1.31.')
    .optional(),
  'X-Replicated-InstanceTagData': instanceTagData.optional(),
  // KOTS counts a kURL cluster's nodes, and sends 0 for any other cluster (kots pkg/reporting/util.go).
  'X-Replicated-KurlNodeCountTotal': nodeCount('X-Replicated-KurlNodeCountTotal').optional(),
  'X-Replicated-KurlNodeCountReady': nodeCount('X-Replicated-KurlNodeCountReady').optional(),
});
export type CheckInHeaders = z.output<typeof checkInHeadersSchema>;

const resourceStateSchema = z.object({
  kind: z.string().min(1).max(128),
  name: z.string().min(1).max(253),
  namespace: z.string().max(253),
  state: z.enum(instanceStatuses),
});

/** A JSON string holding the array; Go marshals "no informers" as the string "null". */
const resourceStatesString = z
  .string()
  .max(512 * 1024)
  .transform((value, ctx): unknown => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'resource_states must be a JSON string of an array.' });
      return z.NEVER;
    }
    // The outer body was checked as JSON text; what this inner JSON decodes to is checked here.
    if (holdsUnsafeText(parsed)) {
      ctx.addIssue({
        code: 'custom',
        message: 'resource_states may not contain NUL characters or unpaired surrogates.',
      });
      return z.NEVER;
    }
    return parsed;
  })
  .pipe(
    z
      .array(resourceStateSchema, { error: 'resource_states must be a JSON array of {kind, name, namespace, state}.' })
      .max(1000)
      .nullable(),
  )
  .transform((states): ResourceState[] => states ?? []);

export const checkInBodySchema = z.object({
  resource_states: resourceStatesString.optional(),
  running_images: z
    .record(z.string().min(1).max(512), z.array(z.string().max(256)).max(100))
    .refine((images) => Object.keys(images).length <= 500, 'running_images lists too many images.')
    .optional(),
});

/** The request's headers by name; an empty header counts as absent. */
export function parseCheckInHeaders(header: (name: string) => string | undefined): CheckInHeaders {
  const raw = Object.fromEntries(
    Object.keys(checkInHeadersSchema.shape).map((name) => [name, header(name) || undefined]),
  );
  const result = checkInHeadersSchema.safeParse(raw);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[String(issue.path[0])] ??= issue.message;
  throw new HttpError(400, 'validation_failed', result.error.issues[0]!.message, { fields });
}

/** `Replicated-SDK/1.0.0` → `1.0.0`; KOTS and others have no SDK version. */
export function sdkVersionOf(userAgent: string | undefined): string | undefined {
  return userAgent?.match(/^Replicated-SDK\/([A-Za-z0-9.+_-]{1,32})$/)?.[1];
}

/** The node counts KOTS sends, when it counted any: 0 of 0 means it did not (not a kURL cluster). */
export function nodesOf(headers: CheckInHeaders): { total: number; ready: number } | undefined {
  const total = headers['X-Replicated-KurlNodeCountTotal'];
  if (!total) return undefined;
  return { total, ready: Math.min(headers['X-Replicated-KurlNodeCountReady'] ?? 0, total) };
}
