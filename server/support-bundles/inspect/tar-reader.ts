import type { GunzipReader } from './gunzip';
import { MAX_META_HEADER_BYTES } from './limits';
import { quoted, refuse } from './refusals';

/**
 * A streaming tar reader: ustar with its prefix field, PAX `x`/`g` records (path, linkpath,
 * size) and GNU long names `L`/`K`, as Go's archive/tar writes them for troubleshoot (A1). Bodies
 * are never held unless asked for, and then only up to a cap.
 */

const BLOCK = 512;

export type TarEntryKind = 'file' | 'directory' | 'symlink' | 'hardlink' | 'device' | 'unsupported';

export type TarEntry = {
  /** As written in the archive, decoded as UTF-8; not yet checked (see entry-names.ts). */
  name: string;
  kind: TarEntryKind;
  /** The typeflag character, for messages about unsupported entries. */
  typeflag: string;
  size: number;
  linkTarget: string;
  mtime: Date | null;
  /** The body, up to `max` bytes; what is not read is skipped before the next entry. */
  read(max: number): Promise<{ bytes: Uint8Array; truncated: boolean }>;
};

const KINDS: Record<string, TarEntryKind> = {
  '0': 'file',
  '\0': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'device',
  '4': 'device',
  '5': 'directory',
  '6': 'device',
};

const utf8 = new TextDecoder('utf-8', { fatal: true });
const PAX_KEYS = new Set(['path', 'linkpath', 'size', 'mtime']);

export async function* readTar(gz: GunzipReader): AsyncGenerator<TarEntry> {
  let globalPax: Record<string, string> = {};
  let pax: Record<string, string> = {};
  let longName: string | null = null;
  let longLink: string | null = null;
  let first = true;
  for (;;) {
    const header = await gz.read(BLOCK, true);
    if (!header) return; // no end-of-archive blocks: accepted, the gzip trailer was verified (A7 §10)
    if (header.length < BLOCK) {
      if (first)
        refuse('not_a_bundle', 'The file is gzip-compressed but holds no tar archive, so it is not a support bundle.');
      refuse('truncated', 'The bundle ends in the middle of an entry header: the upload may have been cut short.');
    }
    if (header.every((b) => b === 0)) {
      // End of archive. Anything but zeros after it is hidden from most tools (A7 §10).
      if (await gz.restHasData())
        refuse('trailing_data', 'The bundle has data after the end of its archive, where most tools would not see it.');
      return;
    }
    checkHeader(header, first);
    first = false;
    const typeflag = String.fromCharCode(header[156]!);
    const size = numeric(header, 124, 12);
    if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
      const body = await metaBody(gz, size);
      if (typeflag === 'x') pax = { ...pax, ...paxRecords(body) };
      else if (typeflag === 'g') globalPax = { ...globalPax, ...paxRecords(body) };
      else if (typeflag === 'L') longName = cString(body, 0, body.length);
      else longLink = cString(body, 0, body.length);
      continue;
    }
    const meta = { ...globalPax, ...pax };
    if (Object.keys(meta).some((key) => key.startsWith('GNU.sparse')))
      refuse('unsupported_entry', 'The bundle holds a sparse file, which support bundles never contain.');
    const name = meta.path ?? longName ?? ustarName(header);
    const entrySize = meta.size !== undefined ? paxSize(meta.size, name) : size;
    let left = entrySize;
    const entry: TarEntry = {
      name,
      kind: KINDS[typeflag] ?? 'unsupported',
      typeflag,
      size: entrySize,
      linkTarget: meta.linkpath ?? longLink ?? cString(header, 157, 100),
      mtime: mtimeOf(header, meta.mtime),
      async read(max) {
        const take = Math.min(max, left);
        const bytes = (await gz.read(take)) ?? new Uint8Array(0);
        left -= take;
        return { bytes, truncated: left > 0 };
      },
    };
    pax = {};
    longName = longLink = null;
    // Links and directories carry no body, whatever their size field says.
    if (entry.kind !== 'file') left = 0;
    yield entry;
    await gz.pass(left + padding(entry.kind === 'file' ? entrySize : 0));
  }
}

function checkHeader(header: Uint8Array, first: boolean) {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : header[i]!;
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  const stored = octal(header, 148, 8);
  if (stored === unsigned || stored === signed) return;
  // A bad first header means the gzip held something else; a later one, a damaged archive.
  if (first)
    refuse('not_a_bundle', 'The file is gzip-compressed but holds no tar archive, so it is not a support bundle.');
  refuse('corrupt_tar', 'The bundle is damaged: an entry header does not match its checksum.');
}

/** Octal, or GNU base-256 (high bit set) for big sizes; anything else is a damaged header (A7 §10). */
function numeric(header: Uint8Array, offset: number, width: number): number {
  if (header[offset]! & 0x80) {
    let value = header[offset]! & 0x7f;
    for (let i = 1; i < width; i++) value = value * 256 + header[offset + i]!;
    if (!Number.isSafeInteger(value)) refuse('too_large', 'The bundle declares an entry too large to be real.');
    return value;
  }
  const value = octal(header, offset, width);
  if (value === null) refuse('corrupt_tar', 'The bundle is damaged: an entry header has a size that is not a number.');
  return value;
}

function octal(header: Uint8Array, offset: number, width: number): number | null {
  const text = cString(header, offset, width, false).trim();
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : null;
}

function ustarName(header: Uint8Array): string {
  const name = cString(header, 0, 100);
  const magic = cString(header, 257, 6, false);
  const prefix = magic === 'ustar' ? cString(header, 345, 155) : '';
  return prefix ? `${prefix}/${name}` : name;
}

/** A NUL-terminated field; names must be UTF-8 (A7 §1 and §12). */
function cString(bytes: Uint8Array, offset: number, width: number, checked = true): string {
  const field = bytes.subarray(offset, offset + width);
  const end = field.indexOf(0);
  const raw = end === -1 ? field : field.subarray(0, end);
  if (!checked) return new TextDecoder().decode(raw);
  return decodeName(raw);
}

function decodeName(raw: Uint8Array): string {
  try {
    return utf8.decode(raw);
  } catch {
    return refuse('invalid_name', 'The bundle has an entry whose name is not valid UTF-8 text.');
  }
}

async function metaBody(gz: GunzipReader, size: number): Promise<Uint8Array> {
  if (size > MAX_META_HEADER_BYTES)
    refuse('too_large', 'The bundle has an extended header larger than 1 MiB, far more than any name needs.');
  const body = (await gz.read(size)) ?? refuse('truncated', 'The bundle ends in the middle of an entry header.');
  await gz.pass(padding(size));
  return body;
}

/** PAX records are `<length> <key>=<value>\n`, the length counting the whole record. */
function paxRecords(body: Uint8Array): Record<string, string> {
  const records: Record<string, string> = Object.create(null);
  let at = 0;
  while (at < body.length) {
    if (body[at] === 0) break;
    const space = body.indexOf(0x20, at);
    const length = space > at ? Number(new TextDecoder().decode(body.subarray(at, space))) : NaN;
    if (!Number.isSafeInteger(length) || length <= space - at || at + length > body.length)
      refuse('corrupt_tar', 'The bundle is damaged: an extended header is not well formed.');
    // Not cut at a NUL like ustar fields: a NUL inside a PAX path is refused as a name (A7 §1).
    const record = decodeName(body.subarray(space + 1, at + length - 1));
    const equals = record.indexOf('=');
    const key = record.slice(0, equals);
    // Only the keys we read are kept, so a stream of PAX headers cannot pile up memory (A7 §8).
    if (equals > 0 && (PAX_KEYS.has(key) || key.startsWith('GNU.sparse'))) records[key] = record.slice(equals + 1);
    at += length;
  }
  return records;
}

function paxSize(value: string, name: string): number {
  const size = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(size))
    refuse('corrupt_tar', `The entry ${quoted(name)} declares a size that is not a number.`, name);
  return size;
}

function mtimeOf(header: Uint8Array, paxMtime: string | undefined): Date | null {
  const seconds = paxMtime !== undefined ? Number(paxMtime) : octal(header, 136, 12);
  return seconds !== null && Number.isFinite(seconds) ? new Date(seconds * 1000) : null;
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}
