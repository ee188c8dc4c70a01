import { createMiddleware } from 'hono/factory';
import { can, type Action } from '../../contract/permissions';
import type { AppEnv } from './env';
import { HttpError } from './errors';

/** Refuses the request unless the signed-in role may do `action` (contract/permissions.ts). */
export const requirePermission = (action: Action) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!can(c.get('session').role, action)) {
      throw new HttpError(403, 'forbidden', 'Your role on this team does not allow this.');
    }
    await next();
  });
