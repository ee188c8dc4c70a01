import { BlobTooLarge, BodyInterrupted } from '../deps';

/**
 * The loop both blob stores append with: one chunk read, then written, then the next read, so a
 * fast client waits on the disk (backpressure) and memory holds one chunk whatever the size.
 * A chunk that would pass `maxBytes` is not written (BlobTooLarge); a body that fails midway
 * keeps what was written before (BodyInterrupted). Resolves with the size reached.
 */
export async function appendChunks(
  body: ReadableStream<Uint8Array>,
  startSize: number,
  maxBytes: number,
  sink: BlobSink,
): Promise<number> {
  const reader = body.getReader();
  let size = startSize;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        throw new BodyInterrupted(size, error);
      }
      if (next.done) return size;
      // Not cancelled: the Node host drains what is left after the answer (see http/body-limit.ts).
      if (size - startSize + next.value.byteLength > maxBytes) throw new BlobTooLarge(size);
      await sink.write(next.value);
      size += next.value.byteLength;
    }
  } finally {
    reader.releaseLock();
    // What was taken is kept, whichever way the body ended.
    await sink.flush?.();
  }
}

/** Where appendChunks puts the bytes; a sink that batches writes stores the rest on flush. */
export type BlobSink = { write(chunk: Uint8Array): Promise<void>; flush?(): Promise<void> };
