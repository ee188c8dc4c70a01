import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { allowlistRoutes } from './allowlist';
import { inviteRoutes } from './invites';
import { memberRoutes } from './members';

/** The signed-in team's people: members, invites and the domains invites may go to. */
export function teamRoutes() {
  return new Hono<AppEnv>()
    .route('/members', memberRoutes())
    .route('/invites', inviteRoutes())
    .route('/domain-allowlist', allowlistRoutes());
}
