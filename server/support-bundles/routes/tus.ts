import { Hono, type Context } from 'hono';
import {
  TUS_EXTENSIONS,
  TUS_VERSION,
  uploadLengthSchema,
  uploadOffsetSchema,
  type UploadProgress,
} from '../../../contract/support-bundles';
import { BlobOffsetConflict, BlobTooLarge, BodyInterrupted } from '../../deps';
import { recordBundleUploaded } from '../../audit/bundles';
import type { AppEnv } from '../../http/env';
import { HttpError, notFound } from '../../http/errors';
import { requirePermission } from '../../http/permissions';
import type { BundleReader } from '../inspection';
import { uploadedBySession, sessionUploader } from '../present';
import {
  createBundle,
  deleteBundle,
  finishUpload,
  findBundle,
  inspectStoredBundle,
  maxBundleBytes,
  recordReceived,
  uploadExpiresAt,
  type BundleDeps,
  type SupportBundle,
} from '../store';
import { headerError, readHeader, readUploadMetadata, requireTusVersion } from '../tus-headers';

export const UPLOADS_PATH = '/api/support-bundles/uploads';

/**
 * Uploads over tus 1.0.0 (the browser's, or automation's with a service account's Bearer token),
 * with the creation, termination and expiration extensions
 * (https://tus.io/protocols/resumable-upload, docs/decisions/010-resumable-bundle-uploads.md).
 * An upload is its uploader's own: anyone else's id, on any team, is a 404. Its bytes stream to
 * the blob store as they arrive; the last one completes it and queues its inspection.
 */
export function tusRoutes(reader: BundleReader) {
  const canUpload = requirePermission('bundles.upload');
  return (
    new Hono<AppEnv>()
      .options('/', async (c) => {
        c.header('Tus-Version', TUS_VERSION);
        c.header('Tus-Extension', TUS_EXTENSIONS.join(','));
        c.header('Tus-Max-Size', String(await maxBundleBytes(c.get('deps').db, c.get('session').teamId)));
        return c.body(null, 204);
      })
      .post('/', canUpload, async (c) => {
        requireTusVersion(c);
        if (c.req.header('upload-defer-length') !== undefined) {
          throw headerError('Upload-Defer-Length', 'Upload-Defer-Length is not supported: send Upload-Length.');
        }
        const length = readHeader(c, 'Upload-Length', uploadLengthSchema);
        const metadata = readUploadMetadata(c);
        const bundle = await createBundle(c.get('deps'), {
          teamId: c.get('session').teamId,
          // A person in the browser, or automation with a service account's token (issue 10).
          uploadedBy: sessionUploader(c.get('session')),
          source: 'browser',
          filename: metadata.filename,
          instanceId: metadata.instanceId,
          size: length,
        });
        c.header('Location', `${UPLOADS_PATH}/${bundle.id}`);
        c.header('Upload-Offset', '0');
        c.header('Upload-Expires', uploadExpiresAt(bundle.createdAt).toUTCString());
        return c.body(null, 201);
      })
      // HEAD is answered by GET's handler (Hono), without the body.
      .get('/:id', canUpload, async (c) => {
        const bundle = await findUpload(c);
        const offset =
          bundle.status === 'uploading' ? ((await c.get('deps').blobs.size(bundle.id)) ?? 0) : bundle.receivedBytes;
        c.header('Upload-Offset', String(offset));
        c.header('Upload-Length', String(bundle.size));
        c.header('Cache-Control', 'no-store');
        if (bundle.status === 'uploading') c.header('Upload-Expires', uploadExpiresAt(bundle.createdAt).toUTCString());
        const body: UploadProgress = { id: bundle.id, offset, length: bundle.size, status: bundle.status };
        return c.json(body);
      })
      .patch('/:id', canUpload, async (c) => {
        requireTusVersion(c);
        if (c.req.header('content-type') !== 'application/offset+octet-stream') {
          throw headerError('Content-Type', 'Content-Type must be application/offset+octet-stream.', 415);
        }
        const offset = readHeader(c, 'Upload-Offset', uploadOffsetSchema);
        const bundle = await findUpload(c);
        if (bundle.status !== 'uploading') {
          throw new HttpError(409, 'conflict', 'This upload is already complete.', { offset: bundle.size });
        }
        const deps = { ...c.get('deps'), inspectBundle: reader.inspectBundle };
        const remaining = Math.max(0, bundle.size - offset);
        if (Number(c.req.header('content-length') ?? 0) > remaining) throw pastLength(bundle);
        const size = await appendBody(c, deps, bundle, offset, remaining);
        c.header('Upload-Offset', String(size));
        if (size < bundle.size) {
          c.header('Upload-Expires', uploadExpiresAt(bundle.createdAt).toUTCString());
        } else if (await finishUpload(deps, bundle)) {
          await recordBundleUploaded(c, bundle);
          deps.defer(() => inspectStoredBundle(deps, bundle.id));
        }
        return c.body(null, 204);
      })
      .delete('/:id', canUpload, async (c) => {
        requireTusVersion(c);
        const bundle = await findUpload(c);
        await deleteBundle(c.get('deps'), bundle.id);
        return c.body(null, 204);
      })
  );
}

/** Streams the request's body onto the upload; what arrived is kept whatever happens. */
async function appendBody(
  c: Context<AppEnv>,
  deps: BundleDeps,
  bundle: SupportBundle,
  offset: number,
  remaining: number,
): Promise<number> {
  const body = c.req.raw.body ?? new Blob([]).stream();
  try {
    const size = await deps.blobs.append(bundle.id, offset, body, remaining);
    await recordReceived(deps, bundle.id, size);
    return size;
  } catch (error) {
    if (error instanceof BlobOffsetConflict) {
      const message = `Upload-Offset is ${offset}, but the upload holds ${error.size} bytes: resume from there.`;
      throw new HttpError(409, 'conflict', message, { offset: error.size });
    }
    if (!(error instanceof BlobTooLarge || error instanceof BodyInterrupted)) throw error;
    await recordReceived(deps, bundle.id, error.size);
    c.header('Upload-Offset', String(error.size));
    if (error instanceof BlobTooLarge) throw pastLength(bundle);
    throw new HttpError(
      400,
      'bad_request',
      `The upload was interrupted after ${error.size} bytes: resume from there.`,
      {
        offset: error.size,
      },
    );
  }
}

const pastLength = (bundle: SupportBundle) =>
  new HttpError(
    413,
    'payload_too_large',
    `This request carries more bytes than the upload's Upload-Length (${bundle.size}); nothing past it is kept.`,
    { limitBytes: bundle.size },
  );

/** The signed-in uploader's own upload, unless it has expired (tus expiration: 410). */
async function findUpload(c: Context<AppEnv>): Promise<SupportBundle> {
  const { db, now } = c.get('deps');
  const session = c.get('session');
  const bundle = await findBundle(db, session.teamId, c.req.param('id')!);
  if (!uploadedBySession(session, bundle)) throw notFound('That upload');
  if (bundle.status === 'uploading' && uploadExpiresAt(bundle.createdAt) <= now()) {
    throw new HttpError(410, 'not_found', 'This upload expired: it was not completed within a day. Start again.');
  }
  return bundle;
}
