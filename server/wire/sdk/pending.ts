import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { Context } from 'hono';
import { apps, releases } from '../../db/schema';
import type { AppEnv } from '../../http/env';
import { HttpError, notFound } from '../../http/errors';
import { recordCheckIn } from '../../instances/check-in';
import { requireMachine } from '../../service-accounts/credentials';
import { readInstanceData } from './instance-data';

/**
 * `/release/:app/pending`: the releases on the license's channel after the one the caller runs,
 * in replicated.app's shape (reference B3, B5). Two real callers:
 * - the Replicated SDK's update check, at start-up and on every `GET /api/v1/app/updates`: POST
 *   `?channelSequence=<n|"">&licenseSequence=<n>&isSemverSupported=true&sortOrder=desc`, with the
 *   check-in's headers and body (replicated-sdk pkg/upstream/replicated.go). Its start-up retries
 *   until this answers 200, and its API serves nothing before that (pkg/apiserver/bootstrap.go).
 * - the Embedded Cluster binary: GET `?channelSequence=&isSemverSupported=true&selectedChannelId=<id>`,
 *   reading the first release as the latest (cmd/installer/cli/release.go), and GET
 *   `…&sortOrder=asc` to find required releases before an upgrade (pkg-new/replicatedapi/client.go).
 * `licenseSequence`, `isSemverSupported` and EC's `X-Replicated-CurrentChannelSequence` change
 * nothing here: Portico keeps one license version and orders releases by channel sequence.
 */
export async function pendingReleases(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const { identity } = await requireMachine(c, 'sdk');
  const { team } = identity;
  const query = parseQuery(c);

  const [app] = await deps.db.select({ slug: apps.slug }).from(apps).where(eq(apps.id, team.appId));
  if (!app || app.slug !== c.req.param('app')) throw notFound('That app');
  if (query.selectedChannelId !== undefined && query.selectedChannelId !== team.channelId) {
    throw new HttpError(404, 'not_found', "That channel is not this license's channel.");
  }

  // The SDK's update check reports the instance as a check-in does (reference B3). At start-up
  // its informers have said nothing yet, so such a report leaves the recorded status alone.
  if (c.req.method === 'POST' && c.req.header('X-Replicated-InstanceID')) {
    await recordCheckIn(deps, identity, await readInstanceData(c, null));
  }

  const rows = await deps.db
    .select()
    .from(releases)
    .where(
      and(
        eq(releases.channelId, team.channelId),
        query.channelSequence === undefined ? undefined : gt(releases.sequence, query.channelSequence),
      ),
    )
    .orderBy(query.sortOrder === 'asc' ? asc(releases.sequence) : desc(releases.sequence));
  return c.json({
    channelReleases: rows.map((release) => ({
      channelId: team.channelId,
      channelSequence: release.sequence,
      // The catalogue numbers releases per channel only; its sequence stands for both.
      releaseSequence: release.sequence,
      versionLabel: release.version,
      ...(SEMVER.test(release.version) ? { semver: release.version } : {}),
      isRequired: release.required,
      createdAt: release.releasedAt.toISOString().replace(/\.000Z$/, 'Z'),
      releaseNotes: release.notes,
    })),
  });
}

// semver.org's grammar, less its length: a label the SDK and EC can compare as a version.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** An empty value is absent: the SDK sends `channelSequence=` when its channel changed. */
function parseQuery(c: Context<AppEnv>) {
  const channelSequence = c.req.query('channelSequence') || undefined;
  if (channelSequence !== undefined && !/^\d{1,9}$/.test(channelSequence)) {
    throw badQuery('channelSequence', 'channelSequence must be a whole number, or empty for every release.');
  }
  const sortOrder = c.req.query('sortOrder') || 'desc';
  if (sortOrder !== 'asc' && sortOrder !== 'desc') throw badQuery('sortOrder', 'sortOrder must be asc or desc.');
  return {
    channelSequence: channelSequence === undefined ? undefined : Number(channelSequence),
    sortOrder,
    selectedChannelId: c.req.query('selectedChannelId') || undefined,
  };
}

const badQuery = (name: string, message: string) =>
  new HttpError(400, 'validation_failed', message, { fields: { [name]: message } });
