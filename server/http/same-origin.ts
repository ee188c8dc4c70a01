import { createMiddleware } from 'hono/factory';
import { HttpError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests that do not come from the portal's own pages (CSRF defence on
 * top of SameSite cookies). Browsers send Origin on every such fetch; Sec-Fetch-Site covers the rest.
 */
export function sameOrigin(publicUrl: string) {
  const allowed = new URL(publicUrl).origin;
  return createMiddleware(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const fetchSite = c.req.header('sec-fetch-site');
      const ok = origin ? origin === allowed : fetchSite === 'same-origin';
      if (!ok) throw new HttpError(403, 'cross_origin', 'This request must come from the portal itself.');
    }
    await next();
  });
}
