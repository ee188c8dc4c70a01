import { and, desc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { apps, channels, releases, teams } from '../../db/schema';
import { licenseStatus } from '../../releases/license';
import type { AppEnv } from '../../http/env';
import { HttpError, notFound } from '../../http/errors';
import { attemptFor } from '../../installs/attribution';
import { recordCheckpoint } from '../../installs/checkpoints';
import { issuedLicense } from '../../releases/issued-license';
import { parseAuthorization, requireMachine } from '../../service-accounts/credentials';
import { tarGzStream, type TarEntry } from '../../http/tar';
import { withBuiltInRelease } from './demo-installer';

/**
 * GET (and HEAD) /embedded/:app/:channel[/:version][?airgap=true]: the Embedded Cluster bundle (installer,
 * license.yaml and, for air gap, <app>.airgap) as a .tgz, in the shape of replicated.app's
 * endpoint (reference B5). The credentials' team decides what exists: another team's channel is 404.
 *
 * `:channel` is the channel's slug, as the download command has it, or its ID, as the local
 * artifact mirror asks for a cluster's upgrade: `/embedded/<app>/<channelID>/<version>` with Basic
 * `licenseID:licenseID` (embedded-cluster cmd/local-artifact-mirror/pull_binaries.go @ 9bf21ed4,
 * `releaseURL` and `doBinaryRequest`; the operator passes it `--channel-id`).
 */
export async function downloadEmbeddedBundle(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const { identity } = await requireMachine(c, 'any');
  const channelParam = c.req.param('channel');
  const airgap = c.req.query('airgap') === 'true';

  const [row] = await deps.db
    .select({ app: apps, channel: channels })
    .from(teams)
    .innerJoin(apps, eq(apps.id, teams.appId))
    .innerJoin(channels, eq(channels.id, teams.channelId))
    .where(eq(teams.id, identity.team.id));
  // The same answer for a wrong app and another team's channel: neither is this license's.
  const ofThisLicense = row && (row.channel.slug === channelParam || row.channel.id === channelParam);
  if (!row || row.app.slug !== c.req.param('app') || !ofThisLicense) {
    throw notFound('That app or channel');
  }
  const { app, channel } = row;
  const version = c.req.param('version');
  const [release] = await deps.db
    .select()
    .from(releases)
    .where(and(eq(releases.channelId, channel.id), version ? eq(releases.version, version) : undefined))
    .orderBy(desc(releases.sequence))
    .limit(1);
  if (!release) throw notFound(version ? `Version ${version} on ${channel.name}` : `A release on ${channel.name}`);

  const { team } = identity;
  if (licenseStatus(team.licenseExpiresAt, deps.now()) === 'expired') {
    throw new HttpError(403, 'forbidden', 'Your license has expired. Contact the vendor to renew it.');
  }
  if (!team.installTypes.includes(airgap ? 'airgap' : 'embedded')) {
    const what = airgap ? 'air gap installs with the Embedded Cluster installer' : 'the Embedded Cluster installer';
    throw new HttpError(403, 'forbidden', `Your license does not include ${what}.`);
  }

  const filename = `${app.slug}-${channel.slug}.tgz`;
  const headers = {
    'Content-Type': 'application/gzip',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  };
  const installer = await deps.artifacts.open(`embedded/${app.slug}`);
  if (!installer) throw notFound(`The ${app.name} installer`);
  const bundle = airgap
    ? await deps.artifacts.open(`embedded/${channel.slug}/${release.version}/${app.slug}.airgap`)
    : null;
  if (airgap && !bundle) {
    await installer.body.cancel();
    throw new HttpError(400, 'bad_request', `No air gap bundle is built for ${app.name} ${release.version}.`);
  }

  // A HEAD is answered like the GET but builds nothing: an archive made and dropped unread
  // would still be pumped through gzip to its end, and count as a download (issue 6, defect 9).
  if (c.req.method === 'HEAD') {
    await Promise.all([installer.body.cancel(), bundle?.body.cancel()]);
    return new Response(null, { headers });
  }

  const mtime = new Date(release.releasedAt);
  const license = new TextEncoder().encode((await issuedLicense(deps, team.id)).yaml);
  const built = await withBuiltInRelease(installer, {
    channelId: channel.id,
    channelSlug: channel.slug,
    versionLabel: release.version,
    channelSequence: release.sequence,
  });
  const entries: TarEntry[] = [
    { name: app.slug, mode: 0o755, size: built.size, mtime, body: built.body },
    { name: 'license.yaml', mode: 0o600, size: license.length, mtime: deps.now(), body: license },
    ...(bundle ? [{ name: `${app.slug}.airgap`, mode: 0o644, size: bundle.size, mtime, body: bundle.body }] : []),
  ];
  // The artifact mirror (Basic license:license) fetches an upgrade for a cluster already running:
  // no install attempt awaits it. The customer's curl sends the license ID raw (reference B5).
  const upgrade =
    identity.credential === 'license' && parseAuthorization(c.req.header('authorization'))?.scheme === 'basic';
  const attemptId = upgrade ? undefined : (await attemptFor(deps, identity, { kind: 'download' }))?.id;
  const onComplete = async () => {
    if (!attemptId) return;
    await recordCheckpoint(deps, attemptId, 'assets_downloaded').catch((error: unknown) =>
      deps.logger.error('could not record a download', { attemptId, error: String(error) }),
    );
  };
  return new Response(whenReadToTheEnd(tarGzStream(entries), onComplete), { headers });
}

/**
 * The stream unchanged, calling `onComplete` once its reader has asked past the last byte: the
 * download counts when the whole bundle was taken, not when the request arrived or when gzip
 * finished reading its input. With no high-water mark, nothing is read ahead of the reader, so
 * a reader that stops early or cancels never completes it.
 */
function whenReadToTheEnd(stream: ReadableStream<Uint8Array>, onComplete: () => Promise<void>) {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (!done) return controller.enqueue(value);
        await onComplete();
        controller.close();
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}
