import { inspectBundle } from '../server/support-bundles/inspect/index';
import { syntheticBundle, type SyntheticBundleShape } from '../server/testing/synthetic-bundle';
import type { BenchResult, Figure } from './types';

const MiB = 2 ** 20;
/** 500 MB of realistic bundle: 2,000 resource JSON files of 50 KiB and four 100 MiB logs. */
const SHAPE: SyntheticBundleShape = {
  jsonFiles: 2_000,
  jsonFileBytes: 50 * 1024,
  logs: 4,
  logBytes: 100 * MiB,
  realisticLogs: true,
};
/** A 2 GB upload (the new Enterprise Portal's limit, A4) inspected in under 40 s. */
const THROUGHPUT_TARGET_MB_S = 50;
const MEMORY_TARGET_MIB = 64;

/**
 * Support-bundle inspection (issue 9): a ~500 MB (uncompressed) bundle is generated and gzip'd
 * in memory first (not timed), then `inspectBundle` reads it in its one streaming pass. Throughput
 * is uncompressed bytes over wall time; memory growth is the peak of heap plus ArrayBuffers,
 * sampled as each compressed chunk is pulled and every millisecond, over what was held before the pass.
 */
export async function bundleInspect(): Promise<BenchResult> {
  const compressed = await collect(syntheticBundle(SHAPE));
  const uncompressed = 4 * 1024 + SHAPE.jsonFiles * SHAPE.jsonFileBytes + SHAPE.logs * SHAPE.logBytes;
  const held = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  globalThis.gc?.();
  const before = held();
  let peak = before;
  const sample = () => (peak = Math.max(peak, held()));
  const sampled = streamOf(compressed).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        sample();
        controller.enqueue(chunk);
      },
    }),
  );
  const timer = setInterval(sample, 1);
  const start = performance.now();
  const result = await inspectBundle(sampled).finally(() => clearInterval(timer));
  const seconds = (performance.now() - start) / 1000;
  if (!result.ok) throw new Error(`the synthetic bundle was refused: ${result.refusal.message}`);
  const compressedBytes = compressed.reduce((sum, chunk) => sum + chunk.length, 0);
  const throughput = uncompressed / 1e6 / seconds;
  const growth = (peak - before) / MiB;
  const figures: Figure[] = [
    {
      figure: 'Support-bundle inspection throughput (uncompressed)',
      measured: `${throughput.toFixed(0)} MB/s`,
      target: `≥ ${THROUGHPUT_TARGET_MB_S} MB/s`,
      pass: throughput >= THROUGHPUT_TARGET_MB_S,
    },
    {
      figure: 'Support-bundle inspection, peak memory growth',
      measured: `${growth.toFixed(1)} MiB`,
      target: `< ${MEMORY_TARGET_MIB} MiB`,
      pass: growth < MEMORY_TARGET_MIB,
    },
  ];
  const details = [
    `| Bundle | |`,
    `|---|---|`,
    `| Entries | ${result.files.length.toLocaleString('en')} |`,
    `| Uncompressed | ${(uncompressed / 1e6).toFixed(0)} MB |`,
    `| Compressed (gzip) | ${(compressedBytes / 1e6).toFixed(1)} MB (${(uncompressed / compressedBytes).toFixed(1)}:1) |`,
    `| Inspection time | ${seconds.toFixed(2)} s |`,
  ].join('\n');
  return { figures, details };
}

/** The chunks as a stream without copying them (a Blob would hold a second copy). */
function streamOf(chunks: Uint8Array<ArrayBuffer>[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(chunks[next++]!);
      else controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>[]> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read())
    chunks.push(read.value as Uint8Array<ArrayBuffer>);
  return chunks;
}
