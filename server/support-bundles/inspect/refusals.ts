import type { BundleRefusal, BundleRefusalCode } from '../../../contract/support-bundle-facts';

/**
 * Thrown inside the inspector and turned into `{ ok: false, refusal }` at its edge, so a hostile
 * bundle stops the single pass wherever it is noticed.
 */
export class BundleRefusalError extends Error {
  readonly refusal: BundleRefusal;
  constructor(code: BundleRefusalCode, message: string, path?: string) {
    super(message);
    this.refusal = path === undefined ? { code, message } : { code, message, path };
  }
}

export function refuse(code: BundleRefusalCode, message: string, path?: string): never {
  throw new BundleRefusalError(code, message, path);
}

/** A name as a message shows it: quoted, control characters escaped, long names shortened. */
export function quoted(name: string): string {
  // eslint-disable-next-line no-control-regex
  const visible = name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `"${visible.length > 200 ? `${visible.slice(0, 200)}…` : visible}"`;
}

/** What the first bytes say the file is, for a refusal that tells the customer what they sent (A7 §11). */
export function describeContainer(head: Uint8Array): string {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  const text = new TextDecoder().decode(head.subarray(0, 64)).trimStart().toLowerCase();
  if (head.length === 0) return 'The file is empty.';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'The file is a zip archive; a support bundle is a .tar.gz file.';
  if (starts(0x42, 0x5a, 0x68)) return 'The file is compressed with bzip2; a support bundle is a .tar.gz file.';
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a))
    return 'The file is compressed with xz; a support bundle is a .tar.gz file.';
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return 'The file is compressed with zstd; a support bundle is a .tar.gz file.';
  if (new TextDecoder().decode(head.subarray(257, 262)) === 'ustar')
    return 'The file is a tar archive that is not compressed; a support bundle is a .tar.gz file.';
  if (text.startsWith('<')) return 'The file is a web page, not a support bundle: perhaps an error page was saved.';
  if (text.startsWith('{') || text.startsWith('['))
    return 'The file is JSON, not a support bundle: perhaps an error message was saved.';
  return 'The file is not a support bundle: a support bundle is a .tar.gz file.';
}
