import { Hono } from 'hono';
import type { AppEnv } from '../../http/env';
import { uploadSupportBundle } from './upload';

/**
 * troubleshoot's and KOTS's bundle upload (issue 9). The SDK's three steps are with its other
 * routes (server/wire/sdk). The body streams to the bundle store under its own limit.
 */
export function supportBundleUploadRoutes() {
  return new Hono<AppEnv>().post('/supportbundle/upload/:appSlug', uploadSupportBundle);
}
