import { expect, it } from 'vitest';
import { syntheticBundle } from '../../testing/synthetic-bundle';
import { inspectBundle } from './index';

const MiB = 2 ** 20;

it('inspects a 320 MiB bundle in one streaming pass without holding it', async () => {
  const held = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const before = held();
  let peak = before;
  let compressed = 0;
  const sample = () => (peak = Math.max(peak, held()));
  // Sampled as the gzip is pulled and on a timer: at 1000:1 one compressed chunk inflates to MiBs.
  const sampling = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      sample();
      controller.enqueue(chunk);
    },
  });
  const timer = setInterval(sample, 1);
  const bundle = syntheticBundle({
    jsonFiles: 64,
    jsonFileBytes: MiB,
    logs: 4,
    logBytes: 64 * MiB,
    realisticLogs: false,
  });
  const counted = bundle.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        compressed += chunk.length;
        controller.enqueue(chunk);
      },
    }),
  );
  // A repeated chunk compresses 1000:1, so the ratio check is off: this is about memory, not bombs.
  const result = await inspectBundle(counted.pipeThrough(sampling), { maxRatio: Infinity }).finally(() =>
    clearInterval(timer),
  );
  expect(result).toMatchObject({ ok: true, facts: { k8sVersion: 'v1.31.2+k3s1', nodes: { total: 1, ready: 1 } } });
  expect(result.ok && result.files).toHaveLength(4 + 64 + 4);
  expect(compressed).toBeLessThan(4 * MiB);
  expect(peak - before).toBeLessThan(64 * MiB);
}, 120_000);
