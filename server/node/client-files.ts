import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { negotiateCoding, type Coding } from './content-coding';

/** Where the build puts each coding of a file (scripts/compress-client.mjs). */
const SUFFIX: Record<Coding, string> = { br: '.br', gzip: '.gz' };

/**
 * The built SPA's files, each in the coding the client prefers among those the build wrote
 * beside it, with the original's Content-Type. @hono/node-server's `precompressed` option
 * matches Accept-Encoding tokens literally (`gzip;q=1` and `*` miss, q is ignored) and sends no
 * Vary on an uncoded answer a cache could then hand everyone (docs/decisions/016). A missing
 * file, a folder or a path that climbs out of the folder is left to the next handler.
 */
export function serveClientFiles(root: string, cacheControl: string): MiddlewareHandler {
  const folder = resolve(root);
  return async (c, next) => {
    const file = fileOf(folder, c.req.path);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) return next();

    const sizes = new Map<Coding | 'identity', number>([['identity', info.size]]);
    for (const coding of Object.keys(SUFFIX) as Coding[]) {
      const variant = await stat(file + SUFFIX[coding]).catch(() => null);
      if (variant?.isFile()) sizes.set(coding, variant.size);
    }
    const offered = [...sizes.keys()].filter((coding) => coding !== 'identity');
    const coding = negotiateCoding(c.req.header('accept-encoding'), offered);

    c.header('Content-Type', getMimeType(file) ?? 'application/octet-stream');
    c.header('Content-Length', String(sizes.get(coding)));
    c.header('Cache-Control', cacheControl);
    if (offered.length) c.header('Vary', 'Accept-Encoding');
    if (coding !== 'identity') c.header('Content-Encoding', coding);
    if (c.req.method === 'HEAD') return c.body(null, 200);
    // Read whole, not streamed: the build's files are small, and a streamed body held the
    // connection busy for seconds after it was sent (a server closing waited on it).
    return c.body(await readFile(coding === 'identity' ? file : file + SUFFIX[coding]), 200);
  };
}

/** The file a URL path names inside the folder, or null for one that is malformed or escapes it. */
function fileOf(folder: string, path: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(path);
  } catch {
    return null;
  }
  // No dot segment: `..` would climb out, and .vite/ holds the build's manifest, for the host alone.
  if (name.includes('\0') || name.includes('\\') || /(?:^|\/)\./.test(name)) return null;
  const file = resolve(folder, `.${name}`);
  return file.startsWith(folder + sep) ? file : null;
}
