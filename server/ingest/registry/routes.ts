import { Hono } from 'hono';
import type { AppEnv } from '../../http/env';

/** The OCI distribution API under /v2/ (issue 3): charts and images, attributed to attempts. */
export function registryRoutes() {
  return new Hono<AppEnv>();
}
