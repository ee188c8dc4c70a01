import { Hono } from 'hono';
import type { AppEnv } from '../http/env';

/** Embedded Cluster installer download and lifecycle metrics (issue 3). */
export function embeddedRoutes() {
  return new Hono<AppEnv>();
}
