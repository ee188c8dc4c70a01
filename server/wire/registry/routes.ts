import { Hono, type Context } from 'hono';
import { authenticateRegistry } from './auth';
import type { RegistryEnv } from './env';
import { RegistryError, nameInvalid, nameUnknown, referenceInvalid, registryErrorResponse } from './errors';
import { isReference, isRepositoryName, repositoryRequestOf } from './names';
import { clientErrorOf, logRefusal } from '../../http/errors';
import { mayPullFromRegistry } from '../../releases/registry-entitlements';
import { isChart } from '../../releases/images';
import { recordImagePull } from './pulls';
import { openRepository } from './repository';
import { servedBlob, servedManifest } from './served';

/** How long clients may reuse the bearer token before asking again (see the token route). */
const TOKEN_TTL_SECONDS = 300;
const REPOSITORY = '/:app/:channel/:repository';

const manifestUnknown = () => new RegistryError(404, 'MANIFEST_UNKNOWN', 'This manifest is not in the repository.');
const blobUnknown = () => new RegistryError(404, 'BLOB_UNKNOWN', 'This blob is not in the repository.');

/**
 * The OCI distribution API under /v2/ (issue 3), read-only, over the vendor's OCI image layout:
 * `<app>/<channel>/<repository>` names the Helm chart (repository = app slug) and the images of
 * the releases on the team's channel; the chart is served as the team's own, with its values
 * injected (served.ts). Requests carrying an install attempt's token are what records its
 * registry_login and images_pulled checkpoints (product reference §2.5, §2.8).
 */
export function registryRoutes() {
  const registry = new Hono<RegistryEnv>();
  registry.onError((error, c) => {
    if (error instanceof RegistryError) return registryErrorResponse(c, error);
    const { logger } = c.get('deps');
    // The BFF's safety net for bad input that got past the checks, answered in the OCI shape.
    const refused = clientErrorOf(error);
    if (refused) {
      logRefusal(logger, c, error);
      const code = refused.status === 404 ? 'NAME_UNKNOWN' : 'UNSUPPORTED';
      return registryErrorResponse(c, new RegistryError(refused.status, code, refused.message));
    }
    logger.error('registry error', { path: c.req.path, error: error.stack ?? String(error) });
    return registryErrorResponse(c, new RegistryError(500, 'UNKNOWN', 'Something went wrong on our side. Try again.'));
  });
  registry.use(async (c, next) => {
    await next();
    c.res.headers.set('Docker-Distribution-API-Version', 'registry/2.0');
  });
  // Before anything else, authentication included: a name or reference outside the grammar is
  // never looked up, logged into a checkpoint or quoted into a challenge (issue 6, defect 5).
  registry.use(async (c, next) => {
    const request = repositoryRequestOf(c.req.path);
    if (request && !isRepositoryName(request.name)) throw nameInvalid();
    if (request?.kind === 'manifests' && !isReference(request.reference)) throw referenceInvalid();
    await next();
  });
  registry.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', () => {
    throw new RegistryError(405, 'UNSUPPORTED', 'This registry is read-only.');
  });

  /**
   * Docker's token flow (distribution "token authentication"). The bearer token handed back is
   * the service-account token itself: the client already holds it, so nothing new is minted or
   * stored, and since every /v2 request looks it up again, revoking the account or discarding
   * the attempt cuts a client off at its next request. A derived short-lived token would need a
   * signing key shared by every replica and would add no protection: access is decided per
   * request (team, channel, license), so the requested `scope` grants nothing by itself.
   * expires_in only tells clients when to come back for a fresh one.
   */
  registry.get('/token', async (c) => {
    const { token } = await authenticateRegistry(c);
    c.header('Cache-Control', 'no-store');
    const issuedAt = c.get('deps').now().toISOString();
    return c.json({ token, access_token: token, expires_in: TOKEN_TTL_SECONDS, issued_at: issuedAt });
  });

  // Bearer (after the token flow) and Basic (clients that skip it) both carry the token.
  registry.use(async (c, next) => {
    c.set('registry', await authenticateRegistry(c));
    await next();
  });

  // The version check clients start with. Mounted at /v2, a '/' route would match only "/v2",
  // and clients ask for "/v2/".
  registry.get('/*', async (c, next) => (/^\/v2\/?$/.test(c.req.path) ? c.json({}) : next()));

  registry.get(`${REPOSITORY}/manifests/:reference`, async (c) => {
    const { deps, identity, view } = await repositoryOf(c);
    const reference = c.req.param('reference');
    const manifest = await servedManifest(deps, identity.team.id, view, reference);
    if (!manifest) throw manifestUnknown();
    // Only a GET fetches the manifest; a HEAD (clients checking for updates) pulls nothing.
    if (c.req.method === 'GET' && identity.attempt && !isChart(c.req.param('repository'), view.appSlug)) {
      await recordImagePull(deps, identity.attempt, view, reference);
    }
    return c.body(manifest.bytes, 200, {
      'Content-Type': manifest.mediaType,
      'Content-Length': String(manifest.bytes.byteLength),
      'Docker-Content-Digest': manifest.digest,
    });
  });

  registry.get(`${REPOSITORY}/blobs/:digest`, async (c) => {
    const { deps, identity, view } = await repositoryOf(c);
    const digest = c.req.param('digest');
    const blob = await servedBlob(deps, identity.team.id, view, digest);
    if (!blob) throw blobUnknown();
    const headers = {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(blob.size),
      'Docker-Content-Digest': digest,
    };
    if (c.req.method === 'HEAD') {
      if (blob.body instanceof ReadableStream) await blob.body.cancel();
      return c.body(null, 200, headers);
    }
    return c.body(blob.body, 200, headers);
  });

  registry.get(`${REPOSITORY}/tags/list`, async (c) => {
    const { view } = await repositoryOf(c);
    const last = c.req.query('last');
    const all = [...new Set(view.entries.map((e) => e.tag))].sort().filter((t) => last === undefined || t > last);
    const n = Number(c.req.query('n') ?? all.length);
    const tags = Number.isInteger(n) && n >= 0 ? all.slice(0, n) : all;
    if (tags.length < all.length && tags.length > 0) {
      const next = new URLSearchParams({ n: String(n), last: tags.at(-1)! });
      c.header('Link', `</v2/${view.name}/tags/list?${next}>; rel="next"`);
    }
    return c.json({ name: view.name, tags });
  });

  registry.all('*', () => {
    throw nameUnknown();
  });
  return registry;
}

/**
 * The repository a request names, as the token's team sees it. The license is asked first, so a
 * refusal is the same whether or not the repository exists: DENIED, because the token is good
 * and it is the license that does not include this (docs/decisions/005-registry-entitlements.md).
 */
async function repositoryOf(c: Context<RegistryEnv>) {
  const deps = c.get('deps');
  const identity = c.get('registry');
  const path = { app: c.req.param('app')!, channel: c.req.param('channel')!, repository: c.req.param('repository')! };
  if (!mayPullFromRegistry(identity.team.installTypes, path)) {
    throw new RegistryError(
      403,
      'DENIED',
      'Your license does not include Helm installs, so its chart and images cannot be pulled from this registry. Contact your vendor.',
    );
  }
  const view = await openRepository(deps, identity.team.id, path);
  return { deps, identity, view };
}
