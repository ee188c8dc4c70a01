// A tar writer for test fixtures that will write anything, hostile headers included
// (server/http/tar.ts refuses them). Deterministic: fixed mtime, gzip without a timestamp.
import { gzipSync } from 'node:zlib';

const MTIME = Date.UTC(2026, 10, 20, 10, 15, 0) / 1000;
export const ROOT = 'support-bundle-2026-11-20T10_15_00';

/** One 512-byte ustar header; `fields` may break any rule on purpose. */
export function header({ name, type = '0', size = 0, linkname = '', mode = 0o600, prefix = '', sizeField, checksum }) {
  const block = Buffer.alloc(512);
  const put = (offset, width, value) => Buffer.from(value, 'latin1').copy(block, offset, 0, width);
  const octal = (offset, width, value) => put(offset, width, `${value.toString(8).padStart(width - 1, '0')}\0`);
  Buffer.from(name).copy(block, 0, 0, 100);
  octal(100, 8, mode);
  octal(108, 8, 1000);
  octal(116, 8, 1000);
  if (sizeField !== undefined) put(124, 12, sizeField);
  else octal(124, 12, size);
  octal(136, 12, MTIME);
  block.fill(0x20, 148, 156);
  put(156, 1, type);
  Buffer.from(linkname).copy(block, 157, 0, 100);
  put(257, 8, 'ustar\x0000');
  put(265, 32, 'runner');
  put(297, 32, 'runner');
  Buffer.from(prefix).copy(block, 345, 0, 155);
  const sum = block.reduce((total, byte) => total + byte, 0);
  put(148, 8, `${(checksum ?? sum).toString(8).padStart(6, '0')}\0 `);
  return block;
}

export const pad = (length) => Buffer.alloc((512 - (length % 512)) % 512);

/** A regular file (or any `type`) with its body and padding. */
export function entry(name, body = '', options = {}) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return Buffer.concat([header({ ...ustarName(name), size: bytes.length, ...options }), bytes, pad(bytes.length)]);
}

/** A name over 100 bytes split into ustar's prefix and name at a '/', as Go's archive/tar does (A1). */
function ustarName(name) {
  if (Buffer.isBuffer(name) || Buffer.byteLength(name) <= 100) return { name };
  for (let slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
    const [prefix, rest] = [name.slice(0, slash), name.slice(slash + 1)];
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return { prefix, name: rest };
  }
  throw new Error(`${name}: too long for ustar, use a PAX header`);
}

export const link = (name, target) => entry(name, '', { type: '2', linkname: target, mode: 0o777 });

/** A PAX `x` header carrying records, then the entry it describes. */
export function paxEntry(records, name, body = '') {
  const text = Object.entries(records)
    .map(([key, value]) => {
      const record = ` ${key}=${value}\n`;
      let length = Buffer.byteLength(record) + 1;
      while (String(length).length + Buffer.byteLength(record) !== length) length += 1;
      return `${length}${record}`;
    })
    .join('');
  return Buffer.concat([entry('PaxHeaders/x', text, { type: 'x' }), entry(name, body)]);
}

export const END = Buffer.alloc(1024);
export const tar = (...entries) => Buffer.concat([...entries, END]);
export const tgz = (...entries) => gzipSync(tar(...entries), { level: 9 });
export const json = (value) => JSON.stringify(value, null, 2);

export const versionYaml =
  'apiVersion: troubleshoot.sh/v1beta2\nkind: SupportBundle\nspec:\n  versionNumber: v0.123.14\n';
