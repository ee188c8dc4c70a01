import { and, eq } from 'drizzle-orm';
import { sdkBundleUploadedSchema } from '../../../contract/support-bundles';
import type { Context } from 'hono';
import { constantTimeEqual, hashToken, newToken } from '../../auth/tokens';
import { supportBundles } from '../../db/schema';
import { recordBundleUploaded } from '../../audit/bundles';
import type { AppEnv } from '../../http/env';
import { HttpError, notFound } from '../../http/errors';
import { readJson } from '../../http/validate';
import { inspectBundle } from '../../support-bundles/inspector';
import { receiveInto } from '../../support-bundles/receive';
import { createBundle, maxBundleBytes, tooLargeForPortal } from '../../support-bundles/store';
import { requireMachine } from '../../service-accounts/credentials';
import { bundleAnswer, declaredLengthOf, reportedInstanceId, uploaderOf } from '../support-bundle/common';

/**
 * The Replicated SDK's upload, in three steps (replicated-sdk pkg/upstream/supportbundle.go@3c9e6a53):
 * 1. `POST /v3/supportbundle/upload-url`, Basic `licenseID:licenseID`, the instance's headers and
 *    no body → `{"bundle_id","upload_url"}`;
 * 2. `PUT <upload_url>` with the bytes, a Content-Length and no credentials at all (it is meant for
 *    a presigned S3 URL), so the URL carries a secret of its own, kept only as a hash;
 * 3. `POST /v3/supportbundle/<bundle_id>/uploaded`, Basic again, `{"channel_id"}` → `{"slug"}`.
 * The bundle is listed once step 2 has completed it, as every other upload is.
 */

/** Step 1: a bundle is started and its upload URL handed out. */
export async function createUploadUrl(c: Context<AppEnv>) {
  const { identity } = await requireMachine(c, 'sdk');
  const deps = c.get('deps');
  const token = newToken();
  const bundle = await createBundle(deps, {
    teamId: identity.team.id,
    uploadedBy: uploaderOf(identity),
    source: 'sdk',
    filename: `supportbundle-${deps.now().toISOString().slice(0, 19).replace(/:/g, '_')}.tar.gz`,
    size: await maxBundleBytes(deps.db, identity.team.id),
    instanceId: await reportedInstanceId(c, identity.team.id),
  });
  await deps.db
    .update(supportBundles)
    .set({ uploadTokenHash: await hashToken(token) })
    .where(eq(supportBundles.id, bundle.id));
  const uploadUrl = new URL(`/v3/supportbundle/upload/${bundle.id}/${token}`, deps.publicUrl).toString();
  return c.json({ bundle_id: bundle.id, upload_url: uploadUrl });
}

/** Step 2: the bytes, to the URL of step 1; a wrong or spent URL is a 404, whatever it names. */
export async function receiveAtUploadUrl(c: Context<AppEnv, '/v3/supportbundle/upload/:id/:token'>) {
  const deps = c.get('deps');
  const id = c.req.param('id');
  const [bundle] = /^[0-9a-f-]{36}$/.test(id)
    ? await deps.db
        .select()
        .from(supportBundles)
        .where(and(eq(supportBundles.id, id), eq(supportBundles.status, 'uploading')))
    : [];
  const hash = await hashToken(c.req.param('token'));
  if (!bundle?.uploadTokenHash || !constantTimeEqual(hash, bundle.uploadTokenHash)) {
    throw notFound('That upload URL');
  }
  const limit = await maxBundleBytes(deps.db, bundle.teamId);
  const declared = declaredLengthOf(c);
  if (declared !== undefined && declared > limit) throw tooLargeForPortal(limit);
  const body = c.req.raw.body;
  if (!body) throw new HttpError(400, 'bad_request', 'The body is empty: send the support bundle.');
  // Spent at once, and by one request only: of two PUTs racing for the URL, the one whose update
  // finds the hash still there uploads; the other is a 404 and touches nothing.
  const [spent] = await deps.db
    .update(supportBundles)
    .set({ uploadTokenHash: null })
    .where(and(eq(supportBundles.id, bundle.id), eq(supportBundles.uploadTokenHash, bundle.uploadTokenHash)))
    .returning({ id: supportBundles.id });
  if (!spent) throw notFound('That upload URL');
  const stored = await receiveInto({ ...deps, inspectBundle }, bundle, body, declared, limit);
  await recordBundleUploaded(c, stored);
  return bundleAnswer(c, stored);
}

/** Step 3: the SDK says it is done; the answer names the bundle. */
export async function markUploaded(c: Context<AppEnv, '/v3/supportbundle/:id/uploaded'>) {
  const { identity } = await requireMachine(c, 'sdk');
  await readJson(c, sdkBundleUploadedSchema, { emptyBody: {} });
  const id = c.req.param('id');
  const [bundle] = /^[0-9a-f-]{36}$/.test(id)
    ? await c
        .get('deps')
        .db.select({ status: supportBundles.status })
        .from(supportBundles)
        .where(and(eq(supportBundles.id, id), eq(supportBundles.teamId, identity.team.id)))
    : [];
  if (!bundle) throw notFound('That support bundle');
  if (bundle.status === 'uploading') {
    throw new HttpError(409, 'conflict', 'The bundle has not been uploaded yet: PUT it to its upload URL first.');
  }
  return c.json({ slug: id });
}
