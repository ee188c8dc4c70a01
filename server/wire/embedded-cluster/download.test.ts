import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { channels, serviceAccounts, teams } from '../../db/schema';
import { issueServiceAccountToken } from '../../service-accounts/service-accounts';
import type { ArtifactStore } from '../../deps';
import { fileArtifactStore } from '../../node/artifacts';
import { createTestPortal, type TestPortal } from '../../testing/test-portal';
import { checkpointTimes, readTgz, startInstall } from '../../testing/ingest-client';
import { ACME_LICENSE_ID, lamPullBinaries, replay } from '../../testing/recorded-requests';
import { DEMO_INSTALLER_MARKER } from './demo-installer';

const download = (portal: TestPortal, path: string, authorization?: string) =>
  portal.app.request(`http://portal.test${path}`, { headers: authorization ? { authorization } : {} });

describe('Embedded Cluster bundle download', () => {
  it('streams a tgz with the installer and a license that reports to this portal, and marks assets downloaded', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    expect(checkpointTimes(install.attempt).assets_downloaded).toBeNull();

    const response = await download(portal, '/embedded/atlas/stable/1.4.0', install.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/gzip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="atlas-stable.tgz"');
    const files = await readTgz(response.body!);
    expect(files.map((f) => [f.name, f.mode])).toEqual([
      ['atlas', 0o755],
      ['license.yaml', 0o600],
    ]);
    const [installer, license] = files;
    expect(installer!.text).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(installer!.text).toContain("APP_NAME='Atlas Analytics'");
    expect(parse(license!.text)).toEqual({
      apiVersion: 'kots.io/v1beta1',
      kind: 'License',
      metadata: { name: 'acme-corp' },
      spec: {
        licenseID: '2kLp9QvX7mRt4Acme',
        licenseType: 'paid',
        customerName: 'Acme Corp',
        appSlug: 'atlas',
        channelID: '2kLp9QvX7mRt4StableCh',
        channelName: 'Stable',
        licenseSequence: 1,
        endpoint: 'http://portal.test',
        isEmbeddedClusterDownloadEnabled: true,
        isAirgapSupported: true,
        isHelmAirgapEnabled: true,
        isGitOpsSupported: false,
        isIdentityServiceSupported: true,
        isSnapshotSupported: true,
        isSupportBundleUploadSupported: true,
        channels: [
          {
            channelID: '2kLp9QvX7mRt4StableCh',
            channelName: 'Stable',
            channelSlug: 'stable',
            isDefault: true,
            endpoint: 'http://portal.test',
          },
        ],
        entitlements: {
          expires_at: {
            title: 'Expiration',
            description: 'License Expiration',
            value: '2027-11-22T10:00:00Z',
            valueType: 'String',
          },
          edition: { title: 'edition', value: 'enterprise', valueType: 'String' },
          seats: { title: 'seats', value: 250, valueType: 'Integer' },
        },
      },
    });
    // The installer reads these with sed: one `  key: "value"` line each.
    expect(license!.text).toContain(`\n  endpoint: "http://portal.test"\n`);
    expect(license!.text).not.toContain(install.token);

    const attempt = await install.read();
    expect(checkpointTimes(attempt)).toMatchObject({ assets_downloaded: '2026-11-22T10:00:00.000Z' });
    expect(attempt.status).toBe('in_progress');
  });

  it('serves the newest release without a version, and takes Bearer and Basic credentials too', async () => {
    const portal = await createTestPortal();
    const { token } = await startInstall(portal, 'alice@acme.example');
    for (const authorization of [`Bearer ${token}`, `Basic ${btoa(`alice@acme.example:${token}`)}`]) {
      const response = await download(portal, '/embedded/atlas/stable', authorization);
      expect(response.status).toBe(200);
      const license = (await readTgz(response.body!)).find((f) => f.name === 'license.yaml');
      expect(license!.text).toContain('  licenseID: "2kLp9QvX7mRt4Acme"');
    }
    const older = await download(portal, '/embedded/atlas/stable/1.2.0', token);
    const license = (await readTgz(older.body!)).find((f) => f.name === 'license.yaml');
    // The license is the customer's, whatever the version: the same file for every release.
    expect(license!.text).toContain('  licenseID: "2kLp9QvX7mRt4Acme"');
  });

  it('adds the air gap bundle with ?airgap=true when the license allows air gap', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example', { options: { network: 'airgap' } });
    const response = await download(portal, '/embedded/atlas/stable/1.3.0?airgap=true', install.token);
    expect(response.status).toBe(200);
    const files = await readTgz(response.body!);
    expect(files.map((f) => f.name)).toEqual(['atlas', 'license.yaml', 'atlas.airgap']);
    expect(files[2]!.text).toContain('\nversion: 1.3.0\n');
    expect(checkpointTimes(await install.read()).assets_downloaded).not.toBeNull();
  });

  it('refuses air gap to a license without it, and everything to an expired license, recording nothing', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'carol@globex.example');
    const airgap = await download(portal, '/embedded/atlas/stable/1.4.0?airgap=true', install.token);
    expect(airgap.status).toBe(403);
    expect(await airgap.json()).toEqual({
      error: {
        code: 'forbidden',
        message: 'Your license does not include air gap installs with the Embedded Cluster installer.',
      },
    });
    expect(checkpointTimes(await install.read()).assets_downloaded).toBeNull();

    portal.clock.advance(11 * 86_400_000); // Globex's trial ends after 10 days.
    const expired = await download(portal, '/embedded/atlas/stable/1.4.0', install.token);
    expect(expired.status).toBe(403);
    expect((await expired.json()).error.message).toBe('Your license has expired. Contact the vendor to renew it.');
    expect(checkpointTimes(await install.read()).assets_downloaded).toBeNull();
  });

  it('serves an air-gap-only license its air gap bundle but not the online one', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'dave@initech.example', {
      version: '1.5.0-beta.1',
      options: { network: 'airgap' },
    });
    const online = await download(portal, '/embedded/atlas/beta', install.token);
    expect(online.status).toBe(403);
    const airgap = await download(portal, '/embedded/atlas/beta?airgap=true', install.token);
    expect(airgap.status).toBe(200);
    expect(airgap.headers.get('content-disposition')).toBe('attachment; filename="atlas-beta.tgz"');
    const files = await readTgz(airgap.body!);
    expect(files.map((f) => f.name)).toEqual(['atlas', 'license.yaml', 'atlas.airgap']);
    expect(files[1]!.text).toContain('  isEmbeddedClusterDownloadEnabled: true\n  isAirgapSupported: true\n');
  });

  it('answers unknown tokens 401 and other teams’ channels 404, and records nothing', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const unauthenticated = {
      error: {
        code: 'unauthenticated',
        message: 'These credentials are not valid. Send the license ID or a service-account token in Authorization.',
      },
    };
    for (const authorization of [
      undefined,
      'portico_sa_not-a-real-token',
      'Bearer ',
      `Basic ${btoa('x')}`,
      'not-a-license-id',
    ]) {
      const response = await download(portal, '/embedded/atlas/stable/1.4.0', authorization);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(unauthenticated);
    }
    for (const path of [
      '/embedded/atlas/beta', // Initech's channel
      '/embedded/atlas/beta/1.5.0-beta.1',
      '/embedded/other-app/stable',
      '/embedded/atlas/stable/9.9.9',
      '/embedded/atlas/stable/1.5.0-beta.1',
    ]) {
      const response = await download(portal, path, install.token);
      expect(response.status, path).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
    expect(checkpointTimes(await install.read()).assets_downloaded).toBeNull();

    const discarded = await portal.request(`/api/installs/${install.attempt.id}`, {
      method: 'DELETE',
      cookie: install.cookie,
    });
    expect(discarded.status).toBe(200);
    const afterDiscard = await download(portal, '/embedded/atlas/stable/1.4.0', install.token);
    expect(afterDiscard.status).toBe(401);
    const attempt = await install.read();
    expect(attempt.status).toBe('discarded');
    expect(checkpointTimes(attempt).assets_downloaded).toBeNull();
  });

  it('lets a manual service account download without touching any install attempt', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const [acme] = await portal.db.select().from(teams).where(eq(teams.name, 'Acme Corp'));
    const { token, tokenHash } = await issueServiceAccountToken();
    await portal.db
      .insert(serviceAccounts)
      .values({ id: crypto.randomUUID(), teamId: acme!.id, name: 'ci', tokenHash, kind: 'manual' });

    const response = await download(portal, '/embedded/atlas/stable/1.4.0', token);
    expect(response.status).toBe(200);
    expect((await readTgz(response.body!)).map((f) => f.name)).toEqual(['atlas', 'license.yaml']);
    const attempt = await install.read();
    expect(checkpointTimes(attempt).assets_downloaded).toBeNull();
  });

  it('takes the license ID raw, as the download command sends it, and joins the one attempt awaiting a download', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const response = await download(portal, '/embedded/atlas/stable/1.4.0', ACME_LICENSE_ID);
    expect(response.status).toBe(200);
    expect((await readTgz(response.body!)).map((f) => f.name)).toEqual(['atlas', 'license.yaml']);
    expect(checkpointTimes(await install.read()).assets_downloaded).toBe('2026-11-22T10:00:00.000Z');

    // With two attempts awaiting a download, the license ID names neither (decision 008).
    const first = await startInstall(portal, 'alice@acme.example', { name: 'vm-2' });
    const second = await startInstall(portal, 'alice@acme.example', { name: 'vm-3' });
    const ambiguous = await download(portal, '/embedded/atlas/stable', ACME_LICENSE_ID);
    expect(ambiguous.status).toBe(200);
    await readTgz(ambiguous.body!);
    for (const waiting of [first, second]) {
      expect(checkpointTimes(await waiting.read()).assets_downloaded).toBeNull();
    }
  });

  it('serves the artifact mirror an upgrade by channel ID with Basic license:license, ticking no attempt', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const channelId = await acmeChannelId(portal);

    const response = await replay(portal, lamPullBinaries(ACME_LICENSE_ID, channelId, '1.3.0'));
    expect(response.status).toBe(200);
    const files = await readTgz(response.body!);
    // The mirror extracts the entry named after the app (`extractBinaryFromTarball`).
    expect(files.map((f) => [f.name, f.mode])).toEqual([
      ['atlas', 0o755],
      ['license.yaml', 0o600],
    ]);
    expect(files[0]!.text).toContain("VERSION_LABEL='1.3.0'");
    // A running cluster's upgrade is no install attempt's download.
    expect(checkpointTimes(await install.read()).assets_downloaded).toBeNull();

    const [beta] = await portal.db.select().from(channels).where(eq(channels.slug, 'beta'));
    for (const path of [`/embedded/atlas/${beta!.id}/1.5.0-beta.1`, '/embedded/atlas/not-a-channel-id/1.3.0']) {
      const refused = await replay(portal, { ...lamPullBinaries(ACME_LICENSE_ID, channelId, '1.3.0'), path });
      expect(refused.status, path).toBe(404);
    }
    const unknown = await replay(portal, lamPullBinaries('not-a-license-id', channelId, '1.3.0'));
    expect(unknown.status).toBe(401);
  });

  it('writes the release into the demo installer, as the vendor platform builds it into a binary', async () => {
    const portal = await createTestPortal();
    const { token } = await startInstall(portal, 'alice@acme.example');
    const channelId = await acmeChannelId(portal);
    for (const [version, sequence] of [
      ['1.2.0', 3],
      ['1.4.0', 5],
    ] as const) {
      const response = await download(portal, `/embedded/atlas/stable/${version}`, token);
      const [installer] = await readTgz(response.body!);
      expect(installer!.text).toContain(
        `CHANNEL_ID='${channelId}'\nCHANNEL_SLUG='stable'\nVERSION_LABEL='${version}'\nCHANNEL_SEQUENCE='${sequence}'\n`,
      );
      expect(installer!.text).not.toMatch(/__[A-Z_]+__/);
      expect(installer!.size).toBe(installer!.bytes.length);
    }
  });

  it('streams any other installer untouched, a real binary above all', async () => {
    const script = (body: string) => new TextEncoder().encode(`#!/usr/bin/env bash${DEMO_INSTALLER_MARKER}${body}`);
    const installers: Uint8Array<ArrayBuffer>[] = [
      // An ELF binary that happens to hold the marker and a placeholder.
      new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0xff, 0xfe, ...script("V='__VERSION_LABEL__'\n")]),
      // A script with the marker, but far larger than the demo installer.
      script(`V='__VERSION_LABEL__'\n${'#'.repeat(300 * 1024)}\n`),
      // A small script without the marker.
      new TextEncoder().encode("#!/bin/sh\nV='__VERSION_LABEL__'\n"),
    ];
    for (const bytes of installers) {
      const files = fileArtifactStore(inject('artifactsDir'));
      const artifacts: ArtifactStore = {
        ...files,
        open: async (path) =>
          path === 'embedded/atlas' ? { body: new Response(bytes).body!, size: bytes.length } : files.open(path),
      };
      const portal = await createTestPortal({ deps: { artifacts } });
      const { token } = await startInstall(portal, 'alice@acme.example');
      const [installer] = await readTgz((await download(portal, '/embedded/atlas/stable/1.4.0', token)).body!);
      expect(installer!.bytes).toEqual(bytes);
    }
  });
});

async function acmeChannelId(portal: TestPortal) {
  const [stable] = await portal.db.select().from(channels).where(eq(channels.slug, 'stable'));
  return stable!.id;
}
