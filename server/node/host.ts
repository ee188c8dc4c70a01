import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { HttpBindings } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { App } from '../app';
import { isCorePath } from '../app';
import { clientAddress } from './client-address';

/**
 * The pages' policy (issue 6, defect 13): the built SPA loads only its own files, with no inline
 * script or style (index.html and the build hold none; React sets styles through the CSSOM, which
 * style-src does not govern). Images may be data: URLs; nothing may frame the portal.
 */
const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
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

/**
 * The Node host: the BFF core answers its own paths (with its own headers); everything else is
 * the built SPA, with index.html for client-side routes.
 */
export function createHost(core: Pick<App, 'fetch'>, clientDir: string, options: { trustProxy: boolean }) {
  const host = new Hono<{ Bindings: HttpBindings }>();
  host.use('*', async (c, next) => {
    if (!isCorePath(c.req.path)) return next();
    return core.fetch(c.req.raw, { clientAddress: clientAddress(c.env.incoming, options.trustProxy) });
  });
  host.use('*', pageHeaders);
  host.use(
    '/assets/*',
    serveStatic({
      root: clientDir,
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  // A chunk of an older build is gone; index.html in its place would only fail as a script.
  host.get('/assets/*', (c) => c.text('Not found', 404));
  host.use('*', serveStatic({ root: clientDir }));

  const indexFile = join(clientDir, 'index.html');
  let index: Promise<string> | undefined;
  host.get('*', async (c) => {
    if (!existsSync(indexFile)) return c.text('The portal UI is not built. Run `npm run build`.', 503);
    index ??= readFile(indexFile, 'utf8');
    c.header('Cache-Control', 'no-cache');
    return c.html(await index);
  });
  return host;
}
