/** The router's public pages: not the portal's, and never preloaded (sign-in is a page of its own, decision 019). */
export const publicPages = ['/invites/accept'];

/**
 * The modules each page of the portal renders with, by its path in the router (router.tsx), as
 * the build's manifest names them. The Node host preloads their chunks with the page's HTML, so
 * they download beside the framework rather than after it (server/node/route-preloads.ts,
 * decision 020). route-modules.test.ts fails when this table and the router disagree.
 *
 * Only the portal's pages: its loader guards them, so the host preloads them only for a browser
 * with a session.
 */
export const PORTAL_LAYOUT_MODULE = 'src/app/layouts/portal-layout.tsx';

export const portalPageModules: Record<string, readonly string[]> = {
  '/': ['src/features/dashboard/routes/dashboard.tsx'],
  '/install': ['src/features/install/routes/install.tsx'],
  '/install/new': ['src/features/install/routes/new-install.tsx'],
  '/install/:attemptId': ['src/features/install/routes/install-attempt.tsx'],
  '/instances': ['src/features/instances/routes/instances.tsx', 'src/features/instances/routes/instances.loader.ts'],
  '/instances/airgap/new': ['src/features/instances/routes/airgap-record.tsx'],
  '/instances/airgap/:id/edit': ['src/features/instances/routes/airgap-record.tsx'],
  '/instances/:instanceId': ['src/features/instances/routes/instance-details.tsx'],
  '/releases': ['src/features/releases/routes/releases.tsx'],
  '/license-details': ['src/features/license/routes/license.tsx'],
  '/support': ['src/features/support/routes/support.tsx'],
  '/support/bundles/:bundleId': ['src/features/support/routes/bundle.tsx'],
  '/team': ['src/features/team/routes/team.tsx'],
  '/settings': ['src/features/settings/routes/settings.tsx'],
  // Not found: the layout alone (NotFound is in the entry).
  '/*': [],
};
