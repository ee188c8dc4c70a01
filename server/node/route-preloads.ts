import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSignInPath } from '../../contract/constants';
import { portalPageData } from '../../src/app/route-data';
import { PORTAL_LAYOUT_MODULE, portalPageModules, publicPages } from '../../src/app/route-modules';

/** What the build's manifest (vite.config.ts, `build.manifest`) says of each module we ask about. */
export type Manifest = Record<string, { file: string; imports?: string[] }>;

/** The build's manifest; none for a build without one (then nothing is preloaded). */
export async function readManifest(clientDir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(clientDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/**
 * For a signed-in browser opening a portal route (matchPortalRoute): `<link rel="modulepreload">` for the page's own
 * chunks and the layout's (decision 020). Without them, the browser learns of those chunks only
 * once the framework has downloaded and the entry has run, a round trip later than it could.
 * The entry's own chunks are left out: the page preloads them already. No manifest (a build
 * without one): nothing to preload.
 */
export function routePreloads(manifest: Manifest | null): (route: string) => string {
  if (!manifest) return () => '';
  const inEntry = staticClosure(manifest, 'index.html');
  const tags = new Map(
    Object.entries(portalPageModules).map(([route, modules]) => {
      const chunks = new Set([PORTAL_LAYOUT_MODULE, ...modules].flatMap((m) => [...staticClosure(manifest, m)]));
      const files = [...chunks].filter((key) => !inEntry.has(key)).map((key) => manifest[key]!.file);
      return [route, files.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`).join('')];
    }),
  );
  return (route) => tags.get(route) ?? '';
}

/** The module's chunk and every chunk it imports statically, as manifest keys. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

/**
 * For a signed-in browser opening a portal route at `path`: the data its loader fetches first, as the value
 * of a `Link` header (a header, so the page's HTML stays one per route, rendered once). Each URL
 * is built as the page builds it (src/app/route-data.ts); a route parameter that is not valid
 * percent-encoding gets no preload, since the router could not read it either.
 */
export function dataPreloads(route: string, path: string, search: URLSearchParams): string | null {
  const paths = portalPageData[route];
  const params = paths && paramsOf(route, path);
  if (!params) return null;
  return paths({ params, search })
    .map((url) => `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`)
    .join(', ');
}

/** A path's parameters by name, decoded, for the route it matched; null when one will not decode. */
function paramsOf(route: string, path: string): Record<string, string> | null {
  const segments = path.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (const [i, part] of route.split('/').filter(Boolean).entries()) {
    if (!part.startsWith(':')) continue;
    try {
      params[part.slice(1)] = decodeURIComponent(segments[i]!);
    } catch {
      return null;
    }
  }
  return params;
}

/** The page with its preloads at the end of its head, after the entry's own. */
export const withPreloads = (html: string, tags: string) =>
  tags ? html.replace(/<\/head>/i, () => `${tags}</head>`) : html;

/**
 * The portal route a path opens, as the router would pick it: a path's segments match a route's
 * one for one, a fixed segment ranks above a `:param`, and `/*` takes whatever nothing else does
 * but the public pages.
 */
export function matchPortalRoute(path: string): string | null {
  const segments = path.split('/').filter(Boolean);
  const normalised = `/${segments.join('/')}`;
  if (publicPages.includes(normalised) || isSignInPath(normalised)) return null;
  let best: { route: string; rank: number } | null = null;
  for (const route of Object.keys(portalPageModules)) {
    const parts = route.split('/').filter(Boolean);
    if (route === '/*') {
      if (!best) best = { route, rank: -1 };
      continue;
    }
    if (parts.length !== segments.length) continue;
    if (!parts.every((part, i) => part.startsWith(':') || part === segments[i])) continue;
    const rank = parts.filter((part) => !part.startsWith(':')).length;
    if (!best || rank > best.rank) best = { route, rank };
  }
  return best?.route ?? null;
}
