import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ArtifactStore } from '../deps';

/** Artifacts from a directory; a path that would leave it (.., absolute) is simply not there. */
export function fileArtifactStore(root: string): ArtifactStore {
  const base = resolve(root);
  const locate = (path: string) => {
    if (path.includes('\0') || isAbsolute(path)) return null;
    const full = resolve(base, path);
    const rel = relative(base, full);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..') ? full : null;
  };
  return {
    async open(path) {
      const full = locate(path);
      const info = full ? await stat(full).catch(() => null) : null;
      if (!full || !info?.isFile()) return null;
      return { body: Readable.toWeb(createReadStream(full)) as ReadableStream<Uint8Array>, size: info.size };
    },
    async readText(path) {
      const full = locate(path);
      return full ? readFile(full, 'utf8').catch(() => null) : null;
    },
  };
}
