import type { InspectLimits } from './limits';
import { BundleRefusalError, describeContainer, refuse } from './refusals';
import { concatBytes } from '../../http/bytes';

const MiB = 2 ** 20;

/**
 * The upload gunzipped as a pull reader of exact byte counts, counting both sides so a
 * decompression bomb is refused while it streams (A7 §8), never after.
 */
export class GunzipReader {
  private chunk: Uint8Array = new Uint8Array(0);
  private offset = 0;
  /** Bytes handed out so far, i.e. the position in the tar. */
  uncompressed = 0;

  private constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly source: ReadableStreamDefaultReader<Uint8Array>,
    private readonly compressedBytes: () => number,
    private readonly limits: InspectLimits,
  ) {}

  /** Checks the gzip magic (A7 §11) before any inflating, so a zip or an HTML page says what it is. */
  static async open(body: ReadableStream<Uint8Array>, limits: InspectLimits): Promise<GunzipReader> {
    const source = body.getReader();
    const head: Uint8Array[] = [];
    let headLength = 0;
    while (headLength < 512) {
      const read = await source.read();
      if (read.done) break;
      head.push(read.value);
      headLength += read.value.length;
    }
    const first = concatBytes(head, headLength);
    if (first[0] !== 0x1f || first[1] !== 0x8b || first[2] !== 0x08) {
      await source.cancel().catch(() => {});
      refuse('not_a_bundle', describeContainer(first));
    }
    let counted = 0;
    const counting = new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        controller.enqueue(first as Uint8Array<ArrayBuffer>);
        counted = first.length;
      },
      async pull(controller) {
        const read = await source.read();
        if (read.done) return controller.close();
        counted += read.value.length;
        controller.enqueue(read.value as Uint8Array<ArrayBuffer>);
      },
      cancel: (reason) => source.cancel(reason),
    });
    const inflated = counting.pipeThrough(new DecompressionStream('gzip'));
    return new GunzipReader(inflated.getReader(), source, () => counted, limits);
  }

  /**
   * Exactly `length` bytes, or null at a clean end of stream before the first byte; with
   * `short`, fewer when the stream ends, for the caller to say what that means.
   */
  async read(length: number, short = false): Promise<Uint8Array | null> {
    const out = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      if (!(await this.fill())) {
        if (filled === 0) return null;
        if (short) return out.subarray(0, filled);
        refuse('truncated', 'The bundle ends in the middle of an entry: the upload may have been cut short.');
      }
      const take = Math.min(length - filled, this.chunk.length - this.offset);
      out.set(this.chunk.subarray(this.offset, this.offset + take), filled);
      this.offset += take;
      filled += take;
    }
    return out;
  }

  /** Streams `length` bytes to `sink` (or drops them), holding only one chunk at a time. */
  async pass(length: number, sink?: (bytes: Uint8Array) => void): Promise<void> {
    let left = length;
    while (left > 0) {
      if (!(await this.fill()))
        refuse('truncated', 'The bundle ends in the middle of an entry: the upload may have been cut short.');
      const take = Math.min(left, this.chunk.length - this.offset);
      sink?.(this.chunk.subarray(this.offset, this.offset + take));
      this.offset += take;
      left -= take;
    }
  }

  /** True when any non-zero byte is left before the end of the stream (which is read to the end). */
  async restHasData(): Promise<boolean> {
    let data = false;
    while (await this.fill()) {
      if (!data && this.chunk.subarray(this.offset).some((b) => b !== 0)) data = true;
      this.offset = this.chunk.length;
    }
    return data;
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => {});
    await this.source.cancel().catch(() => {});
  }

  /** Makes the current chunk non-empty; false at the end of the stream. */
  private async fill(): Promise<boolean> {
    while (this.offset >= this.chunk.length) {
      const read = await this.reader.read().catch(gzipRefusal);
      if (read.done) return false;
      this.chunk = read.value;
      this.offset = 0;
      this.uncompressed += read.value.length;
      this.checkBomb();
    }
    return true;
  }

  private checkBomb() {
    const { maxUncompressedBytes, maxRatio, ratioCheckAfterBytes } = this.limits;
    if (this.uncompressed > maxUncompressedBytes)
      refuse(
        'too_large',
        `The bundle unpacks to more than ${Math.round(maxUncompressedBytes / MiB)} MiB, more than a support bundle should hold.`,
      );
    if (this.uncompressed > ratioCheckAfterBytes && this.uncompressed / this.compressedBytes() > maxRatio)
      refuse(
        'bomb_ratio',
        `The bundle unpacks to more than ${maxRatio} times its size, which only a decompression bomb does.`,
      );
  }
}

function gzipRefusal(error: unknown): never {
  if (error instanceof BundleRefusalError) throw error;
  const text = error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ''}` : '';
  // Node reports a cut stream as Z_BUF_ERROR "unexpected end of file" (A7 §9).
  if (/unexpected end|Z_BUF_ERROR/i.test(text))
    refuse('truncated', 'The bundle is cut short: its compressed data ends too early. Upload the whole file again.');
  refuse('corrupt_gzip', 'The bundle is damaged: its compressed data does not check out. Upload the file again.');
}
