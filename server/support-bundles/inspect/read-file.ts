import { checkedName } from './entry-names';
import { GunzipReader } from './gunzip';
import { DEFAULT_INSPECT_LIMITS } from './limits';
import { readTar } from './tar-reader';

export type BundleFileContent = { size: number; text: string; truncated: boolean; binary: boolean };

type Layout = 'top' | 'folder' | null;

/**
 * One file of a bundle for the page's file viewer, by its path relative to the top folder (as
 * `inspectBundle` lists it), read in one streaming pass that stops once the file is found. At most
 * `maxBytes` are read; text with a NUL or invalid UTF-8 counts as binary and is not returned.
 * null when there is no such regular file (a symlink's `target` is the path to ask for), or the
 * archive cannot be read.
 */
export async function readBundleFile(
  body: ReadableStream<Uint8Array>,
  path: string,
  maxBytes: number,
): Promise<BundleFileContent | null> {
  let gz: GunzipReader | undefined;
  try {
    gz = await GunzipReader.open(body, DEFAULT_INSPECT_LIMITS);
    // The layout is only certain once version.yaml is seen (A6 step 0), so both readings are kept.
    let layout: Layout = null;
    let atTop: BundleFileContent | null = null;
    let inFolder: BundleFileContent | null = null;
    for await (const entry of readTar(gz)) {
      const name = checkedName(entry.name);
      const slash = name.indexOf('/');
      if (name === 'version.yaml') layout = 'top';
      else if (slash !== -1 && name.slice(slash + 1) === 'version.yaml') layout ??= 'folder';
      if (entry.kind === 'file' && (name === path || name.slice(slash + 1) === path)) {
        const { bytes, truncated } = await entry.read(maxBytes);
        const content = { size: entry.size, truncated, ...decoded(bytes, truncated) };
        if (name === path) atTop = content;
        else inFolder = content;
      }
      if ((layout === 'top' && atTop) || (layout === 'folder' && inFolder)) break;
    }
    return layout === 'top' ? atTop : (inFolder ?? atTop);
  } catch {
    return null;
  } finally {
    await gz?.cancel();
  }
}

function decoded(bytes: Uint8Array, truncated: boolean): { text: string; binary: boolean } {
  if (bytes.includes(0)) return { text: '', binary: true };
  try {
    // `stream` leaves a character cut by the byte cap pending instead of calling it invalid.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated }), binary: false };
  } catch {
    return { text: '', binary: true };
  }
}
