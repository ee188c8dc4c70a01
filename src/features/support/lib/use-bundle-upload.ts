import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { PreviousUpload, Upload } from 'tus-js-client';
import { RateMeter } from './rate';
import { createUpload, discardUpload, unfinishedUploads, type UploadError } from './upload';

export type UploadPhase = 'idle' | 'picked' | 'uploading' | 'stopped' | 'done';

export type UploadProgress = { sent: number; total: number; speed: number | null; secondsLeft: number | null };

export type UploadState = {
  phase: UploadPhase;
  file: File | null;
  /** An unfinished upload of the picked file that this browser remembers (a reload, a crash). */
  previous: PreviousUpload | null;
  progress: UploadProgress | null;
  error: UploadError | null;
  /** The connection failed and the upload is retrying on its own (a server restart, a dropped link). */
  reconnecting: boolean;
};

const initial: UploadState = {
  phase: 'idle',
  file: null,
  previous: null,
  progress: null,
  error: null,
  reconnecting: false,
};

/** What this browser remembers (localStorage), not the team's data: the key is not under the team. */
const unfinishedKey = ['support-bundle-uploads', 'unfinished'] as const;

const noCallbacks = { onProgress: () => {}, onSuccess: () => {}, onError: () => {} };

/**
 * One bundle's upload over tus (lib/upload.ts): pick, start or resume, progress with speed and
 * time left, cancel (which deletes what reached the server), and a retry after the automatic
 * retries gave up. `onUploaded` runs once the last byte is accepted.
 */
export function useBundleUpload(onUploaded: (file: File) => unknown) {
  const queryClient = useQueryClient();
  const unfinished = useQuery({ queryKey: unfinishedKey, queryFn: unfinishedUploads, staleTime: 0 });
  const [state, setState] = useState<UploadState>(initial);
  const upload = useRef<Upload | null>(null);
  const meter = useRef(new RateMeter());
  const refreshUnfinished = () => queryClient.invalidateQueries({ queryKey: unfinishedKey });

  // Leaving the page stops sending; the upload stays resumable from this browser.
  useEffect(() => () => void upload.current?.abort(false), []);

  async function pick(file: File) {
    // Only an upload that was refused is left here (the picker is hidden while one runs): drop it.
    void upload.current?.abort(true).catch(() => undefined);
    upload.current = null;
    // The fingerprint (name, type, size, modification time) finds this file's earlier upload.
    const [previous = null] = await createUpload(file, null, noCallbacks).findPreviousUploads();
    setState({ ...initial, phase: 'picked', file, previous });
  }

  function makeUpload(file: File, instanceId: string | null) {
    meter.current.reset();
    const created = createUpload(file, instanceId, {
      onProgress: (sent, total) => {
        meter.current.add(sent);
        const progress = {
          sent,
          total,
          speed: meter.current.speed(),
          secondsLeft: meter.current.secondsLeft(total - sent),
        };
        setState((s) => (s.phase === 'uploading' ? { ...s, progress, reconnecting: false } : s));
      },
      onRetry: () => setState((s) => (s.phase === 'uploading' ? { ...s, reconnecting: true } : s)),
      onSuccess: () => {
        upload.current = null;
        setState((s) => ({ ...s, phase: 'done', previous: null, error: null, reconnecting: false }));
        void onUploaded(file);
        void refreshUnfinished();
      },
      onError: (error) => setState((s) => ({ ...s, phase: 'stopped', error, reconnecting: false })),
    });
    upload.current = created;
    return created;
  }

  function start(instanceId: string | null, resume: boolean) {
    const { file, previous } = state;
    if (!file) return;
    void upload.current?.abort(false);
    const current = makeUpload(file, instanceId);
    if (resume && previous) current.resumeFromPreviousUpload(previous);
    else if (previous) void discardUpload(previous);
    setState((s) => ({
      ...s,
      phase: 'uploading',
      previous: null,
      error: null,
      progress: { sent: 0, total: file.size, speed: null, secondsLeft: null },
    }));
    current.start();
  }

  /** After the automatic retries gave up: carry on from the server's offset. */
  function retry() {
    setState((s) => ({ ...s, phase: 'uploading', error: null }));
    upload.current?.start();
  }

  async function cancel() {
    const current = upload.current;
    upload.current = null;
    setState(initial);
    // Terminates the upload on the server (tus DELETE) and forgets its fingerprint.
    if (current) await current.abort(true).catch(() => undefined);
    await refreshUnfinished();
  }

  const reset = () => setState(initial);

  async function discard(previous: PreviousUpload) {
    await discardUpload(previous);
    await refreshUnfinished();
  }

  return { state, unfinished: unfinished.data ?? [], pick, start, retry, cancel, reset, discard };
}
