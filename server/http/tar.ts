/**
 * A streaming ustar writer over Web Streams, so the core can hand out real `.tgz` archives
 * (installer bundles) without Node APIs. Only what we write is supported: regular files with
 * short relative names.
 */

const BLOCK = 512;

export type TarEntry = {
  /** Relative, '/'-separated; at most 100 bytes, or 255 split at a '/' into ustar's prefix and name. */
  name: string;
  mode: number;
  size: number;
  mtime: Date;
  /** The bytes, or a stream that must yield exactly `size` of them. */
  body: Uint8Array | ReadableStream<Uint8Array>;
};

/** The archive as a stream; `onComplete` runs after the last entry, before the end blocks. */
export function tarStream(entries: readonly TarEntry[], onComplete?: () => Promise<void>): ReadableStream<Uint8Array> {
  const chunks = tarChunks(entries, onComplete);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** tar piped through gzip, as `tar -xzf` expects. */
export function tarGzStream(entries: readonly TarEntry[], onComplete?: () => Promise<void>) {
  // Every chunk is a plain Uint8Array; the DOM types only fear SharedArrayBuffer views.
  const tar = tarStream(entries, onComplete) as ReadableStream<Uint8Array<ArrayBuffer>>;
  return tar.pipeThrough(new CompressionStream('gzip'));
}

async function* tarChunks(entries: readonly TarEntry[], onComplete?: () => Promise<void>) {
  for (const entry of entries) {
    yield tarHeader(entry);
    let written = 0;
    if (entry.body instanceof Uint8Array) {
      yield entry.body;
      written = entry.body.length;
    } else {
      const reader = entry.body.getReader();
      try {
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          written += read.value.length;
          if (written > entry.size) break;
          yield read.value;
        }
      } finally {
        await reader.cancel().catch(() => {});
      }
    }
    // A size that does not match would shift every later header: fail the download instead.
    if (written !== entry.size) throw new Error(`${entry.name}: expected ${entry.size} bytes, got ${written}`);
    const padding = (BLOCK - (entry.size % BLOCK)) % BLOCK;
    if (padding) yield new Uint8Array(padding);
  }
  await onComplete?.();
  yield new Uint8Array(BLOCK * 2);
}

const encoder = new TextEncoder();

function tarHeader(entry: TarEntry): Uint8Array {
  const [prefix, name] = ustarName(entry.name);
  if (entry.size < 0 || entry.size >= 8 ** 11) throw new Error(`${entry.name}: too large for a ustar header`);
  const header = new Uint8Array(BLOCK);
  const put = (offset: number, bytes: Uint8Array) => header.set(bytes, offset);
  const octal = (offset: number, width: number, value: number) =>
    put(
      offset,
      encoder.encode(
        `${Math.floor(value)
          .toString(8)
          .padStart(width - 1, '0')}\0`,
      ),
    );

  put(0, name);
  put(345, prefix);
  octal(100, 8, entry.mode & 0o7777);
  octal(108, 8, 0); // uid
  octal(116, 8, 0); // gid
  octal(124, 12, entry.size);
  octal(136, 12, entry.mtime.getTime() / 1000);
  header.fill(0x20, 148, 156); // checksum counts as spaces while it is computed
  header[156] = 0x30; // '0': regular file
  put(257, encoder.encode('ustar\0'));
  put(263, encoder.encode('00'));
  put(265, encoder.encode('root'));
  put(297, encoder.encode('root'));
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  put(148, encoder.encode(`${checksum.toString(8).padStart(6, '0')}\0 `));
  return header;
}

/** ustar's prefix (at most 155 bytes) and name (at most 100), split at a '/' when the name is longer. */
function ustarName(path: string): [Uint8Array, Uint8Array] {
  const refuse = () => new Error(`unsupported tar entry name: ${path}`);
  const whole = encoder.encode(path);
  if (whole.length === 0 || path.startsWith('/') || path.split('/').includes('..')) throw refuse();
  if (whole.length <= 100) return [new Uint8Array(0), whole];
  for (let slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
    const prefix = encoder.encode(path.slice(0, slash));
    const name = encoder.encode(path.slice(slash + 1));
    if (prefix.length <= 155 && name.length > 0 && name.length <= 100) return [prefix, name];
  }
  throw refuse();
}
