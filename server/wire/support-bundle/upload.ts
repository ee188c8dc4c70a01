import type { Context } from 'hono';
import { recordBundleUploaded } from '../../audit/bundles';
import type { AppEnv } from '../../http/env';
import { HttpError } from '../../http/errors';
import { receiveBundle } from '../../support-bundles/receive';
import { inspectBundle } from '../../support-bundles/inspector';
import { requireMachine } from '../../service-accounts/credentials';
import { bundleAnswer, declaredLengthOf, reportedInstanceId, requireTeamApp, uploaderOf } from './common';

/** What troubleshoot and KOTS send a bundle as; both are a gzip'd tar. */
const GZIP_TYPES = new Set(['application/gzip', 'application/tar+gzip', 'application/x-gzip']);
const COLLECTED_AT = 'X-Replicated-SupportBundle-CollectedAt';

/**
 * `POST /supportbundle/upload/:appSlug`, as the real clients send it (reference §5):
 * - troubleshoot (`kubectl support-bundle … --upload`, troubleshoot pkg/supportbundle/upload.go@bad59380,
 *   UploadToReplicatedApp): the license ID as the raw `Authorization`, `Content-Type: application/gzip`,
 *   a Content-Length, and success on any status below 300;
 * - KOTS's "share with vendor" (kots pkg/handlers/troubleshoot.go@e1053616, ShareSupportBundle):
 *   Basic `licenseID:licenseID`, `application/tar+gzip`, `X-Replicated-SupportBundle-CollectedAt`
 *   in RFC 3339, its reporting headers (the instance), and success below 400.
 * A service-account token of the team works in either place. The body streams to the bundle
 * store under the portal's size limit and lands in the same history as a browser upload.
 */
export async function uploadSupportBundle(c: Context<AppEnv, '/supportbundle/upload/:appSlug'>) {
  const { identity } = await requireMachine(c, 'any');
  await requireTeamApp(c, identity, c.req.param('appSlug'));
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!GZIP_TYPES.has(type)) {
    throw new HttpError(400, 'bad_request', 'Send the support bundle as Content-Type: application/gzip.', {
      headers: { 'Content-Type': 'Use application/gzip or application/tar+gzip.' },
    });
  }
  const collectedAt = collectedAtOf(c.req.header(COLLECTED_AT));
  const body = c.req.raw.body;
  if (!body) throw new HttpError(400, 'bad_request', 'The body is empty: send the support bundle.');
  const kots = type === 'application/tar+gzip' || collectedAt !== undefined;
  const bundle = await receiveBundle(
    { ...c.get('deps'), inspectBundle },
    {
      teamId: identity.team.id,
      uploadedBy: uploaderOf(identity),
      source: kots ? 'kots' : 'troubleshoot',
      filename: `supportbundle-${(collectedAt ?? c.get('deps').now()).toISOString().slice(0, 19).replace(/:/g, '_')}.tar.gz`,
      instanceId: await reportedInstanceId(c, identity.team.id),
      collectedAt: collectedAt ?? null,
      body,
      declaredLength: declaredLengthOf(c),
    },
  );
  await recordBundleUploaded(c, bundle);
  return bundleAnswer(c, bundle);
}

/** KOTS's collection time (Go's time.RFC3339); anything else is refused, naming the header. */
function collectedAtOf(header: string | undefined): Date | undefined {
  if (header === undefined || header === '') return undefined;
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(header) ? new Date(header) : null;
  if (!at || Number.isNaN(at.getTime())) {
    throw new HttpError(400, 'bad_request', `${COLLECTED_AT} must be a time like 2026-11-20T10:15:00Z.`, {
      headers: { [COLLECTED_AT]: 'Use RFC 3339.' },
    });
  }
  return at;
}
