import { tarGzStream, type TarEntry } from '../http/tar';
import { concatBytes } from '../http/bytes';

/** Helm's own ceiling for a decompressed chart (helm.sh/helm/v3 pkg/chart/loader, MaxDecompressedChartSize). */
const MAX_CHART_BYTES = 100 * 1024 * 1024;
const BLOCK = 512;

type ChartFile = { name: string; mode: number; mtime: Date; bytes: Uint8Array };

/**
 * A Helm chart archive with its top-level `<chart>/values.yaml` replaced by `rewrite(old)` (null
 * when the chart has none, and the file is then added). Every other file keeps its name, order,
 * mode, mtime and bytes; owners become root and directory entries are dropped (Helm skips them).
 * The output depends only on the input and the new values: the tar has no clock in it and the
 * gzip header has no mtime and a fixed OS byte, so the same chart and values always give the same
 * digest, on any host.
 */
export async function rewriteChartValues(
  chartTgz: Uint8Array,
  rewrite: (values: string | null) => string,
): Promise<Uint8Array<ArrayBuffer>> {
  const files = readTar(await gunzip(chartTgz));
  const root = files.find((f) => /^[^/]+\/Chart\.yaml$/.test(f.name))?.name.split('/')[0];
  if (!root) throw new Error('The chart archive has no <chart>/Chart.yaml.');
  const valuesName = `${root}/values.yaml`;
  const existing = files.find((f) => f.name === valuesName);
  const values = new TextEncoder().encode(rewrite(existing ? new TextDecoder().decode(existing.bytes) : null));
  const chartYaml = files.find((f) => f.name === `${root}/Chart.yaml`)!;
  const replaced = existing
    ? files.map((f) => (f === existing ? { ...f, bytes: values } : f))
    : [...files, { name: valuesName, mode: 0o644, mtime: chartYaml.mtime, bytes: values }];
  const entries: TarEntry[] = replaced.map((f) => ({ ...f, size: f.bytes.length, body: f.bytes }));
  const out = new Uint8Array(await new Response(tarGzStream(entries)).arrayBuffer());
  // RFC 1952: bytes 4-7 are the mtime (CompressionStream writes 0) and byte 9 the OS, which
  // zlib sets to the platform it was built for; 255 is "unknown".
  if (out[0] !== 0x1f || out[1] !== 0x8b || out[3] !== 0) throw new Error('unexpected gzip header');
  out.fill(0, 4, 8);
  out[9] = 255;
  return out;
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const body = new Response(bytes as Uint8Array<ArrayBuffer>).body!;
  const reader = body.pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.length;
    if (total > MAX_CHART_BYTES) {
      await reader.cancel();
      throw new Error('The chart archive is larger than Helm accepts.');
    }
    chunks.push(read.value);
  }
  return concatBytes(chunks, total);
}

/**
 * The regular files of a tar, as Go's archive/tar (helm package) and GNU tar write them: ustar
 * names with their prefix, PAX `path` records and GNU long names are understood.
 */
function readTar(tar: Uint8Array): ChartFile[] {
  const files: ChartFile[] = [];
  const text = (from: number, length: number) => {
    const field = tar.subarray(from, from + length);
    const end = field.indexOf(0);
    return new TextDecoder().decode(end === -1 ? field : field.subarray(0, end));
  };
  const octal = (from: number, length: number) => parseInt(text(from, length).trim() || '0', 8);
  let longName: string | null = null;
  for (let at = 0; at + BLOCK <= tar.length;) {
    if (tar.subarray(at, at + BLOCK).every((b) => b === 0)) break;
    const size = octal(at + 124, 12);
    const type = String.fromCharCode(tar[at + 156] ?? 0);
    const body = tar.subarray(at + BLOCK, at + BLOCK + size);
    if (!Number.isInteger(size) || size < 0 || body.length !== size) throw new Error('The chart archive is truncated.');
    // Only POSIX ustar ("ustar\0") has a prefix field; GNU tar keeps other data there.
    const posix = text(at + 257, 6) === 'ustar' && tar[at + 262] === 0;
    const prefix = posix ? text(at + 345, 155) : '';
    const name = longName ?? (prefix ? `${prefix}/${text(at, 100)}` : text(at, 100));
    longName = null;
    if (type === 'x') longName = paxPath(body);
    else if (type === 'L') longName = new TextDecoder().decode(body).replace(/\0+$/, '');
    else if (type === '0' || type === '\0') {
      const mtime = octal(at + 136, 12);
      files.push({
        name,
        mode: octal(at + 100, 8),
        mtime: new Date(Number.isFinite(mtime) ? mtime * 1000 : 0),
        bytes: body,
      });
    }
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}

/** The `path` record of a PAX extended header ("<length> path=<name>\n"), if it has one. */
function paxPath(body: Uint8Array): string | null {
  for (const record of new TextDecoder().decode(body).split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(record);
    if (match) return match[1]!;
  }
  return null;
}
