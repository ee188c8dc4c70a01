import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { App } from '../app';
import { isCorePath } from '../app';

/**
 * The Node host: the BFF core answers its own paths; everything else is the built SPA, with
 * index.html for client-side routes.
 */
export function createHost(core: App, clientDir: string) {
  const host = new Hono<{ Bindings: HttpBindings }>();
  host.use('*', async (c, next) => {
    if (!isCorePath(c.req.path)) return next();
    return core.fetch(c.req.raw, { clientAddress: c.env.incoming.socket.remoteAddress });
  });
  host.use(
    '/assets/*',
    serveStatic({
      root: clientDir,
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
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
