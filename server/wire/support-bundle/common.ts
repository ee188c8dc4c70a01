import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { SupportBundle } from '../../support-bundles/store';
import { apps, instances } from '../../db/schema';
import type { AppEnv } from '../../http/env';
import { HttpError } from '../../http/errors';
import type { Uploader } from '../../support-bundles/store';
import type { MachineIdentity } from '../../service-accounts/service-accounts';

/** Who sent a bundle: the service account whose token it is, or the team's license ID. */
export const uploaderOf = (identity: MachineIdentity): Uploader =>
  identity.serviceAccount
    ? { kind: 'service_account', id: identity.serviceAccount.id }
    : { kind: 'license', id: identity.team.id };

/** The team's app slug must be the one in the path, as replicated.app's routes are per app. */
export async function requireTeamApp(c: Context<AppEnv>, identity: MachineIdentity, appSlug: string) {
  const [app] = await c.get('deps').db.select({ slug: apps.slug }).from(apps).where(eq(apps.id, identity.team.appId));
  if (app?.slug !== appSlug) throw new HttpError(404, 'not_found', 'This license is not for that app.');
}

/** The team's instance a client names by its own id (X-Replicated-InstanceID), if the portal knows it. */
export async function reportedInstanceId(c: Context<AppEnv>, teamId: string): Promise<string | null> {
  const externalId = c.req.header('x-replicated-instanceid');
  if (!externalId || externalId.length > 64) return null;
  const [found] = await c
    .get('deps')
    .db.select({ id: instances.id })
    .from(instances)
    .where(and(eq(instances.teamId, teamId), eq(instances.externalId, externalId)));
  return found?.id ?? null;
}

/** The Content-Length a client declared, if any; the body is held to it. */
export function declaredLengthOf(c: Context<AppEnv>): number | undefined {
  const header = c.req.header('content-length');
  if (header === undefined) return undefined;
  if (!/^\d{1,16}$/.test(header)) throw new HttpError(400, 'bad_request', 'Content-Length must be a whole number.');
  return Number(header);
}

/**
 * The answer to a client once its bundle is stored: 201 when accepted, and 422 with the reason
 * when the inspection refused it (the history keeps it, rejected), so the CLI says it failed.
 */
export function bundleAnswer(c: Context<AppEnv>, bundle: SupportBundle) {
  if (bundle.status === 'rejected') {
    const reason = bundle.rejection?.message ?? 'The portal refused this bundle.';
    throw new HttpError(422, 'bundle_rejected', reason, { code: bundle.rejection?.code });
  }
  return c.json({ bundleId: bundle.id, slug: bundle.id, status: bundle.status }, 201);
}
