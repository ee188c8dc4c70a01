import { Hono } from 'hono';
import type { AppEnv } from '../../http/env';
import { getLicenseField, getLicenseFields, getLicenseFile } from './handlers';

/** License sync for the Replicated SDK and the Embedded Cluster installer (issue 7; reference B3, B5). */
export function licenseSyncRoutes() {
  // /license/fields first: an app may not take that slug from it.
  return new Hono<AppEnv>()
    .get('/license/fields', getLicenseFields)
    .get('/license/field/:name', getLicenseField)
    .get('/license/:appSlug', getLicenseFile);
}
