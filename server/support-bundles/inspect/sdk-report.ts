import { jsonOf, record } from './facts/parse';
import { concatBytes } from '../../http/bytes';

const MiB = 2 ** 20;
/** A7 §8: the report secret is a nested bomb candidate with its own caps. */
const MAX_BASE64_CHARS = 4 * MiB;
const MAX_GUNZIPPED_BYTES = 32 * MiB;

export type ReportEvent = Record<string, unknown> & { reported_at: number };

/**
 * The events of one report secret as the secret collector stored it (A3): `value` is
 * base64(gzip(JSON)) of `{events: [...]}`. null when the secret is missing, or anything about it
 * is malformed: a damaged report loses its facts, it does not refuse the bundle.
 */
export async function reportEvents(bytes: Uint8Array): Promise<ReportEvent[] | null> {
  const secret = record(jsonOf(bytes));
  if (!secret || secret.secretExists !== true || secret.keyExists !== true) return null;
  const value = secret.value;
  if (typeof value !== 'string' || value.length > MAX_BASE64_CHARS) return null;
  let compressed: Uint8Array;
  try {
    compressed = Uint8Array.from(atob(value.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  const json = await gunzipCapped(compressed, MAX_GUNZIPPED_BYTES);
  const events = record(jsonOf(json ?? undefined))?.events;
  if (!Array.isArray(events)) return null;
  return events.filter(
    (event): event is ReportEvent =>
      record(event) !== null && Number.isSafeInteger(event.reported_at) && event.reported_at > 0,
  );
}

async function gunzipCapped(bytes: Uint8Array, max: number): Promise<Uint8Array | null> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      length += read.value.length;
      if (length > max) {
        await reader.cancel();
        return null;
      }
      chunks.push(read.value);
    }
  } catch {
    return null;
  }
  return concatBytes(chunks, length);
}

/**
 * Events from every report in the order they happened, each once: a re-collected secret repeats
 * older events, and an upload must be idempotent (A6 step 2).
 */
export function replayOrder(events: ReportEvent[]): ReportEvent[] {
  const unique = new Map<string, ReportEvent>();
  for (const event of events) unique.set(JSON.stringify(event), event);
  // Array.prototype.sort is stable, so events at the same millisecond keep their order.
  return [...unique.values()].sort((a, b) => a.reported_at - b.reported_at);
}
