import { Hono } from 'hono';
import type { AppEnv } from '../http/env';

/** Replicated SDK instance check-ins (issue 3). */
export function sdkRoutes() {
  return new Hono<AppEnv>();
}
