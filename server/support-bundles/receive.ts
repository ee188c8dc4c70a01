import { BlobTooLarge, BodyInterrupted } from '../deps';
import { HttpError } from '../http/errors';
import {
  createBundle,
  deleteBundle,
  finishUpload,
  inspectStoredBundle,
  maxBundleBytes,
  tooLargeForPortal,
  type BundleDeps,
  type SupportBundle,
  type Uploader,
} from './store';
import type { BundleSource } from '../../contract/support-bundles';

export type ReceivedBundle = {
  teamId: string;
  uploadedBy: Uploader;
  source: BundleSource;
  filename: string;
  instanceId?: string | null;
  collectedAt?: Date | null;
  body: ReadableStream<Uint8Array>;
  /** The Content-Length the client sent, when it sent one; the body must be exactly that long. */
  declaredLength?: number;
};

/**
 * A whole bundle in one request, for the real clients' adapters (troubleshoot, KOTS, the SDK):
 * streamed to the blob store under the portal's size limit, then completed and inspected as a
 * browser upload is, before it answers. Nothing is kept of a body that fails or is too large.
 * Resolves with the bundle as stored: 'ready' or 'rejected'.
 */
export async function receiveBundle(deps: BundleDeps, input: ReceivedBundle): Promise<SupportBundle> {
  const limit = await maxBundleBytes(deps.db, input.teamId);
  if (input.declaredLength !== undefined && input.declaredLength > limit) throw tooLargeForPortal(limit);
  const bundle = await createBundle(deps, { ...input, size: input.declaredLength ?? limit });
  return receiveInto(deps, bundle, input.body, input.declaredLength, limit);
}

/**
 * The whole body of a bundle already started (receiveBundle's, or the SDK's upload URL's): streamed
 * in under `limit`, completed and inspected. A body that fails removes the bundle, row and bytes.
 */
export async function receiveInto(
  deps: BundleDeps,
  bundle: SupportBundle,
  body: ReadableStream<Uint8Array>,
  declaredLength: number | undefined,
  limit: number,
): Promise<SupportBundle> {
  try {
    const size = await deps.blobs.append(bundle.id, 0, body, declaredLength ?? limit);
    if (declaredLength !== undefined && size !== declaredLength) {
      throw new HttpError(400, 'bad_request', `The body ended after ${size} of ${declaredLength} bytes.`);
    }
    if (size === 0) throw new HttpError(400, 'bad_request', 'The body is empty: send the support bundle.');
    const finished = await finishUpload(deps, bundle);
    if (!finished) throw new Error(`bundle ${bundle.id} was finished twice`);
    return (await inspectStoredBundle(deps, bundle.id)) ?? finished;
  } catch (error) {
    await deleteBundle(deps, bundle.id);
    if (error instanceof BlobTooLarge) {
      if (declaredLength === undefined) throw tooLargeForPortal(limit);
      throw new HttpError(400, 'bad_request', `The body is longer than its Content-Length (${declaredLength}).`);
    }
    if (error instanceof BodyInterrupted) {
      throw new HttpError(400, 'bad_request', 'The upload was interrupted before the end of the bundle.');
    }
    throw error;
  }
}
