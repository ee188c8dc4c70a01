import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import type { HttpBindings } from '@hono/node-server';
import { isSignInPath, type Locale } from '../../contract/constants';
import type { App } from '../app';
import { isCorePath } from '../app';
import { errorResponse, HttpError } from '../http/errors';
import { SESSION_COOKIE } from '../http/session';
import { clientAddress } from './client-address';
import { serveClientFiles } from './client-files';
import { compressJsonAnswers } from './compress-answers';
import { negotiateCoding } from './content-coding';
import {
  brandIndexHtml,
  encodePage,
  styleSource,
  themeStyle,
  withoutPreloadOf,
  type EncodedPage,
  type PageBranding,
} from './index-page';
import { readInlineStyles } from './inline-styles';
import { dataPreloads, matchPortalRoute, readManifest, routePreloads, withPreloads } from './route-preloads';
import { likelyLocale, stringPreloads, type StringsOf } from './string-preloads';

/**
 * The pages' policy (issue 6, defect 13): the built SPA loads only its own files, with no inline
 * script, and no inline style but the vendor's colours and the build's stylesheet, allowed by their
 * hash (React sets styles through the CSSOM, which style-src does not govern). Images may be data:
 * URLs; nothing may frame the portal.
 */
const pageHeaders = (theme: string | null, inlineStyles: string[]) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", ...(theme ? [styleSource(theme)] : []), ...inlineStyles],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
  });

/** A browser opening a page: the one request the SPA's index.html answers (issue 7). */
const isPageNavigation = (c: Context) =>
  ['GET', 'HEAD'].includes(c.req.method) && (c.req.header('accept') ?? '').toLowerCase().includes('text/html');

/**
 * The Node host: the BFF core answers its own paths (with its own headers); everything else is
 * the built SPA, with index.html for a browser opening a client-side route. Any other request is
 * a JSON 404, so a real client that asks for a path we lack is never misled by HTML (issue 7).
 * The page carries the vendor's branding from its first byte, and every answer worth it goes
 * out compressed (issue 11, docs/decisions/016).
 */
export function createHost(
  core: Pick<App, 'fetch'>,
  clientDir: string,
  options: { trustProxy: boolean; branding: PageBranding },
) {
  const host = new Hono<{ Bindings: HttpBindings }>();
  // The License page's old address is now Replicated's (issue 7); a bookmark still opens the page.
  host.get('/license', async (c, next) => {
    if (!isPageNavigation(c) || c.req.header('authorization')) return next();
    c.header('Vary', 'Accept, Authorization');
    return c.redirect(`/license-details${new URL(c.req.url).search}`, 308);
  });
  host.use('*', compressJsonAnswers());
  host.use('*', async (c, next) => {
    if (!isCorePath(c.req.path)) return next();
    return core.fetch(c.req.raw, { clientAddress: clientAddress(c.env.incoming, options.trustProxy) });
  });
  // The build's stylesheets go into the page (decision 020): read once, for the page and its policy alike.
  const styles = readInlineStyles(clientDir);
  const headers = styles.then((s) => pageHeaders(themeStyle(options.branding.primaryColor), s.sources));
  host.use('*', async (c, next) => (await headers)(c, next));

  // Rendered once per start (the branding comes from the catalogue, read at start), per file, in
  // two kinds: a browser without a session cookie gets no preload of /api/me, which could only be a 401.
  // A signed-in one gets the chunks of the portal page it opens preloaded too: one page per route.
  // Every page gets the chunk of its strings in the language it will most likely show.
  // The build's manifest is read once, for both.
  const manifest = readManifest(clientDir);
  const preloads = manifest.then(routePreloads);
  const strings = manifest.then(stringPreloads);
  const pages = new Map<string, Promise<EncodedPage>>();
  type PageKind = { kind: 'signed-in' | 'signed-out'; route: string | null; stringsOf: StringsOf; locale: Locale };
  const renderPage = (file: string, { kind, route, stringsOf, locale }: PageKind) =>
    readFile(file, 'utf8').then(async (html) => {
      const stringTags = (await strings)(stringsOf, locale);
      const tags = `${stringTags}${route === null ? '' : (await preloads)(route)}`;
      const branded = withPreloads((await styles).inline(brandIndexHtml(html, options.branding)), tags);
      return encodePage(kind === 'signed-in' ? branded : withoutPreloadOf('/api/me', branded));
    });
  const sendPage = async (c: Context) => {
    // The sign-in page is a page of its own, not a route of the SPA (decision 019).
    const signIn = isSignInPath(c.req.path);
    const file = join(clientDir, signIn ? 'login.html' : 'index.html');
    if (!existsSync(file)) return c.text('The portal UI is not built. Run `npm run build`.', 503);
    const kind = getCookie(c, SESSION_COOKIE) ? 'signed-in' : 'signed-out';
    const route = kind === 'signed-in' && !signIn ? matchPortalRoute(c.req.path) : null;
    const locale = likelyLocale(c.req.header('accept-language'));
    const key = `${file} ${kind} ${route ?? ''} ${locale}`;
    let page = pages.get(key);
    if (!page) {
      // Set before any await: two requests at once for a page not yet made make it once.
      page = renderPage(file, { kind, route, stringsOf: signIn ? 'sign-in' : 'portal', locale });
      pages.set(key, page);
      page.catch(() => pages.delete(key));
    }
    const encoded = await page;
    const coding = negotiateCoding(c.req.header('accept-encoding'), ['br', 'gzip']);
    c.header('Content-Type', 'text/html; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    c.header('X-Robots-Tag', 'noindex');
    c.header('Vary', 'Accept-Encoding, Cookie, Accept-Language', { append: true });
    if (coding !== 'identity') c.header('Content-Encoding', coding);
    // The page's first data, on its way with the HTML (src/app/route-data.ts).
    const data = route === null ? null : dataPreloads(route, c.req.path, new URL(c.req.url).searchParams);
    if (data) c.header('Link', data);
    c.header('Content-Length', String(encoded[coding].byteLength));
    return c.body(encoded[coding]);
  };

  // Files answer GET and HEAD only; a POST to one is as unknown as any other path.
  host.get('/', sendPage);
  host.get('/index.html', sendPage);
  // The sign-in page's file is served only branded, at its paths.
  host.get('/login.html', (c) => c.redirect('/login', 301));
  host.get('/assets/*', serveClientFiles(clientDir, 'public, max-age=31536000, immutable'));
  // A chunk of an older build is gone; index.html in its place would only fail as a script.
  host.get('/assets/*', (c) => c.text('Not found', 404));
  // public/: robots.txt, the fallback favicon. Not hashed, so cached for an hour only.
  host.get('*', serveClientFiles(clientDir, 'public, max-age=3600'));

  host.all('*', async (c) => {
    // The same path is a page to a browser and a 404 to anyone else; a cache must keep them apart.
    c.header('Vary', 'Accept');
    if (!isPageNavigation(c)) {
      return errorResponse(c, new HttpError(404, 'not_found', `No route matches ${c.req.method} ${c.req.path}.`));
    }
    return sendPage(c);
  });
  return host;
}
