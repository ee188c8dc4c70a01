import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { allowlistRoutes } from './allowlist';
import { inviteRoutes } from './invites';
import { memberRoutes } from './members';
import { settingsRoutes } from './settings';

/** The signed-in team's people: members, invites, the domains invites may go to, and the team's language. */
export function teamRoutes() {
  return new Hono<AppEnv>()
    .route('/members', memberRoutes())
    .route('/invites', inviteRoutes())
    .route('/domain-allowlist', allowlistRoutes())
    .route('/settings', settingsRoutes());
}
