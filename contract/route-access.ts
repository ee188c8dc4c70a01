import { can, type Action } from './permissions';
import type { Role } from './constants';

/**
 * Who may call each route of the BFF (issue 10). The route matrix (server/route-matrix.test.ts)
 * walks the app's own route list and fails for a route with no row here, then checks every row
 * against the server as anonymous, viewer, member, admin, another team's admin, a service
 * account's token and a revoked token.
 *
 * - `anyone`: no credential is read (health, branding, signing in, accepting an invite link).
 * - `person`: any signed-in person, whatever their role; a token is not a person and is refused.
 * - `team`: the signed-in team, persons and its service-account tokens, if the role may do
 *   `action` (none: reading). A token acts as a `member` (server/http/bearer-session.ts).
 *   `own`: the resource is its creator's alone; anyone else on the team is told it does not exist.
 * - `machine`: the tools customers run (installer, SDK, KOTS, registry clients, troubleshoot),
 *   with their own credentials: install tokens, license IDs, upload URLs. A session cookie is none.
 */
export type RouteAccess =
  { who: 'anyone' } | { who: 'person' } | { who: 'team'; action?: Action; own?: true } | { who: 'machine' };

/** The role a service-account token acts with on its team's API. */
export const TOKEN_ROLE: Role = 'member';

const anyone = { who: 'anyone' } as const;
const person = { who: 'person' } as const;
const read = { who: 'team' } as const;
const team = (action: Action) => ({ who: 'team', action }) as const;
const machine = { who: 'machine' } as const;
const ownUpload = { who: 'team', action: 'bundles.upload', own: true } as const;

/** Keyed "METHOD /pattern" exactly as Hono lists the route (`app.routes`). */
export const routeAccess: Record<string, RouteAccess> = {
  'GET /api/health': anyone,
  'GET /api/branding': anyone,
  'GET /api/branding/logo': anyone,
  'GET /api/branding/favicon': anyone,
  'POST /api/auth/login-links': anyone,
  'POST /api/auth/sessions': anyone,
  'GET /api/auth/session': anyone,
  'DELETE /api/auth/session': person,
  'POST /api/invites/accept': anyone,

  'GET /api/me': person,
  'PUT /api/me/team': person,
  'PUT /api/me/preferences': person,
  'GET /api/me/invites': person,
  'POST /api/me/invites/:id/accept': person,

  'GET /api/dashboard': read,
  'GET /api/license': read,
  'GET /api/releases': read,
  'GET /api/releases/:version/images': read,

  'GET /api/installs': read,
  'POST /api/installs': team('installs.manage'),
  'GET /api/installs/:id': read,
  'PATCH /api/installs/:id': team('installs.manage'),
  'POST /api/installs/:id/token': team('installs.manage'),
  'DELETE /api/installs/:id': team('installs.manage'),
  'GET /api/installs/:id/events': read,
  'GET /api/installs/:id/link-candidates': read,
  'POST /api/installs/:id/link': team('installs.manage'),

  'GET /api/instances': read,
  'GET /api/instances/export.csv': read,
  'GET /api/instances/:id': read,
  'GET /api/airgap-instances': read,
  'GET /api/airgap-instances/options': read,
  'GET /api/airgap-instances/:id': read,
  'POST /api/airgap-instances': team('instances.record'),
  'PATCH /api/airgap-instances/:id': team('instances.record'),
  'POST /api/airgap-instances/:id/archive': team('instances.record'),
  'POST /api/airgap-instances/:id/restore': team('instances.record'),

  'GET /api/team/members': read,
  'PATCH /api/team/members/:id': team('team.manage'),
  'DELETE /api/team/members/:id': team('team.manage'),
  'GET /api/team/invites': team('team.manage'),
  'POST /api/team/invites': team('team.manage'),
  'POST /api/team/invites/:id/resend': team('team.manage'),
  'DELETE /api/team/invites/:id': team('team.manage'),
  'GET /api/team/domain-allowlist': read,
  'PUT /api/team/domain-allowlist': team('team.manage'),
  'DELETE /api/team/domain-allowlist': team('team.manage'),
  'GET /api/team/settings': team('team.manage'),
  'PUT /api/team/settings': team('team.manage'),
  'GET /api/team/service-accounts': read,
  'POST /api/team/service-accounts': team('service-accounts.manage'),
  'POST /api/team/service-accounts/:id/rotate': team('service-accounts.manage'),
  'DELETE /api/team/service-accounts/:id': team('service-accounts.manage'),
  'GET /api/team/audit': team('audit.read'),
  'GET /api/team/audit/actors': team('audit.read'),

  'GET /api/support-bundles': read,
  'GET /api/support-bundles/:id': read,
  'GET /api/support-bundles/:id/download': read,
  'GET /api/support-bundles/:id/file': read,
  /** Whoever uploaded a bundle may delete it too (contract/permissions.ts). */
  'DELETE /api/support-bundles/:id': team('bundles.delete'),
  'OPTIONS /api/support-bundles/uploads': read,
  'POST /api/support-bundles/uploads': team('bundles.upload'),
  'GET /api/support-bundles/uploads/:id': ownUpload,
  'PATCH /api/support-bundles/uploads/:id': ownUpload,
  'PATCH /api/support-bundles/uploads/*': ownUpload,
  'DELETE /api/support-bundles/uploads/:id': ownUpload,

  // The machines' side: each checks its client's own credential (server/wire/).
  'GET /v2/token': machine,
  'GET /v2/*': machine,
  'POST /v2/*': machine,
  'PUT /v2/*': machine,
  'PATCH /v2/*': machine,
  'DELETE /v2/*': machine,
  'GET /v2/:app/:channel/:repository/manifests/:reference': machine,
  'GET /v2/:app/:channel/:repository/blobs/:digest': machine,
  'GET /v2/:app/:channel/:repository/tags/list': machine,
  'GET /embedded/:app/:channel': machine,
  'GET /embedded/:app/:channel/:version': machine,
  'POST /embedded_cluster_metrics/:path': machine,
  'POST /kots_metrics/license_instance/info': machine,
  'GET /release/:app/pending': machine,
  'POST /release/:app/pending': machine,
  'POST /application/custom-metrics': machine,
  'PATCH /application/custom-metrics': machine,
  'GET /license/fields': machine,
  'GET /license/field/:name': machine,
  'GET /license/:appSlug': machine,
  'POST /v3/supportbundle/upload-url': machine,
  /** The URL is the credential: the SDK's PUT carries none (server/wire/sdk/support-bundle.ts). */
  'PUT /v3/supportbundle/upload/:id/:token': machine,
  'POST /v3/supportbundle/:id/uploaded': machine,
  'POST /supportbundle/upload/:appSlug': machine,
};

/**
 * Whether `role` (a person's, or TOKEN_ROLE for a token) may call a route of `access`: the
 * expectation the matrix checks, and what the SPA's `can` already answers for actions.
 */
export function allows(access: RouteAccess, caller: { role: Role; token: boolean }): boolean {
  switch (access.who) {
    case 'anyone':
      return true;
    case 'person':
      return !caller.token;
    case 'team':
      return access.action === undefined || can(caller.token ? TOKEN_ROLE : caller.role, access.action);
    case 'machine':
      return false;
  }
}
