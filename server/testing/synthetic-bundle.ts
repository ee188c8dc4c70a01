import { tarGzStream, type TarEntry } from '../http/tar';

/**
 * A support bundle generated while it is read, for the inspector's streaming test and its bench
 * (bench/bundle-inspect.ts): the facts' files plus many small JSON files and a few big logs, no
 * byte of it ever held whole.
 */
export type SyntheticBundleShape = {
  jsonFiles: number;
  jsonFileBytes: number;
  logs: number;
  logBytes: number;
  /** Log lines that vary like real ones (about 10:1 in gzip, A4), or one repeated chunk (fast, 1000:1). */
  realisticLogs: boolean;
};

const ROOT = 'support-bundle-2026-11-20T10_15_00';
const encoder = new TextEncoder();
const CHUNK = 256 * 1024;
const MTIME = new Date('2026-11-20T10:15:00Z');

export function syntheticBundle(shape: SyntheticBundleShape): ReadableStream<Uint8Array> {
  const small = (name: string, text: string): TarEntry => {
    const body = encoder.encode(text);
    return { name: `${ROOT}/${name}`, mode: 0o600, size: body.length, mtime: MTIME, body };
  };
  const streamed = (name: string, size: number, chunk: (index: number) => Uint8Array): TarEntry => ({
    name: `${ROOT}/${name}`,
    mode: 0o600,
    size,
    mtime: MTIME,
    body: sized(size, chunk),
  });
  const entries: TarEntry[] = [
    small(
      'version.yaml',
      'apiVersion: troubleshoot.sh/v1beta2\nkind: SupportBundle\nspec:\n  versionNumber: v0.123.14\n',
    ),
    small('analysis.json', '[]'),
    small('cluster-info/cluster_version.json', JSON.stringify({ info: { gitVersion: 'v1.31.2+k3s1' } })),
    small(
      'cluster-resources/nodes.json',
      JSON.stringify({ items: [{ status: { conditions: [{ type: 'Ready', status: 'True' }] } }] }),
    ),
  ];
  const jsonChunk = encoder.encode(
    `${JSON.stringify({ kind: 'Event', metadata: { name: 'x'.repeat(40) } })}\n`.repeat(4096),
  );
  for (let i = 0; i < shape.jsonFiles; i++)
    entries.push(streamed(`cluster-resources/events/ns-${i}.json`, shape.jsonFileBytes, () => jsonChunk));
  const fixed = encoder.encode(
    '2026-11-20T10:15:00.000Z INFO request served path=/api/v1/items status=200\n'.repeat(3500),
  );
  for (let i = 0; i < shape.logs; i++)
    entries.push(
      streamed(`cluster-resources/pods/logs/atlas/api-${i}/api.log`, shape.logBytes, (index) =>
        shape.realisticLogs ? logLines(i * 1_000_003 + index) : fixed,
      ),
    );
  return tarGzStream(entries);
}

/** A stream of exactly `size` bytes cut from `chunk(index)`s, pulled one at a time. */
function sized(size: number, chunk: (index: number) => Uint8Array): ReadableStream<Uint8Array> {
  let sent = 0;
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const next = chunk(index++);
      const part = next.length > size - sent ? next.subarray(0, size - sent) : next;
      sent += part.length;
      controller.enqueue(part);
    },
  });
}

/** About CHUNK bytes of access-log lines with varying ids, times and latencies (a small LCG). */
function logLines(seed: number): Uint8Array {
  let state = seed >>> 0 || 1;
  const next = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0);
  const paths = ['/api/v1/items', '/api/v1/users', '/healthz', '/api/v1/reports/export', '/metrics'];
  const lines: string[] = [];
  let length = 0;
  while (length < CHUNK) {
    const ms = next() % 1000;
    const line = `2026-11-20T10:${String(next() % 60).padStart(2, '0')}:${String(next() % 60).padStart(2, '0')}.${String(ms).padStart(3, '0')}Z INFO request id=${next().toString(16)} path=${paths[next() % paths.length]} status=${next() % 20 === 0 ? 500 : 200} duration=${next() % 900}ms\n`;
    lines.push(line);
    length += line.length;
  }
  return encoder.encode(lines.join(''));
}
