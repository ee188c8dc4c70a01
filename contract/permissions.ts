import type { Role } from './constants';

/**
 * What each role may do beyond reading (architecture.md, "Roles"). The server's checks
 * (`requirePermission`) and the SPA's "may I" (`can`) both read this one table, so a button is
 * shown exactly when the request behind it would be allowed.
 */
export const actions = [
  'installs.manage',
  'bundles.upload',
  /** Any bundle of the team's; whoever uploaded a bundle may always delete it. */
  'bundles.delete',
  'instances.record',
  'team.manage',
  'service-accounts.manage',
  'audit.read',
] as const;
export type Action = (typeof actions)[number];

export const permissions: Record<Role, readonly Action[]> = {
  admin: actions,
  member: ['installs.manage', 'bundles.upload', 'instances.record'],
  viewer: [],
};

export const can = (role: Role, action: Action): boolean => permissions[role].includes(action);
