import { DetailedError, Upload, defaultOptions, type PreviousUpload } from 'tus-js-client';
import { UPLOAD_EXPIRES_AFTER_MS } from '../../../../contract/support-bundles';

export const UPLOADS_ENDPOINT = '/api/support-bundles/uploads';

/**
 * 8 MiB a request: a dropped connection loses at most that much, and the progress bar moves
 * smoothly (the BFF keeps every byte that arrived, so tus resumes from the server's offset anyway).
 */
export const CHUNK_BYTES = 8 * 1024 * 1024;

/** Retries after a network failure or a 5xx, long enough to ride out a server restart (issue 9). */
export const RETRY_DELAYS_MS = [0, 1000, 2000, 3000, 5000, 5000, 10_000, 10_000, 20_000, 30_000];

export type UploadCallbacks = {
  onProgress: (sent: number, total: number) => void;
  /** A request failed in a way worth retrying (network, 5xx); tus-js-client tries again shortly. */
  onRetry?: () => void;
  onSuccess: () => void;
  onError: (error: UploadError) => void;
};

/** What went wrong, in the server's words when it gave some (its `{ error: { code, message } }`). */
export type UploadError = { status: number; code: string; message: string | null; limitBytes?: number };

/** A tus upload of one bundle to the BFF; resumable after a reload while its fingerprint is stored. */
export function createUpload(file: File, instanceId: string | null, callbacks: UploadCallbacks): Upload {
  const metadata: Record<string, string> = { filename: file.name };
  if (instanceId) metadata.instanceId = instanceId;
  return new Upload(file, {
    endpoint: UPLOADS_ENDPOINT,
    chunkSize: CHUNK_BYTES,
    retryDelays: RETRY_DELAYS_MS,
    metadata,
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    onProgress: callbacks.onProgress,
    onSuccess: () => callbacks.onSuccess(),
    onError: (error) => callbacks.onError(uploadErrorOf(error)),
    onShouldRetry: (error) => {
      const retry = shouldRetry(error.originalResponse?.getStatus() ?? 0);
      if (retry) callbacks.onRetry?.();
      return retry;
    },
  });
}

/** tus-js-client's own rule: not a refusal (4xx) unless a conflict or a lock, which a retry resolves. */
const shouldRetry = (status: number) => status < 400 || status >= 500 || status === 409 || status === 423;

export function uploadErrorOf(error: Error | DetailedError): UploadError {
  const response = error instanceof DetailedError ? error.originalResponse : null;
  if (!response) return { status: 0, code: 'network', message: null };
  try {
    const body = JSON.parse(response.getBody()) as {
      error?: { code?: string; message?: string; details?: { limitBytes?: number } };
    };
    return {
      status: response.getStatus(),
      code: body.error?.code ?? 'internal',
      message: body.error?.message ?? null,
      limitBytes: body.error?.details?.limitBytes,
    };
  } catch {
    return { status: response.getStatus(), code: 'internal', message: null };
  }
}

/**
 * Uploads this browser started and never finished, as tus-js-client remembers them; one the
 * server has already dropped (not completed within UPLOAD_EXPIRES_AFTER_MS) is not offered.
 */
export async function unfinishedUploads(): Promise<PreviousUpload[]> {
  const all = await defaultOptions.urlStorage.findAllUploads();
  const now = Date.now();
  return all.filter(
    (upload) =>
      upload.uploadUrl?.includes(UPLOADS_ENDPOINT) && now - Date.parse(upload.creationTime) < UPLOAD_EXPIRES_AFTER_MS,
  );
}

/** Forgets an unfinished upload and asks the server to drop its bytes (tus termination). */
export async function discardUpload(previous: PreviousUpload): Promise<void> {
  await defaultOptions.urlStorage.removeUpload(previous.urlStorageKey);
  if (previous.uploadUrl) await Upload.terminate(previous.uploadUrl, { retryDelays: null }).catch(() => undefined);
}
