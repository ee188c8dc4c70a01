import { eq } from 'drizzle-orm';
import { registryPulls, type installAttempts } from '../../db/schema';
import type { AppEnv } from '../../http/env';
import { recordCheckpointOnce } from '../../installs/checkpoints';
import { imageEntries } from '../../releases/images';
import type { RepositoryView } from './repository';

type Deps = AppEnv['Variables']['deps'];
type Attempt = typeof installAttempts.$inferSelect;

/**
 * An image manifest fetched with an attempt's token (a GET, by tag or digest), remembered once per
 * repository and reference. When every image of the attempt's version (server/releases/images.ts)
 * has been fetched, by either its tag or its digest, the attempt reaches images_pulled.
 */
export async function recordImagePull(deps: Deps, attempt: Attempt, view: RepositoryView, reference: string) {
  await deps.db
    .insert(registryPulls)
    .values({ attemptId: attempt.id, repository: view.name, reference, pulledAt: deps.now() })
    .onConflictDoNothing();
  if (attempt.imagesPulledAt) return;

  const images = imageEntries(view.layout, view.appSlug, attempt.version);
  if (images.length === 0) return;
  const pulls = await deps.db
    .select({ repository: registryPulls.repository, reference: registryPulls.reference })
    .from(registryPulls)
    .where(eq(registryPulls.attemptId, attempt.id));
  const pulled = new Set(pulls.map((p) => `${p.repository}@${p.reference}`));
  const prefix = `${view.appSlug}/${view.channelSlug}/`;
  const all = images.every(
    (e) => pulled.has(`${prefix}${e.repository}@${e.tag}`) || pulled.has(`${prefix}${e.repository}@${e.digest}`),
  );
  if (all) await recordCheckpointOnce(deps, attempt, 'images_pulled');
}
