import { createMiddleware } from 'hono/factory';
import { isBearerRequest } from './bearer-session';
import { HttpError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests that do not come from the portal's own pages (CSRF defence on
 * top of SameSite cookies). Browsers send Origin on every such fetch; Sec-Fetch-Site covers the rest.
 * A Bearer request without a cookie carries nothing a browser adds by itself, so it passes; one
 * with a cookie is checked.
 */
export function sameOrigin(publicUrl: string) {
  const allowed = new URL(publicUrl).origin;
  return createMiddleware(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && !isBearerRequest(c)) {
      const origin = c.req.header('origin');
      const fetchSite = c.req.header('sec-fetch-site');
      const ok = origin ? origin === allowed : fetchSite === 'same-origin';
      if (!ok) throw new HttpError(403, 'cross_origin', 'This request must come from the portal itself.');
    }
    await next();
  });
}
