import { quoted, refuse } from './refusals';

/** Longer or deeper than any troubleshoot path (A4: the longest is about 100 bytes). */
const MAX_PATH_BYTES = 4096;
const MAX_SEGMENTS = 64;

/**
 * An entry's name checked against A7 §1 and normalised: a single leading `./` and a directory's
 * trailing `/` dropped. Troubleshoot always writes plain relative `/`-separated names (A1).
 */
export function checkedName(name: string): string {
  const say = (problem: string) => `The entry ${quoted(name)} ${problem}`;
  if (name === '') refuse('invalid_name', 'The bundle has an entry with an empty name.');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    refuse('invalid_name', say('has control characters in its name, which no support bundle writes.'), name);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.startsWith('\\\\'))
    refuse('absolute_path', say('has an absolute path; support bundle entries are relative to the bundle.'), name);
  if (name.includes('\\'))
    refuse('invalid_name', say('uses backslashes in its path; support bundles use forward slashes.'), name);
  if (new TextEncoder().encode(name).length > MAX_PATH_BYTES)
    refuse('invalid_name', say(`has a path longer than ${MAX_PATH_BYTES} bytes.`), name);
  const path = name.replace(/^\.\//, '').replace(/\/$/, '');
  const segments = path.split('/');
  if (segments.includes('..'))
    refuse('path_traversal', say('climbs out of the bundle with "..", which could overwrite other files.'), name);
  if (segments.some((s) => s === '' || s === '.'))
    refuse('invalid_name', say('has an empty or "." folder in its path.'), name);
  if (segments.length > MAX_SEGMENTS)
    refuse('invalid_name', say(`is nested deeper than ${MAX_SEGMENTS} folders.`), name);
  return path;
}

/**
 * Where a symlink at `path` points, as a path under `root` ('' for a bundle without a top
 * folder), or null when it leaves the root (A7 §2): absolute or drive-relative targets, or `..`
 * past the top. Only ever resolved against the index, never a filesystem.
 */
export function linkTargetPath(root: string, path: string, target: string): string | null {
  if (target === '' || target.startsWith('/') || /^[A-Za-z]:/.test(target) || target.includes('\\')) return null;
  const inRoot = root ? path.slice(root.length + 1) : path;
  const resolved = inRoot.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') resolved.push(segment);
    else if (resolved.pop() === undefined) return null;
  }
  if (resolved.length === 0) return null; // the root itself is a folder, not a file to read
  return root ? `${root}/${resolved.join('/')}` : resolved.join('/');
}
