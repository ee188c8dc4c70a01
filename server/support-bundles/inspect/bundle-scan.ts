import { checkedName, linkTargetPath } from './entry-names';
import type { GunzipReader } from './gunzip';
import type { InspectLimits } from './limits';
import { quoted, refuse } from './refusals';
import { readTar, type TarEntry } from './tar-reader';

export type IndexedEntry = {
  kind: 'file' | 'directory' | 'symlink';
  size: number;
  mtime: Date | null;
  /** A symlink's target resolved to a full path of the archive (checked to stay in the root). */
  target?: string;
  linkTarget?: string;
};

/** What the one pass over a bundle leaves: its index and the few files the facts read. */
export type BundleScan = {
  /** The top folder ('' when version.yaml is at the top, A6 step 0). */
  root: string;
  entries: Map<string, IndexedEntry>;
  /** Files the facts asked for, by path relative to the root. */
  files: Map<string, Uint8Array>;
};

/** A path relative to the root, for either layout the root may turn out to have. */
export type WantedFile = (relativePath: string) => boolean;

const MAX_LINK_HOPS = 8;

/**
 * The single streaming pass (A7 design): every entry checked and indexed, the wanted files
 * buffered under caps, everything else streamed through. The root is only known at the end, so a
 * wanted file is matched both as if the archive had a top folder and as if it had none.
 */
export async function scanBundle(gz: GunzipReader, limits: InspectLimits, wanted: WantedFile): Promise<BundleScan> {
  const entries = new Map<string, IndexedEntry>();
  const seen = new Map<string, string>();
  const buffered = new Map<string, Uint8Array>();
  let budget = limits.maxBufferedBytes;
  for await (const entry of readTar(gz)) {
    if (entries.size >= limits.maxEntries)
      refuse('too_many_entries', `The bundle has more than ${limits.maxEntries.toLocaleString('en')} entries.`);
    const path = checkedName(entry.name);
    const kind = checkedKind(entry, path);
    // Refused on the header's word, before streaming towards a size that cannot be allowed (A7 §8).
    if (entry.size > limits.maxUncompressedBytes)
      refuse('too_large', `The entry ${quoted(path)} declares a size larger than a whole bundle may be.`, path);
    const key = path.normalize('NFC').toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined && !(kind === 'directory' && entries.get(earlier)?.kind === 'directory'))
      refuse(
        'duplicate_path',
        earlier === path
          ? `The entry ${quoted(path)} appears twice, so it is unclear which copy is meant.`
          : `The entries ${quoted(earlier)} and ${quoted(path)} differ only in case or Unicode form, so one could stand for the other.`,
        path,
      );
    seen.set(key, path);
    entries.set(path, {
      kind,
      size: kind === 'file' ? entry.size : 0,
      mtime: entry.mtime,
      linkTarget: entry.linkTarget,
    });
    const slash = path.indexOf('/');
    const relative = slash === -1 ? null : path.slice(slash + 1);
    if (kind === 'file' && entry.size <= Math.min(limits.maxParsedFileBytes, budget)) {
      if (wanted(path) || (relative !== null && wanted(relative))) {
        buffered.set(path, (await entry.read(entry.size)).bytes);
        budget -= entry.size;
      }
    }
  }
  const root = rootOf(entries);
  resolveLinks(root, entries);
  const files = new Map<string, Uint8Array>();
  for (const [path, bytes] of buffered) {
    if (!root) files.set(path, bytes);
    else if (path.startsWith(`${root}/`)) files.set(path.slice(root.length + 1), bytes);
  }
  return { root, entries, files };
}

function checkedKind(entry: TarEntry, path: string): IndexedEntry['kind'] {
  switch (entry.kind) {
    case 'hardlink':
      return refuse(
        'hard_link',
        `The entry ${quoted(path)} is a hard link, which support bundles never contain.`,
        path,
      );
    case 'device':
      return refuse(
        'device_file',
        `The entry ${quoted(path)} is a device or pipe, which support bundles never contain.`,
        path,
      );
    case 'unsupported':
      return refuse(
        'unsupported_entry',
        `The entry ${quoted(path)} has a type (${quoted(entry.typeflag)}) that support bundles never contain.`,
        path,
      );
    default:
      return entry.kind;
  }
}

/** One top folder with version.yaml in it, or version.yaml at the top; nothing else (A6 step 0, A7 §7). */
function rootOf(entries: Map<string, IndexedEntry>): string {
  const tops = new Set<string>();
  for (const path of entries.keys()) tops.add(path.split('/')[0]!);
  if (tops.size === 0) refuse('not_a_bundle', 'The archive is empty, so it is not a support bundle.');
  if (entries.get('version.yaml')?.kind === 'file') {
    const nested = [...tops].find((top) => entries.has(`${top}/version.yaml`));
    if (nested !== undefined)
      refuse(
        'several_roots',
        `The bundle has a version.yaml both at the top and in ${quoted(nested)}, so it is unclear which bundle it is.`,
        `${nested}/version.yaml`,
      );
    return '';
  }
  if (tops.size > 1) {
    const [first, second] = [...tops].sort();
    refuse(
      'several_roots',
      `The bundle has several top folders, ${quoted(first!)} and ${quoted(second!)}; a support bundle has one.`,
      second,
    );
  }
  const root = [...tops][0]!;
  if (entries.get(`${root}/version.yaml`)?.kind !== 'file')
    refuse('no_version_file', `The archive has no version.yaml in ${quoted(root)}, so it is not a support bundle.`);
  return root;
}

/**
 * Every symlink must resolve, through the index only, inside the root, in at most eight hops;
 * and no entry may sit below a symlink, which would write through it when extracted (A7 §2).
 */
function resolveLinks(root: string, entries: Map<string, IndexedEntry>) {
  const links = [...entries].filter(([, entry]) => entry.kind === 'symlink');
  if (links.length === 0) return;
  for (const [path, entry] of links) {
    const target = linkTargetPath(root, path, entry.linkTarget ?? '');
    if (target === null)
      refuse(
        'link_outside',
        `The link ${quoted(path)} points outside the bundle (to ${quoted(entry.linkTarget ?? '')}).`,
        path,
      );
    entry.target = target;
  }
  for (const [path] of links) {
    const visited = new Set([path]);
    for (let at = entries.get(path)!; at.kind === 'symlink';) {
      const next = at.target!;
      if (visited.has(next) || visited.size > MAX_LINK_HOPS)
        refuse('link_loop', `The link ${quoted(path)} leads to a loop or a chain of too many links.`, path);
      visited.add(next);
      const found = entries.get(next);
      if (!found) break;
      at = found;
    }
  }
  for (const path of entries.keys()) {
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      const parent = segments.slice(0, depth).join('/');
      if (entries.get(parent)?.kind === 'symlink')
        refuse(
          'link_parent',
          `The entry ${quoted(path)} is stored under the link ${quoted(parent)}, which could redirect it anywhere.`,
          path,
        );
    }
  }
}
