import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { emptyArtifactStore, silentLogger, type AppDeps } from './deps';
import { DEFAULT_STALL_AFTER_MS } from './installs/status';
import { IdentityCache } from './service-accounts/service-accounts';
import { EventBus } from './live/event-bus';
import { LIVE_RECHECK_MS } from './live/live-stream';
import type { AppEnv } from './http/env';
import { clientErrorOf, errorResponse, HttpError, logRefusal } from './http/errors';
import { bodyLimit, streamedBody } from './http/body-limit';
import { sameOrigin } from './http/same-origin';
import { requireSession } from './http/session';
import { refuseControlCharacters } from './http/validate';
import { embeddedRoutes } from './wire/embedded-cluster/routes';
import { licenseSyncRoutes } from './wire/license/routes';
import { registryRoutes } from './wire/registry/routes';
import { sdkRoutes } from './wire/sdk/routes';
import { supportBundleUploadRoutes } from './wire/support-bundle/routes';
import { auditRoutes } from './audit/routes';
import { authRoutes } from './auth/routes';
import { brandingRoutes } from './catalogue/branding-routes';
import { dashboardRoutes } from './dashboard/routes';
import { installRoutes } from './installs/routes';
import { airgapRoutes } from './instances/airgap-routes';
import { instanceRoutes } from './instances/routes';
import { licenseRoutes } from './releases/license-routes';
import { meRoutes } from './auth/me';
import { releaseRoutes } from './releases/routes';
import { serviceAccountRoutes } from './service-accounts/routes';
import { acceptRoutes } from './teams/accept';
import { teamRoutes } from './teams/routes';
import { inspectBundle, readBundleFile } from './support-bundles/inspector';
import { memoryBlobStore } from './support-bundles/memory-blob-store';
import { supportBundleRoutes } from './support-bundles/routes';
import { UPLOADS_PATH } from './support-bundles/routes/tus';
import { tusResumable } from './support-bundles/tus-headers';

/**
 * Paths the BFF core answers, known routes or not: the SPA's API and the real clients' paths
 * (Replicated's `/license`, `/release`, `/application`, `/supportbundle`, `/v3` among them), so
 * a client gets the core's JSON 404 there and never the SPA's HTML (issue 7). A host serves
 * everything else itself. A prefix is the path itself or a folder: `/licenses` is not `/license`.
 */
const CORE_PREFIXES = [
  '/api',
  '/v2',
  '/v3',
  '/embedded',
  '/embedded_cluster_metrics',
  '/kots_metrics',
  '/license',
  '/release',
  '/application',
  '/supportbundle',
];
export const isCorePath = (path: string) =>
  CORE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * The BFF: one Hono app over ports, so the Node server, MSW in Node and MSW in the browser all
 * run exactly this code (architecture.md, "One BFF, three hosts").
 */
export function createApp(deps: AppDeps) {
  const resolved: Required<AppDeps> = {
    now: () => new Date(),
    logger: silentLogger,
    events: new EventBus(),
    artifacts: emptyArtifactStore,
    stallAfterMs: DEFAULT_STALL_AFTER_MS,
    identityCache: new IdentityCache(),
    liveRecheckMs: LIVE_RECHECK_MS,
    blobs: memoryBlobStore(),
    // A timer, not a microtask, so the task starts only after the host has taken the response.
    defer: (task) =>
      void setTimeout(() => {
        task().catch((error: unknown) => resolved.logger.error('deferred task failed', { error: String(error) }));
      }, 0),
    ...deps,
  };
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    c.set('deps', resolved);
    await next();
  });
  app.use('/api/*', secureHeaders({ referrerPolicy: 'no-referrer' }));
  app.use('/api/*', sameOrigin(deps.publicUrl));
  app.use(refuseControlCharacters);
  // Ahead of the general limit, which buffers: upload bytes stream to the blob store.
  app.use(`${UPLOADS_PATH}/*`, tusResumable);
  app.use(UPLOADS_PATH, tusResumable);
  app.on('PATCH', `${UPLOADS_PATH}/*`, streamedBody);
  app.use('/api/*', bodyLimit());

  app.get('/api/health', async (c) => {
    try {
      await resolved.db.execute(sql`SELECT 1`);
      return c.json({ status: 'ok' });
    } catch (error) {
      resolved.logger.error('health check failed', { error: String(error) });
      return c.json({ error: { code: 'internal', message: 'The database is not reachable.' } }, 503);
    }
  });
  app.route('/api/branding', brandingRoutes());
  app.route('/api/auth', authRoutes());
  app.route('/api/invites', acceptRoutes());

  // Guarded per resource, so an unknown top-level route is a 404 whether or not anyone is signed
  // in; inside a guarded resource, a signed-out request is a 401 before routing.
  const signedIn = {
    '/api/me': meRoutes(),
    '/api/dashboard': dashboardRoutes(),
    '/api/installs': installRoutes(),
    '/api/instances': instanceRoutes(),
    '/api/airgap-instances': airgapRoutes(),
    '/api/license': licenseRoutes(),
    '/api/releases': releaseRoutes(),
    '/api/team/service-accounts': serviceAccountRoutes(),
    '/api/team': teamRoutes(),
    '/api/support-bundles': supportBundleRoutes({ inspectBundle, readBundleFile }),
  };
  for (const [path, routes] of Object.entries(signedIn)) {
    app.use(path, requireSession);
    app.use(`${path}/*`, requireSession);
    app.route(path, routes);
  }
  // Under /api/team, whose guard already holds the session (one lookup, not two).
  app.route('/api/team/audit', auditRoutes());

  // Ingest: the machines' side, in the wire formats of the tools customers already run.
  app.route('/v2', registryRoutes());
  app.route('/', embeddedRoutes());
  app.route('/', sdkRoutes());
  app.route('/', licenseSyncRoutes());
  app.route('/', supportBundleUploadRoutes());

  app.notFound((c) =>
    errorResponse(c, new HttpError(404, 'not_found', `No API route matches ${c.req.method} ${c.req.path}.`)),
  );
  app.onError((error, c) => {
    const refused = clientErrorOf(error);
    if (refused) {
      logRefusal(resolved.logger, c, error);
      return errorResponse(c, refused);
    }
    resolved.logger.error('unhandled error', { path: c.req.path, error: error.stack ?? String(error) });
    return errorResponse(c, new HttpError(500, 'internal', 'Something went wrong on our side. Try again.'));
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
