import { createMiddleware } from 'hono/factory';
import type { Role } from '../../contract/constants';
import type { AppEnv } from './env';
import { HttpError } from './errors';

/** Viewers read; members also install and upload; admins also manage the team (architecture.md). */
export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.get('session').role)) {
      throw new HttpError(403, 'forbidden', 'Your role on this team does not allow this.');
    }
    await next();
  });
