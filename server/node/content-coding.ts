import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { parseAccept } from 'hono/utils/accept';

/** The content codings the host sends: brotli, else gzip (docs/decisions/016). */
export type Coding = 'br' | 'gzip';

/** Our order of preference: the smaller first. */
const PREFERENCE: readonly Coding[] = ['br', 'gzip'];

/**
 * The coding to send, from the codings we have, by the client's Accept-Encoding (RFC 9110
 * §12.5.3): the highest q wins, and on a tie br, then gzip, then none. A coding the client does
 * not name is acceptable only under `*`; no coding ("identity") is, unless `identity;q=0` or `*;q=0`
 * refuses it. When nothing is acceptable the answer goes uncoded, which every client can read.
 */
export function negotiateCoding(header: string | undefined, offered: readonly Coding[]): Coding | 'identity' {
  const accepts = parseAccept(header ?? '');
  const quality = (name: string, unnamed: number) =>
    accepts.find((accept) => accept.type.toLowerCase() === name)?.q ??
    accepts.find((accept) => accept.type === '*')?.q ??
    unnamed;
  const candidates = [
    ...PREFERENCE.filter((coding) => offered.includes(coding)).map((coding) => ({ coding, q: quality(coding, 0) })),
    { coding: 'identity' as const, q: quality('identity', 1) },
  ];
  let best: (typeof candidates)[number] = { coding: 'identity', q: 0 };
  for (const candidate of candidates) if (candidate.q > best.q) best = candidate;
  return best.coding;
}

/** Adds a field to Vary unless it is there already (or Vary is `*`). */
export function appendVary(headers: Headers, field: string) {
  const current = headers.get('vary');
  if (!current) return headers.set('vary', field);
  const fields = current.split(',').map((name) => name.trim().toLowerCase());
  if (!fields.includes('*') && !fields.includes(field.toLowerCase())) headers.set('vary', `${current}, ${field}`);
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The bytes in a coding, at a level (br 0–11, gzip 1–9), off the event loop. */
export async function encode(coding: Coding, bytes: Uint8Array, level: number): Promise<Uint8Array<ArrayBuffer>> {
  const coded =
    coding === 'br'
      ? await brotliAsync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: level, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength },
        })
      : await gzipAsync(bytes, { level });
  // zlib's buffers are plain (never shared) memory.
  return coded as Uint8Array<ArrayBuffer>;
}
