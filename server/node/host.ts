import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import type { HttpBindings } from '@hono/node-server';
import { isSignInPath } from '../../contract/constants';
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

/**
 * The pages' policy (issue 6, defect 13): the built SPA loads only its own files, with no inline
 * script, and no inline style but the vendor's colours, allowed by their hash (index.html and the
 * build hold none; React sets styles through the CSSOM, which style-src does not govern). Images
 * may be data: URLs; nothing may frame the portal.
 */
const pageHeaders = (theme: string | null) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: theme ? ["'self'", styleSource(theme)] : ["'self'"],
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
  host.use('*', pageHeaders(themeStyle(options.branding.primaryColor)));

  // Rendered once per start (the branding comes from the catalogue, read at start), per file, in
  // two kinds: a browser without a session cookie gets no preload of /api/me, which could only be a 401.
  const pages = new Map<string, Promise<EncodedPage>>();
  const renderPage = (file: string, kind: 'signed-in' | 'signed-out') =>
    readFile(file, 'utf8').then((html) => {
      const branded = brandIndexHtml(html, options.branding);
      return encodePage(kind === 'signed-in' ? branded : withoutPreloadOf('/api/me', branded));
    });
  const sendPage = async (c: Context) => {
    // The sign-in page is a page of its own, not a route of the SPA (decision 019).
    const file = join(clientDir, isSignInPath(c.req.path) ? 'login.html' : 'index.html');
    if (!existsSync(file)) return c.text('The portal UI is not built. Run `npm run build`.', 503);
    const kind = getCookie(c, SESSION_COOKIE) ? 'signed-in' : 'signed-out';
    let page = pages.get(`${file}:${kind}`);
    if (!page) {
      page = renderPage(file, kind);
      pages.set(`${file}:${kind}`, page);
      page.catch(() => pages.delete(`${file}:${kind}`));
    }
    const encoded = await page;
    const coding = negotiateCoding(c.req.header('accept-encoding'), ['br', 'gzip']);
    c.header('Content-Type', 'text/html; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    c.header('X-Robots-Tag', 'noindex');
    c.header('Vary', 'Accept-Encoding, Cookie', { append: true });
    if (coding !== 'identity') c.header('Content-Encoding', coding);
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
